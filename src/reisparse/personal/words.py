"""Word lists of the personal-data detector, Dutch and English, all lower case.

Kept in code rather than in ``data/`` because they are short and their grammar (titles with a
portfolio, honorifics that stack) is part of the rules that use them.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as running text, one word per whitespace."""
    return frozenset(text.split())


# Local parts of e-mail addresses that belong to a function, not to a person.
FUNCTIONAL_MAILBOXES = words(
    """info informatie contact pers press media communicatie communications comms griffie
    secretariaat secretariat bestuurssecretariaat noreply no-reply donotreply servicedesk helpdesk
    support klantenservice post postbus mail office kantoor admin webmaster receptie reception
    internationaal international europa events evenementen publiekszaken gemeente raad college
    burgemeester bestuur directie hr personeelszaken facturen invoices finance crediteuren
    debiteuren inkoop woo wob privacy fg security abuse hostmaster postmaster"""
)

# Labels after which a nine-digit number is a reference, not a BSN.
REFERENCE_LABELS = (
    "kenmerk", "zaak", "factuur", "invoice", "order", "bestel", "dossier", "referentie",
    "reference", "ref", "kvk", "btw", "vat", "polis", "klant", "customer", "registratie",
    "document", "kostenplaats", "cost", "contract", "project", "aanvraagnummer", "boeking",
    "booking", "ticket", "vlucht", "flight", "rekening", "account", "relatie",
)  # fmt: skip

WEEKDAYS = words(
    """monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag"""
)
MONTHS = words(
    """january february march april may june july august september october november december
    januari februari maart mei juni juli augustus oktober"""
)

# Words before a name that are not part of it. Dots are optional in the text ("dhr" / "dhr.").
HONORIFICS = (
    "mevrouw", "mevr", "mw", "mej", "de heer", "heer", "meneer", "mijnheer", "dhr", "hr", "mr",
    "mrs", "ms", "miss", "mx", "sir", "dame", "dr", "drs", "dra", "prof", "ir", "ing", "ds", "bc",
)  # fmt: skip

# Public office holders: a name right after one of these stays public. (surface, reason, plural?)
OFFICE_TITLES: tuple[tuple[str, str, bool], ...] = (
    ("burgemeester", "burgemeester", False),
    ("loco-burgemeester", "burgemeester", False),
    ("locoburgemeester", "burgemeester", False),
    ("wethouder", "wethouder", False),
    ("wethouders", "wethouder", True),
    ("raadslid", "raadslid", False),
    ("gemeenteraadslid", "raadslid", False),
    ("raadsleden", "raadslid", True),
    ("statenlid", "statenlid", False),
    ("statenleden", "statenlid", True),
    ("gedeputeerde", "gedeputeerde", False),
    ("gedeputeerden", "gedeputeerde", True),
    ("commissaris van de koning", "commissaris van de Koning", False),
    ("commissaris van de koningin", "commissaris van de Koning", False),
    ("minister-president", "minister-president", False),
    ("minister", "minister", False),
    ("ministers", "minister", True),
    ("staatssecretaris", "staatssecretaris", False),
    ("kamerlid", "Kamerlid", False),
    ("tweede kamerlid", "Kamerlid", False),
    ("eerste kamerlid", "Kamerlid", False),
    ("kamerleden", "Kamerlid", True),
    ("europarlementariër", "Europarlementariër", False),
    ("eurocommissaris", "eurocommissaris", False),
    ("dijkgraaf", "dijkgraaf", False),
    ("gezaghebber", "gezaghebber", False),
    ("ambassadeur", "ambassadeur", False),
    ("consul-generaal", "consul", False),
    ("consul", "consul", False),
    ("schepen", "schepen", False),
    ("mayor", "Mayor", False),
    ("oberbürgermeister", "Mayor", False),
    ("bürgermeister", "Mayor", False),
    ("maire", "Mayor", False),
    ("alcalde", "Mayor", False),
    ("alcaldesa", "Mayor", False),
    ("sindaco", "Mayor", False),
    ("borgmester", "Mayor", False),
    ("borgmästare", "Mayor", False),
    ("lord mayor", "Mayor", False),
    ("deputy mayor", "Deputy Mayor", False),
    ("vice-mayor", "Deputy Mayor", False),
    ("vice mayor", "Deputy Mayor", False),
    ("mayors", "Mayor", True),
    ("alderman", "Alderman", False),
    ("alderwoman", "Alderman", False),
    ("aldermen", "Alderman", True),
    ("councillor", "Councillor", False),
    ("councilor", "Councillor", False),
    ("councillors", "Councillor", True),
    ("councilman", "Councillor", False),
    ("councilwoman", "Councillor", False),
    ("deputy minister", "Minister", False),
    ("prime minister", "Prime Minister", False),
    ("state secretary", "State Secretary", False),
    ("secretary of state", "Secretary of State", False),
    ("ambassador", "Ambassador", False),
    ("consul general", "Consul", False),
    ("governor", "Governor", False),
    ("lieutenant governor", "Governor", False),
    ("senator", "Senator", False),
    ("congressman", "Member of Congress", False),
    ("congresswoman", "Member of Congress", False),
    ("mp", "MP", False),
    ("mep", "MEP", False),
    ("commissioner", "Commissioner", False),
    ("president", "President", False),
)

# Capitalised words that are functions, not names ("Director Placemaking X", "Tolk Gijs Peters").
FUNCTION_WORDS = words(
    """director directeur directrice head hoofd manager managers officer officers advisor adviser
    advisors adviseur adviseurs beleidsadviseur beleidsmedewerker senior junior policy chief
    professor hoogleraar lector researcher onderzoeker coordinator coördinator chair chairman
    chairwoman voorzitter secretary secretaris griffier chauffeur driver tolk interpreter
    reisleider havenmeester conservator curator moderator speaker spreker sprekers panel
    panellist keynote host gastheer projectleider programmamanager teamleider afdelingshoofd
    founder oprichter partner ceo cto cfo coo staff team delegation delegatie delegatieleider
    vice deputy assistant assistent medewerker medewerkers employee consultant analyst
    engineer architect stadsbouwmeester planner stadsplanner woordvoerder spokesperson
    ambtenaar official officials vertegenwoordiger representative contactpersoon contact owner
    eigenaar trekker actie action lead aanvrager declarant deelnemer deelnemers participants
    attendees aanwezig colleague collega facilitator facilitators moderators hosts organiser
    organisers organizer organizers panellists panelists presenter presenters trainer trainers
    guide gids begeleider begeleiders contactpersonen"""
)

# Words in or right after a candidate that make it an organisation, place, event or thing.
ORG_WORDS = words(
    """gemeente municipality city stad stadt ville ciudad cidade kommune ministerie ministry
    ministerium embassy ambassade consulate consulaat provincie province region regio council
    raad senaat senate parliament parlement kamer university universiteit universität université
    universidad college school hogeschool academy academie institute instituut institut centre
    center centrum museum musea huis house hall park fonds fund foundation stichting vereniging
    association trust bank hotel hostel hospital ziekenhuis kinderziekenhuis clinic kliniek mc umc
    arena stadium stadion station airport luchthaven port haven havn harbour bedrijf company
    corporation group groep holding partners consulting consultancy bureau agency agentschap
    authority autoriteit office kantoor network netwerk lab labs festival week expo congress
    congres summit conference conferentie forum award prize prijs programme program programma
    project controls mobility systems solutions technologies energy airlines airways ltd inc
    bv nv gmbh ag ab sa llc plc street road lane avenue square bridge brug olympic library
    bibliotheek theater theatre church kerk cathedral kathedraal palace paleis castle kasteel
    tower toren gallery galerie zoo garden gardens tuin court school lyceum gymnasium rooms
    inn lodge suites apartments hostel
    prize cup trophy lecture lezing collection collectie fellowship scholarship beurs
    cultuurfonds prijzen ziekte disease syndrome syndroom effect law wet principle plan
    initiative initiatief alliance alliantie coalition coalitie union unie commission commissie
    committee agenda strategy strategie day vertegenwoordiging representation mission missie
    delegation"""
)

# Capitalised words that start sentences, headings or programme lines but never a name.
COMMON_CAPS = words(
    """the a an and or of in on at to for from with by after before during our we us they it
    this that these those there here then also yes no note total next last first second third
    all both each every some more most other such het een en of op in aan met voor na bij namens
    tijdens dit deze die dat er ook daar hier daarna aansluitend vervolgens ja nee totaal
    welkom welcome lunch break pauze dinner diner borrel reception bezoek visit tour rondleiding
    presentatie presentation workshop session sessie opening afsluiting closing plenary plenaire
    programma programme dag day days week weken verslag report readout samenvatting summary
    kosten costs vervoer transport logistiek logistics contact contacts afspraken agreements
    doel purpose vragen questions adres address telefoon phone mobiel mobile email e-mail website
    dear beste geachte kind regards groet groeten vriendelijke met hartelijke sincerely best
    north south east west noord zuid oost west central centraal new nieuw nieuwe old oud oude
    great grote groot little klein kleine upper lower saint sint st san santa holy
    dutch nederlandse nederlands netherlands nederland european europese europa europe africa
    afrika asia azië america amerika scandinavia scandinavië benelux international
    internationale national nationale royal koninklijke koninklijk
    smart green groene blue digital digitale urban open public publieke
    ms mr mrs dr prof"""
)

# Words that introduce a list of names ("with: A, B and C", "met A en B", "led by A").
LIST_INTRODUCERS = (
    "with", "met", "by", "door", "led by", "moderated by", "chaired by", "hosted by",
    "onder leiding van", "in gesprek met", "together with", "samen met", "contact person",
    "contactpersoon", "contactpersoon aldaar", "contactpersoon is", "contactpersoon aldaar is",
    "trekker is", "trekker", "verantwoordelijk", "eigenaar", "owner", "lead", "actie",
    "action", "his colleague", "her colleague", "zijn collega", "haar collega",
    "opgesteld door", "written by", "accompanied by", "vergezeld door", "begeleid door",
)  # fmt: skip

# Surname particles (tussenvoegsels and their foreign kin).
_LOWER_PARTICLES = tuple(
    words("van von de der den ten ter te da di del della dos das du la le el 't")
)
PARTICLES = frozenset(
    [*_LOWER_PARTICLES, *(p.capitalize() for p in _LOWER_PARTICLES), "'T", "al", "bin", "ben"]
)

# The last part of a street name ("Kerkstraat", "Laan van Meerdervoort", "Elm Grove").
STREET_SUFFIXES = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg",
    "markt", "pad", "baan", "wal", "plantsoen", "boulevard", "allee", "hof", "park", "veld",
    "erf", "ring", "burg", "haven", "oord", "kwartier", "dam", "brink",
)  # fmt: skip
ENGLISH_STREET_WORDS = words(
    """street st road rd lane ln avenue ave grove gate drive dr close way square place crescent
    terrace court row hill gardens park walk mews parade quay wharf"""
)

# Words before an address that make it an organisation's (office, hotel, embassy...).
ADDRESS_ORG_WORDS = words(
    """gemeente municipality stadhuis city hall ministerie ministry ambassade embassy consulaat
    consulate provincie province hotel hostel b.v. bv n.v. nv ltd gmbh inc stichting foundation
    universiteit university hogeschool kantoor office postbus reisbureau bedrijf company
    organisatie organisation organization bezoekadres postadres secretariaat raadhuis
    museum ziekenhuis hospital school venue locatie location conference conferentie authority
    autoriteit havenbedrijf agency agentschap invoices invoice factuuradres facturen billing"""
)
# Words before an address that make it a person's.
ADDRESS_PERSON_WORDS = words(
    """woonadres huisadres thuisadres privéadres priveadres ophaaladres woonachtig woont
    home private residence gastgezin"""
)

# Portfolios between an office title and the name ("wethouder Economie Ahmed El Idrissi").
PORTFOLIO_WORDS = words(
    """economie economische zaken onderwijs cultuur sport zorg welzijn wonen ruimte mobiliteit
    verkeer vervoer klimaat energie duurzaamheid milieu financiën financien financiën
    buitenlandse binnenlandse zaken handel ontwikkelingssamenwerking defensie justitie
    veiligheid werk inkomen jeugd armoede participatie integratie haven havens innovatie
    landbouw natuur water infrastructuur waterstaat volkshuisvesting stedelijke ontwikkeling
    europa europese internationale digitalisering asiel migratie gezondheid milieu groene groei
    environment mobility transport housing economy economic affairs culture education finance
    health climate sustainability digital innovation planning social youth sport sports tourism
    security safety infrastructure energy water urban development foreign trade justice defence
    defense interior agriculture bouwen ruimtelijke ordening stadsontwikkeling buitenruimte
    openbare groen erfgoed monumenten kunst sociaal domein personeel organisatie ict
    dienstverlening bereikbaarheid parkeren handhaving orde burgerzaken recreatie toerisme
    evenementen citymarketing energietransitie afval inclusie diversiteit emancipatie wijken
    wijkaanpak grondzaken vastgoed schuldhulp volksgezondheid media"""
)

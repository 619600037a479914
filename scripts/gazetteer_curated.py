"""Hand-curated data for scripts/build_gazetteer.py: exonyms, islands, country names, stop lists.

GeoNames alternate names carry no language tag, so Dutch exonyms that must work are listed here.
Everything is data; build_gazetteer.py decides what to do with it.
"""

from __future__ import annotations

# GeoNames uses the local name for some cities that have a well-known English one.
ENGLISH_NAMES: dict[tuple[str, str], str] = {
    ("Köln", "DE"): "Cologne",
    ("Gent", "BE"): "Ghent",
    ("Brugge", "BE"): "Bruges",
    ("Hannover", "DE"): "Hanover",
    ("Zürich", "CH"): "Zurich",
    ("Ieper", "BE"): "Ypres",
    ("Almere Stad", "NL"): "Almere",
}


def _table(text: str) -> list[tuple[str, str, str]]:
    """Parse "alias = GeoNames name @ CC" lines."""
    rows = []
    for line in text.strip().splitlines():
        alias, _, rest = line.partition("=")
        name, _, cc = rest.partition("@")
        rows.append((alias.strip(), name.strip(), cc.strip()))
    return rows


def _pairs(text: str) -> list[tuple[str, str]]:
    """Parse "name = other; name = other" lists."""
    items = (" ".join(item.split()).partition(" = ") for item in text.split(";"))
    return [(name, other) for name, _, other in items if other]


# Dutch (and a few English) names that must resolve, whatever GeoNames' alternate names say.
EXONYMS = _table("""
Den Haag = The Hague @ NL
's-Gravenhage = The Hague @ NL
Haag = The Hague @ NL
Den Bosch = 's-Hertogenbosch @ NL
Hertogenbosch = 's-Hertogenbosch @ NL
Keulen = Köln @ DE
Aken = Aachen @ DE
Berlijn = Berlin @ DE
München = Munich @ DE
Neurenberg = Nuremberg @ DE
Frankfort = Frankfurt am Main @ DE
Frankfurt = Frankfurt am Main @ DE
Brunswijk = Braunschweig @ DE
Parijs = Paris @ FR
Rijsel = Lille @ FR
Duinkerken = Dunkirk @ FR
Duinkerke = Dunkirk @ FR
Straatsburg = Strasbourg @ FR
Atrecht = Arras @ FR
Kamerijk = Cambrai @ FR
Londen = London @ GB
Kopenhagen = Copenhagen @ DK
Praag = Prague @ CZ
Brussel = Brussels @ BE
Bruxelles = Brussels @ BE
Antwerpen = Antwerp @ BE
Luik = Liège @ BE
Namen = Namur @ BE
Doornik = Tournai @ BE
Louvain = Leuven @ BE
Oostende = Ostend @ BE
Genève = Geneva @ CH
Geneve = Geneva @ CH
Bazel = Basel @ CH
Lissabon = Lisbon @ PT
Milaan = Milan @ IT
Napels = Naples @ IT
Venetië = Venice @ IT
Turijn = Turin @ IT
Genua = Genoa @ IT
Florence = Florence @ IT
Athene = Athens @ GR
Moskou = Moscow @ RU
Sint-Petersburg = Saint Petersburg @ RU
Warschau = Warsaw @ PL
Krakau = Kraków @ PL
Boedapest = Budapest @ HU
Wenen = Vienna @ AT
Göteborg = Gothenburg @ SE
Kiev = Kyiv @ UA
Kiëv = Kyiv @ UA
Odessa = Odesa @ UA
Boekarest = Bucharest @ RO
Belgrado = Belgrade @ RS
Istanboel = Istanbul @ TR
Saragossa = Zaragoza @ ES
Kaapstad = Cape Town @ ZA
Peking = Beijing @ CN
Tokio = Tokyo @ JP
Jeruzalem = Jerusalem @ IL
Caïro = Cairo @ EG
Bagdad = Baghdad @ IQ
Teheran = Tehran @ IR
Havanna = Havana @ CU
Mexico-Stad = Mexico City @ MX
New York = New York City @ US
Washington = Washington @ US
Luxemburg = Luxembourg @ LU
Borsele = Borssele @ NL
Rio = Rio de Janeiro @ BR
Triëst = Trieste @ IT
Mekka = Makkah @ SA
Mecca = Makkah @ SA
""")

# Islands: (English name, ISO code, main town (GeoNames name), approximate population, aliases).
# The Caribbean parts of the Kingdom first; island populations are rounded CBS/census figures.
ISLANDS: list[tuple[str, str, str, int, tuple[str, ...]]] = [
    ("Aruba", "AW", "Oranjestad", 107_000, ()),
    ("Curaçao", "CW", "Willemstad", 150_000, ("Kòrsou",)),
    ("Sint Maarten", "SX", "Philipsburg", 42_000, ("St. Maarten", "Sint-Maarten")),
    ("Bonaire", "BQ", "Kralendijk", 24_000, ("Boneiru",)),
    ("Sint Eustatius", "BQ", "Oranjestad", 3_200, ("St. Eustatius", "Sint-Eustatius", "Statia")),
    ("Saba", "BQ", "The Bottom", 2_000, ()),
    ("Texel", "NL", "Den Burg", 13_700, ()),
    ("Vlieland", "NL", "Oost-Vlieland", 1_200, ()),
    ("Terschelling", "NL", "West-Terschelling", 4_900, ()),
    ("Ameland", "NL", "Nes", 3_800, ()),
    ("Schiermonnikoog", "NL", "Schiermonnikoog", 950, ()),
]

# Dutch municipalities named unlike any town in GeoNames ("Gemeente Westland" must not become
# Westland, Michigan): "municipality = seat", placed at the seat with the seat's population.
MUNICIPALITIES = _pairs("""
Eemsdelta = Delfzijl; Het Hogeland = Winsum; Midden-Groningen = Hoogezand; Oldambt = Winschoten;
Pekela = Oude Pekela; Westerkwartier = Zuidhorn; Westerwolde = Ter Apel; Achtkarspelen =
Buitenpost; Dantumadiel = Damwâld; De Fryske Marren = Joure; Noardeast-Fryslân = Dokkum;
Ooststellingwerf = Oosterwolde; Opsterland = Beetsterzwaag; Smallingerland = Drachten;
Súdwest-Fryslân = Sneek; Tytsjerksteradiel = Burgum; Waadhoeke = Franeker; Weststellingwerf =
Wolvega; Aa en Hunze = Gieten; Borger-Odoorn = Exloo; De Wolden = Zuidwolde; Midden-Drenthe =
Beilen; Noordenveld = Roden; Tynaarlo = Vries; Westerveld = Diever; Hellendoorn = Nijverdal; Hof
van Twente = Goor; Olst-Wijhe = Wijhe; Rijssen-Holten = Rijssen; Steenwijkerland = Steenwijk;
Twenterand = Vriezenveen; Zwartewaterland = Hasselt; Noordoostpolder = Emmeloord; Berg en Dal =
Groesbeek; Berkelland = Borculo; Lingewaard = Bemmel; Maasdriel = Kerkdriel; Montferland = Didam;
Oost Gelre = Lichtenvoorde; Overbetuwe = Elst; Voorst = Twello; West Betuwe = Geldermalsen; De
Ronde Venen = Mijdrecht; Stichtse Vecht = Maarssen; Utrechtse Heuvelrug = Doorn; Vijfheerenlanden =
Vianen; Dijk en Waard = Heerhugowaard; Edam-Volendam = Volendam; Gooise Meren = Bussum;
Haarlemmermeer = Hoofddorp; Hollands Kroon = Anna Paulowna; Ouder-Amstel = Duivendrecht; Velsen =
IJmuiden; Waterland = Monnickendam; Wijdemeren = Loosdrecht; Wormerland = Wormer;
Bodegraven-Reeuwijk = Bodegraven; Goeree-Overflakkee = Middelharnis; Hoeksche Waard =
Oud-Beijerland; Kaag en Braassem = Roelofarendsveen; Lansingerland = Bergschenhoek;
Leidschendam-Voorburg = Voorburg; Nissewaard = Spijkenisse; Pijnacker-Nootdorp = Pijnacker;
Teylingen = Sassenheim; Westland = Naaldwijk; Zuidplas = Nieuwerkerk aan den IJssel; Noord-Beveland
= Wissenkerke; Schouwen-Duiveland = Zierikzee; Sluis = Oostburg; Bernheze = Heesch; Drimmelen =
Made; Geldrop-Mierlo = Geldrop; Gemert-Bakel = Gemert; Gilze en Rijen = Rijen; Halderberge =
Oudenbosch; Heeze-Leende = Heeze; Land van Cuijk = Cuijk; Maashorst = Uden; Meierijstad = Veghel;
Reusel-De Mierden = Reusel; Son en Breugel = Son; Woensdrecht = Hoogerheide; Beekdaelen = Nuth;
Beesel = Reuver; Echt-Susteren = Echt; Eijsden-Margraten = Margraten; Gulpen-Wittem = Gulpen; Horst
aan de Maas = Horst; Leudal = Heythuysen; Maasgouw = Maasbracht; Mook en Middelaar = Mook; Peel en
Maas = Panningen; Roerdalen = Sint Odiliënberg; Sittard-Geleen = Sittard; Valkenburg aan de Geul =
Valkenburg
""")

# Seats of Dutch municipalities below the 5,000 threshold (GeoNames names).
NL_SMALL_SEATS = [
    "Schiermonnikoog", "Oost-Vlieland", "West-Terschelling", "Nes", "Rozendaal", "Renswoude",
    "Wissenkerke", "Mook", "Margraten", "Simpelveld", "Den Burg",
]  # fmt: skip

# Territories without any city in GeoNames: rough centroids.
CENTROIDS: dict[str, tuple[float, float]] = {
    "AQ": (-75.0, 0.0),
    "BV": (-54.42, 3.36),
    "HM": (-53.1, 73.5),
    "UM": (19.28, 166.65),
    "TK": (-9.2, -171.85),
    "IO": (-7.31, 72.41),
    "TF": (-49.35, 70.22),
    "GS": (-54.28, -36.51),
}

# Codes GeoNames knows but ISO 3166-1 (pycountry) does not: (alpha-2, alpha-3).
EXTRA_COUNTRIES = [("XK", "XKX")]

# Display names (English, Dutch) where pycountry's are inverted, official or dated.
COUNTRY_NAMES: dict[str, tuple[str, str]] = {
    "BO": ("Bolivia", "Bolivia"),
    "BQ": ("Caribbean Netherlands", "Caribisch Nederland"),
    "BY": ("Belarus", "Belarus"),
    "CD": ("DR Congo", "Congo-Kinshasa"),
    "CG": ("Congo", "Congo-Brazzaville"),
    "FM": ("Micronesia", "Micronesia"),
    "GE": ("Georgia", "Georgië"),
    "IR": ("Iran", "Iran"),
    "KP": ("North Korea", "Noord-Korea"),
    "KR": ("South Korea", "Zuid-Korea"),
    "LA": ("Laos", "Laos"),
    "MD": ("Moldova", "Moldavië"),
    "MF": ("Saint Martin", "Sint-Maarten (Frans deel)"),
    "PS": ("Palestine", "Palestina"),
    "RU": ("Russia", "Rusland"),
    "SH": ("Saint Helena", "Sint-Helena"),
    "SX": ("Sint Maarten", "Sint Maarten"),
    "SY": ("Syria", "Syrië"),
    "TW": ("Taiwan", "Taiwan"),
    "TZ": ("Tanzania", "Tanzania"),
    "US": ("United States", "Verenigde Staten"),
    "VA": ("Vatican City", "Vaticaanstad"),
    "VE": ("Venezuela", "Venezuela"),
    "VG": ("British Virgin Islands", "Britse Maagdeneilanden"),
    "VI": ("US Virgin Islands", "Amerikaanse Maagdeneilanden"),
    "VN": ("Vietnam", "Vietnam"),
    "XK": ("Kosovo", "Kosovo"),
}

# Common short forms in Dutch and English (always win their keys).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("Verenigde Staten", "Verenigde Staten van Amerika", "Amerika", "America",
           "United States", "United States of America"),
    "GB": ("Verenigd Koninkrijk", "United Kingdom", "Groot-Brittannië", "Great Britain",
           "Brittannië", "Britain", "Engeland", "England", "Schotland", "Scotland", "Wales",
           "Noord-Ierland", "Northern Ireland"),
    "NL": ("Nederland", "Netherlands", "The Netherlands", "Holland", "Koninkrijk der Nederlanden"),
    "BQ": ("Caribisch Nederland", "Caribbean Netherlands", "BES-eilanden", "BES islands",
           "Bonaire, Sint Eustatius en Saba"),
    "SX": ("Sint Maarten",),
    "CW": ("Curaçao",),
    "AW": ("Aruba",),
    "CZ": ("Tsjechië", "Czech Republic", "Tsjechische Republiek", "Czechia"),
    "KR": ("Zuid-Korea", "South Korea", "Korea"),
    "KP": ("Noord-Korea", "North Korea"),
    "RU": ("Rusland", "Russia", "Russische Federatie"),
    "TR": ("Turkije", "Turkey", "Türkiye"),
    "CD": ("Congo-Kinshasa", "DR Congo", "Democratische Republiek Congo",
           "Democratic Republic of the Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo", "Congo"),
    "CI": ("Ivoorkust", "Ivory Coast"),
    "CV": ("Kaapverdië", "Cape Verde"),
    "SZ": ("Swaziland",),
    "MK": ("Macedonië", "Macedonia", "Noord-Macedonië"),
    "BY": ("Wit-Rusland", "Belarus"),
    "MM": ("Birma", "Burma"),
    "TL": ("East Timor", "Oost-Timor"),
    "VA": ("Vaticaan", "Vatican", "Vatican City", "Vaticaanstad", "Heilige Stoel", "Holy See"),
    "PS": ("Palestina", "Palestine"),
    "XK": ("Kosovo",),
    "AE": ("Verenigde Arabische Emiraten", "United Arab Emirates", "Emiraten", "Emirates"),
    "SA": ("Saoedi-Arabië", "Saudi-Arabië", "Saudi Arabia"),
    "BA": ("Bosnië", "Bosnia", "Bosnië-Herzegovina"),
    "MD": ("Moldavië", "Moldova"),
    "IE": ("Ierland", "Ireland", "Eire"),
    "GR": ("Griekenland", "Greece", "Hellas"),
    "GE": ("Georgië",),
    "BS": ("Bahama's", "Bahamas"),
    "HK": ("Hongkong", "Hong Kong"),
}  # fmt: skip

# Case-sensitive abbreviations accepted in running text.
ACRONYMS: dict[str, tuple[str, ...]] = {
    "US": ("VS", "USA"),
    "GB": ("UK", "VK"),
    "AE": ("VAE", "UAE"),
    "CD": ("DRC",),
}

# Weekdays, months and function words: never a place in running text unless a country follows.
EXTRA_HARD = """
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday
saturday sunday januari februari maart april mei juni juli augustus september oktober november
december january february march may june july august october expo europa europe hoe wat wie waar
zijn deze dit dat die den der des het een ook nog wel niet geen veel alle over onder tussen naar
voor door met bij tot uit als dan maar want omdat the and for but not with from this that these
those what when where which who why how
"""

# Names that are also common words but are meant as places far more often than not.
KEEP = """
leiden bergen gent boston manchester oxford delft hoorn assen gouda shanghai cologne bordeaux essen
kiel bologna siena trieste wellington malaga limerick rabat porto phoenix chester lancaster
winchester waterloo anchorage chihuahua kano charleston providence hoofddorp drachten wassenaar
woerden weert horst doorn laren roden asten hoogland stein losser dongen geleen tegelen wierden
voorschoten steenbergen buitenpost boekel borne goor kampen haren rijen lemmer schoten mol geel lier
balen menen tienen zolder putte puurs duffel ranst lede soest meppen witten hagen baden kempen
langen axel nes
"""

# Real places that are also everyday words ("Goes", "Best", "Nice", "Split", "Reading", "Huizen"):
# matched only after "in", "naar", "te", "uit", "van", "gemeente", ... or before their country.
SOFT_STOP = """
nice reading bath split mobile goes best man male sale kent echt made enter huizen dieren leek boom
monster grave helden velden mill putten duiven beek lent tours cork natal hue pest buffalo derby
queens dover worms surrey harrow slough barking ascot rugby swords bury deal hull hove bray paisley
canton ede namen luik wenen triest reus massa koper hof weiden sluis peer urbana
"""

# First names (folded): "Ethan Kent" is a person, and so is "Anna Bradley". Names of large cities
# (Sofia, Austin, Victoria, Charlotte, Madison, Florence) are left out on purpose; Chad and Jordan
# are in: "Jordan Peterson" is a person, "Jordan" alone a country.
GIVEN_NAMES = """
aaron abigail adam adrian agnieszka ahmed aino aisha alain albert alejandro alessandro alessia alex
alexander alexei alexis ali alice alicia alma amanda amber amelie amy ana anders andre andrea
andreas andrei andrew angela anja ann anna anne annemarie annie anthony antoine antonio arjan arjen
arthur astrid attila ayse barbara bart bas beatriz ben benjamin betty beverly birgit bjorn bogdan
bram brandon brenda brian brittany bruce camille carl carla carlos carmen carol carolyn catherine
cecilia celine chad charles charlot cheryl chiara chloe christian christina christine christophe
christopher claudia clementine cynthia daan dana daniel danielle daphne david debora deborah debra
denise dennis diana diane diego dieter dirk dmitri donald donna dorothy douglas dylan ebba edward
elena elin eline elise elizabeth ellen els emily emma erasmus eric erik esther ethan eva evelyn
evert ewa fatima fatma federica felix femke fernando fleur florian floris francesca francesco
francisco francois frank frans freja frits gabor gabriel gary geert george gerald gerard gijs
giovanni giulia giuseppe gloria grace gregory guillaume gustav hamid hanna hannah hanne hans harold
hassan heather helen helmut hendrik henk henrik henry hugo hussein ilse ines inge ingrid irina iris
isabel isabella isabelle ivan jaap jack jacob jacqueline james jan janet janice janneke jasper
javier jean jeffrey jelle jennifer jens jeremy jeroen jerry jesse jessica jiri joan joao johan
johannes john johnny jolanda jonas jonathan joost jordan jorge jos jose joseph joshua joyce juan
judith judy juha jukka julia julie julien jurgen justin kari karim karin karl katarzyna katherine
kathleen kathryn katrin kaya kayla kees keith kelly kenneth kevin khadija kim kimberly kirsten
klaas klaus koen krzysztof kyle laia larry lars laszlo laura lauren laurent lawrence lena leonie
lieke linda linnea lisa liv lotte louis luca lucas lucia luis luka lukas luuk maaike magdalena
magnus maja manon manuel marco margaret margaux maria marie marieke marije marilyn mark markus
marloes marta martha martijn martin martina mary mathieu matteo matthew matti maximilian megan
mehmet melissa menno mette michael michel michelle miguel mihai mikael mikko mirjam moa mohamed
mohammed monika monique mustafa nadia nancy natalia natalie nathalie nathan nicholas nicolas nicole
niels nienke nikolai nils noah olaf ole olga olivia olivier olof omar pablo pamela paola paolo
patricia patrick paul paula pavel pedro pekka peter petr petra philip philippe pierre pieter pilar
piotr rachel rachid rafael ralph randy raymond rebecca remco renske rianne richard rik robert roel
roger ronald roos rose rutger ruth ruud ryan sabine samantha samira samuel sander sandra sanna
sanne sara sarah saskia scott sean sebastian sebastien sergei sergio sharon shirley sigrid silvia
sjoerd solveig sophia sophie soren stefan stefano stephanie stephen steven susan susanne suzanne
sven svetlana sylvie tatiana teresa tessa teun theresa thijs thomas tijs tim timo timothy tobias
todor tom tomas tomasz ursula uwe valentina vincent viviana vladimir walter wayne wendy wessel
willem wim wolfgang wouter yasmina youssef yvonne zachary zoltan zsuzsanna
"""

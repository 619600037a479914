"""Reports in free prose (template "generic"): a parliamentary werkbezoek, news, a readout."""

from __future__ import annotations

from datetime import date

import pytest

import reisparse
from reisparse import gazetteer
from reisparse.extract import prose
from reisparse.extract.prose_contacts import parse_met
from reisparse.model import Report

TODAY = date(2026, 11, 28)

WERKBEZOEK = """\
Tweede Kamer der Staten-Generaal
Vaste commissie voor Economische Zaken

Verslag van een werkbezoek aan Denemarken

Van 9 tot en met 11 september 2024 bracht een delegatie van de vaste commissie voor Economische
Zaken een werkbezoek aan Kopenhagen en Aarhus. De delegatie bestond uit de Kamerleden Jan de
Vries (VVD, delegatieleider), Fatima el Amrani (D66) en Pieter Bos (CDA), en werd ondersteund door
de griffier.

Het doel van het werkbezoek was om te leren hoe Denemarken de aanleg van windparken op zee
versnelt. In Nederland loopt die aanleg vertraging op; de haven van Rotterdam dient daarbij vaak als
voorbeeld.
Ook Chinese investeringen in Zweedse havens kwamen ter sprake.

Op maandag 9 september had de delegatie een gesprek met de minister van Klimaat, Energie en
Voorziening over de vergunningverlening. Aansluitend volgde een ontmoeting met de burgemeester van
Kopenhagen, mevrouw S. Hansen, in het stadhuis.

Op dinsdag 10 september reisde de delegatie per trein naar Aarhus. Daar sprak de delegatie met
vertegenwoordigers van de haven van Aarhus (3x) over walstroom. Het gesprek met de wethouder van
Aarhus werd afgelast vanwege ziekte. Op woensdag 11 september keerde de delegatie terug naar Den
Haag.

Vervolg

- De commissie zal de minister vragen om een reactie op de Deense aanpak voor het eind van het
  jaar.
- Met de gemeente Kopenhagen is afgesproken dat zij in het voorjaar een tegenbezoek brengt.
"""

NIEUWSBERICHT = """\
Wethouder Bakker naar Barcelona voor superblokken

Utrecht, 9 oktober 2023 - Wethouder Sanne Bakker (Mobiliteit) bracht van 3 t/m 5 oktober 2023 een
bezoek aan Barcelona om te zien hoe de stad haar superblokken aanlegt. Eerder werd die aanpak ook in
Wenen besproken.

In Barcelona sprak Bakker met de directeur van het stedelijk vervoerbedrijf en met twee
verkeerskundigen van de gemeente Barcelona. "Wat hier in tien jaar is gebeurd, kan Utrecht ook,"
aldus Bakker.

Afgesproken is dat de verkeerskundigen uit Barcelona in januari een workshop in Utrecht geven.
"""

READOUT = """\
Readout: Mayor's visit to Lisbon

Eindhoven, June 6, 2023

Mayor Anna de Wit of Eindhoven visited Lisbon from May 30 to June 2, 2023 to learn how the city
attracts technology start-ups. Eindhoven and Lisbon are both members of the Eurocities network.

On the first day the Mayor met with the Deputy Mayor of Lisbon, two officials of the port authority
and representatives of Web Summit. She also spoke with the Minister of Economy about talent visas.

Next steps

- Eindhoven and Lisbon will organise a joint workshop on start-up visas in the autumn.
- The port authority will share its data on shore power with the Eindhoven team.
"""


def _parse(text: str) -> Report:
    (report,) = reisparse.parse(text, today=TODAY)
    return report


@pytest.fixture(scope="module")
def werkbezoek() -> Report:
    return _parse(WERKBEZOEK)


@pytest.fixture(scope="module")
def nieuws() -> Report:
    return _parse(NIEUWSBERICHT)


@pytest.fixture(scope="module")
def readout() -> Report:
    return _parse(READOUT)


# --- a parliamentary werkbezoek ----------------------------------------------------------------


def test_it_reads_a_werkbezoek_without_template_headings_as_generic(werkbezoek: Report) -> None:
    assert werkbezoek.template == "generic"
    assert werkbezoek.title == "Verslag van een werkbezoek aan Denemarken"
    assert werkbezoek.organisation == "Tweede Kamer der Staten-Generaal"


def test_it_takes_the_period_from_a_tot_en_met_range(werkbezoek: Report) -> None:
    period = werkbezoek.period
    assert (period.start, period.end, period.year_inferred) == ("2024-09-09", "2024-09-11", False)


def test_it_keeps_only_the_cities_travelled_to_as_destinations(werkbezoek: Report) -> None:
    # Rotterdam is an example, Zweden an adjective, Den Haag home, Denemarken covered by its cities.
    aarhus = gazetteer.lookup_city("Aarhus")
    assert aarhus is not None
    assert [(d.city, d.country) for d in werkbezoek.destinations] == [
        ("Copenhagen", "DK"),
        (aarhus.name, "DK"),
    ]


def test_it_lists_the_kamerleden_of_the_delegation_with_role_and_name(werkbezoek: Report) -> None:
    travellers = [(t.text, t.name, t.role) for t in werkbezoek.travellers]
    assert travellers == [
        ("Kamerlid Jan de Vries (VVD, delegatieleider)", "Jan de Vries", "Kamerlid"),
        ("Kamerlid Fatima el Amrani (D66)", "Fatima el Amrani", "Kamerlid"),
        ("Kamerlid Pieter Bos (CDA)", "Pieter Bos", "Kamerlid"),
        ("griffier", None, "griffier"),
    ]


def test_it_reads_the_people_met_from_meeting_phrases(werkbezoek: Report) -> None:
    contacts = [(c.role, c.organisation, c.country, c.count) for c in werkbezoek.contacts]
    assert contacts == [
        ("Minister", "Ministerie van Klimaat, Energie en Voorziening", None, 1),
        ("Burgemeester", "Gemeente Kopenhagen", "DK", 1),
        ("Vertegenwoordiger", "Haven van Aarhus", "DK", 3),
    ]


def test_contact_spans_point_at_the_phrase_they_came_from(werkbezoek: Report) -> None:
    for contact in werkbezoek.contacts:
        start, end = contact.span
        assert " ".join(werkbezoek.text[start:end].split()) == contact.text


def test_it_reads_follow_ups_under_a_vervolg_heading_one_per_bullet(werkbezoek: Report) -> None:
    assert [f.text[:30] for f in werkbezoek.follow_ups] == [
        "De commissie zal de minister v",
        "Met de gemeente Kopenhagen is ",
    ]
    assert werkbezoek.follow_ups[1].counterparties == ("gemeente Kopenhagen",)
    assert [s.key for s in werkbezoek.sections] == ["follow_ups"]


def test_a_meeting_called_off_does_not_cancel_the_trip(werkbezoek: Report) -> None:
    assert werkbezoek.cancelled is False


def test_it_takes_the_stated_purpose_sentence(werkbezoek: Report) -> None:
    assert werkbezoek.purpose is not None
    assert werkbezoek.purpose.startswith("Het doel van het werkbezoek was om te leren")


# --- a news item -------------------------------------------------------------------------------


def test_it_reads_the_wethouder_from_a_news_sentence(nieuws: Report) -> None:
    assert [(t.name, t.role) for t in nieuws.travellers] == [("Sanne Bakker", "Wethouder")]
    assert nieuws.title == "Wethouder Bakker naar Barcelona voor superblokken"


def test_the_dateline_is_not_the_period_and_the_home_city_not_a_destination(nieuws: Report) -> None:
    assert (nieuws.period.start, nieuws.period.end) == ("2023-10-03", "2023-10-05")
    assert [(d.city, d.country) for d in nieuws.destinations] == [("Barcelona", "ES")]
    assert nieuws.organisation == "Gemeente Utrecht"


def test_the_purpose_is_the_om_te_sentence_of_the_trip(nieuws: Report) -> None:
    assert nieuws.purpose is not None
    assert nieuws.purpose.endswith("om te zien hoe de stad haar superblokken aanlegt.")


def test_it_finds_an_agreement_without_a_heading(nieuws: Report) -> None:
    (follow_up,) = nieuws.follow_ups
    assert follow_up.text.startswith("Afgesproken is dat")
    assert "Barcelona" in follow_up.counterparties
    assert "Utrecht" not in follow_up.counterparties


def test_it_counts_people_met_from_a_number_word(nieuws: Report) -> None:
    contacts = [(c.role, c.organisation, c.count) for c in nieuws.contacts]
    assert ("Verkeerskundigen", "Gemeente Barcelona", 2) in contacts


# --- an English readout ------------------------------------------------------------------------


def test_it_reads_an_english_readout(readout: Report) -> None:
    assert readout.template == "generic"
    assert readout.title == "Readout: Mayor's visit to Lisbon"
    assert [(t.name, t.role) for t in readout.travellers] == [("Anna de Wit", "Mayor")]
    assert readout.organisation == "Gemeente Eindhoven"
    assert (readout.period.start, readout.period.end) == ("2023-05-30", "2023-06-02")
    assert [(d.city, d.country) for d in readout.destinations] == [("Lisbon", "PT")]


def test_it_splits_a_list_of_people_met_in_english(readout: Report) -> None:
    contacts = [(c.role, c.organisation, c.city, c.count) for c in readout.contacts]
    assert contacts == [
        ("Deputy Mayor", "City of Lisbon", "Lisbon", 1),
        ("Official", "Port authority", None, 2),
        ("Representatives", "Web Summit", None, None),
        ("Minister", "Ministry of Economy", None, 1),
    ]


def test_it_reads_next_steps_bullets_with_their_counterparties(readout: Report) -> None:
    # The port authority is known from the contacts; Eindhoven is home.
    assert [f.counterparties for f in readout.follow_ups] == [("Lisbon",), ("Port authority",)]
    assert [s.key for s in readout.sections] == ["follow_ups"]


TRIP_REPORT = """\
Trip report

We travelled from Amsterdam to Berlin on 4 April 2024 to attend the Smart City Forum. We met with the
CEO of Siemens and spoke to the Mayor of Berlin, Kai Wegner, about housing.

Next steps

- Siemens will send its proposal for the tram depot.
- We will invite the Mayor of Berlin to Amsterdam.
"""


def test_an_english_trip_report_names_the_destination_and_the_people_met() -> None:
    report = _parse(TRIP_REPORT)
    assert [(d.city, d.country) for d in report.destinations] == [("Berlin", "DE")]
    assert [(c.role, c.organisation) for c in report.contacts] == [
        ("CEO", "Siemens"),
        ("Mayor", "City of Berlin"),  # the name in apposition is not the organisation
    ]
    assert report.event is not None and report.event.name == "Smart City Forum"


def test_a_follow_up_naming_someone_met_counts_their_organisation() -> None:
    report = _parse(TRIP_REPORT)
    assert [f.counterparties for f in report.follow_ups] == [("Siemens",), ("City of Berlin",)]


def test_other_trips_and_people_discussed_are_not_this_trip() -> None:
    report = _parse(
        "Utrecht, 9 oktober 2023 - Wethouder Sanne Bakker bracht op 5 oktober een bezoek aan Gent. "
        "Een eerder bezoek aan Lyon liet zien hoe het kan. Minister Jansen was eerder ook in Oslo. "
        "De delegatie werd uitgenodigd voor een bezoek aan Kopenhagen.\n"
    )
    assert [(d.city, d.country) for d in report.destinations] == [("Ghent", "BE")]
    assert [(t.name, t.role) for t in report.travellers] == [("Sanne Bakker", "Wethouder")]
    # The dateline (9 oktober) is when the news was written; the year comes from it.
    assert (report.period.start, report.period.end) == ("2023-10-05", "2023-10-05")
    assert report.period.year_inferred is True


@pytest.mark.parametrize("text", ["Hallo.", "Verslag\n\n- a\n- b\n", "We met with:\n- x\n", "((("])
def test_a_text_with_nothing_about_a_trip_gives_no_report(text: str) -> None:
    assert reisparse.parse(text.encode(), today=TODAY) == []


def test_it_uses_the_headings_of_an_html_page_and_infers_the_municipality_of_a_mayor() -> None:
    page = (
        "<html><body><h1>Readout: visit to Oslo</h1><p>Mayor Anna de Wit of Eindhoven visited Oslo"
        " from 3 to 5 May 2024.</p><h2>Next steps</h2><ul><li>Oslo will share its data.</li>"
        "<li>We will visit again in the autumn.</li></ul></body></html>"
    )
    (report,) = reisparse.parse(page.encode(), today=TODAY)
    assert report.title == "Readout: visit to Oslo"
    assert report.organisation == "Gemeente Eindhoven"
    assert [(s.key, s.heading) for s in report.sections] == [("follow_ups", "Next steps")]
    assert [f.counterparties for f in report.follow_ups] == [("Oslo",), ()]


# --- smaller cases -----------------------------------------------------------------------------


def test_a_cancelled_trip_is_cancelled_with_its_reason() -> None:
    report = _parse(
        "Werkbezoek Berlijn\n\nHet werkbezoek aan Berlijn van 4 tot en met 6 maart 2024 is "
        "geannuleerd vanwege een staking bij de Deutsche Bahn.\n"
    )
    assert report.cancelled is True
    assert report.cancellation_reason == "een staking bij de Deutsche Bahn"


def test_it_reads_listed_goals_and_a_timed_programme() -> None:
    report = _parse(
        "Bezoek aan Gent\n\nOp 12 juni 2024 bracht wethouder Tom Peeters een bezoek aan Gent.\n\n"
        "De doelen van het bezoek waren:\n1. Leren over de circulatieplannen.\n"
        "2. Contacten leggen met Gentse ondernemers.\n\nProgramma:\n\n"
        "09:30 Ontvangst op het stadhuis\n11:00 Fietstocht door de binnenstad\n"
    )
    assert [(g.label, g.text) for g in report.goals] == [
        ("1", "Leren over de circulatieplannen."),
        ("2", "Contacten leggen met Gentse ondernemers."),
    ]
    assert [(p.date, p.start, p.title) for p in report.programme] == [
        ("2024-06-12", "09:30", "Ontvangst op het stadhuis"),
        ("2024-06-12", "11:00", "Fietstocht door de binnenstad"),
    ]
    assert [(d.city, d.country) for d in report.destinations] == [("Ghent", "BE")]


def test_it_reads_one_contact_per_line_under_a_gesprekspartners_heading() -> None:
    report = _parse(
        "Werkbezoek Aarhus\n\nOp 3 juni 2025 bracht wethouder Tom Peeters een bezoek aan Aarhus.\n\n"
        "Gesprekspartners\n\nBurgemeester van Aarhus\n- Directeur van de haven van Aarhus\n"
        "Medewerkers van Vestas (2x)\n"
    )
    assert [(c.role, c.organisation, c.count) for c in report.contacts] == [
        ("Burgemeester", "Gemeente Aarhus", 1),
        ("Directeur", "Haven van Aarhus", 1),
        ("Medewerkers", "Vestas", 2),
    ]
    assert [s.key for s in report.sections] == ["contacts"]


@pytest.mark.parametrize(
    ("text", "role", "organisation", "count"),
    [
        ("de burgemeester van Kopenhagen", "Burgemeester", "Gemeente Kopenhagen", 1),
        ("twee Deense ambtenaren van het Energieagentschap", "Ambtenaren", "Energieagentschap", 2),
        ("leden van de Noorse energiecommissie", "Leden", "Noorse energiecommissie", None),
        ("de staatssecretaris van Financiën", "Staatssecretaris", "Ministerie van Financiën", 1),
        ("het Deense Energieagentschap", None, "Deense Energieagentschap", None),
    ],
)
def test_it_reads_function_and_organisation_from_a_dutch_phrase(
    text: str, role: str | None, organisation: str, count: int | None
) -> None:
    contact = parse_met(text, lang_en=False)
    assert contact is not None
    assert (contact.role, contact.organisation, contact.count) == (role, organisation, count)


@pytest.mark.parametrize("text", ["Lars Hansen", "mevrouw H. Dijkstra", "de heer Jansen"])
def test_a_name_alone_is_not_a_contact(text: str) -> None:
    assert parse_met(text, lang_en=False) is None


def test_sentences_do_not_end_at_initials_or_abbreviations() -> None:
    text = "We spraken o.a. met mevrouw\nH. Dijkstra. Daarna volgde de lunch."
    assert [s.text for s in prose.sentences(text)] == [
        "We spraken o.a. met mevrouw\nH. Dijkstra.",
        "Daarna volgde de lunch.",
    ]


def test_a_list_is_split_only_where_a_new_item_starts() -> None:
    text = "de minister van Onderwijs, Cultuur en Wetenschap en de burgemeester van Gent"
    spans = prose.split_list(text, 0, len(text), lambda rest: rest.startswith("de "))
    assert [text[s:e] for s, e in spans] == [
        "de minister van Onderwijs, Cultuur en Wetenschap",
        "de burgemeester van Gent",
    ]

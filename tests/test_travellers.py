"""Who travelled: a traveller phrase split into function and name, travellers named in prose, and
the members of a parliamentary delegation. The register shows a civil servant's function only, so a
name fragment left in the function would be published."""

from __future__ import annotations

import re
from datetime import date

import pytest

import reisparse
from reisparse.extract.traveller_names import split_role_name
from reisparse.model import Report

TODAY = date(2026, 11, 28)


def _reisverslag(doel: str) -> Report:
    """A six-question reisverslag whose purpose section says ``doel``."""
    text = f"""HOELANG DUURDE DE REIS?

3 t/m 5 maart 2025 (waarvan 3 en 5 maart reisdagen)

WAT WAS HET DOEL VAN DE REIS?

{doel}

WELKE LOCATIES ZIJN BEZOCHT?

Gent (België): het stadhuis en het nieuwe sportpark.
"""
    (report,) = reisparse.parse(text, today=TODAY)
    assert report.template == "nl-reisverslag"
    return report


def _parse(text: str) -> Report:
    (report,) = reisparse.parse(text, today=TODAY)
    return report


def _travellers(report: Report) -> list[tuple[str | None, str | None]]:
    return [(t.role, t.name) for t in report.travellers]


# --- function and name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "role", "name"),
    [
        ("programmamanager waterveiligheid Rachid El Amrani", "programmamanager waterveiligheid",
         "Rachid El Amrani"),
        ("beleidsmedewerker J.P. van der Berg", "beleidsmedewerker", "J.P. van der Berg"),
        ("senior adviseur stedenbouw Anna-Sophie de Wit", "senior adviseur stedenbouw",
         "Anna-Sophie de Wit"),
        ("projectleider Samira Ait Hamou", "projectleider", "Samira Ait Hamou"),
        ("wethouder Wonen Marloes Tjon-A-Fat", "wethouder Wonen", "Marloes Tjon-A-Fat"),
        ("adviseur energie Petra van Wijk-Dekkers", "adviseur energie", "Petra van Wijk-Dekkers"),
    ],
)  # fmt: skip
def test_a_first_name_never_stays_in_the_role(phrase: str, role: str, name: str) -> None:
    assert split_role_name(phrase) == (role, name)
    first_name = name.split(maxsplit=1)[0]
    assert first_name not in role


@pytest.mark.parametrize(
    ("phrase", "role", "name"),
    [
        ("Wethouder Wonen en Ruimte Mark de Boer", "Wethouder Wonen en Ruimte", "Mark de Boer"),
        ("wethouder Mobiliteit Daan Hofstede", "wethouder Mobiliteit", "Daan Hofstede"),
        ("Wethouder Cultuur Femke de Graaf", "Wethouder Cultuur", "Femke de Graaf"),
        ("Wethouder Openbare Ruimte Karim Ouali", "Wethouder Openbare Ruimte", "Karim Ouali"),
        ("Alderman for International Affairs Ravi Ramdin", "Alderman for International Affairs",
         "Ravi Ramdin"),
        ("minister voor Buitenlandse Handel Esther Lammers", "minister voor Buitenlandse Handel",
         "Esther Lammers"),
        ("lid van de Tweede Kamer Anna Bos", "lid van de Tweede Kamer", "Anna Bos"),
    ],
)  # fmt: skip
def test_portfolio_words_after_an_office_title_belong_to_the_role(
    phrase: str, role: str, name: str
) -> None:
    assert split_role_name(phrase) == (role, name)


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("Wethouder Klimaat", "Wethouder Klimaat"),
        ("minister van Buitenlandse Zaken", "minister van Buitenlandse Zaken"),
        ("drie ambtenaren van de afdeling Economische Zaken",
         "ambtenaren van de afdeling Economische Zaken"),
        ("Vijf leden van de gemeenteraad van Almere", "leden van de gemeenteraad van Almere"),
        ("twee raadsleden", "raadsleden"),
        ("de griffier", "griffier"),
    ],
)  # fmt: skip
def test_a_portfolio_a_department_or_a_place_is_no_name(phrase: str, role: str) -> None:
    assert split_role_name(phrase) == (role, None)


def test_a_surname_with_tussenvoegsels_follows_the_office_directly() -> None:
    assert split_role_name("wethouder van der Sande") == ("wethouder", "van der Sande")
    assert split_role_name("burgemeester van Delft") == ("burgemeester van Delft", None)


# --- travellers in the sentences of a report ------------------------------------------------------


def test_the_subjects_of_a_sentence_are_the_travellers_with_function_and_name() -> None:
    report = _reisverslag(
        "Wethouder Klimaat en Energie Lieke Jansen en programmamanager waterveiligheid Rachid El\n"
        "Amrani bezochten op uitnodiging van de stad Gent het sportpark."
    )
    assert _travellers(report) == [
        ("Wethouder Klimaat en Energie", "Lieke Jansen"),
        ("programmamanager waterveiligheid", "Rachid El Amrani"),
    ]
    assert all("Rachid" not in (t.role or "") for t in report.travellers)


def test_a_wethouder_who_presented_at_the_event_travelled() -> None:
    report = _reisverslag(
        "Gent is bekend om zijn sportparken. Wethouder Mobiliteit Daan Hofstede en senior adviseur\n"
        "fiets Ilse Bouwmeester presenteerden daar de Utrechtse aanpak van fietsparkeren."
    )
    assert _travellers(report) == [
        ("Wethouder Mobiliteit", "Daan Hofstede"),
        ("senior adviseur fiets", "Ilse Bouwmeester"),
    ]


def test_the_traveller_of_a_cancelled_trip_is_still_named() -> None:
    report = _reisverslag(
        "Wethouder Cultuur Femke de Graaf zou op uitnodiging van de stad Gent deelnemen aan een\n"
        "conferentie. De reis is geannuleerd."
    )
    assert _travellers(report) == [("Wethouder Cultuur", "Femke de Graaf")]


def test_a_subject_after_the_verb_is_found_too() -> None:
    report = _reisverslag(
        "Namens de gemeente Breda nam burgemeester Paul Depla deel aan het congres."
    )
    assert _travellers(report) == [("burgemeester", "Paul Depla")]


def test_council_members_and_the_griffier_are_travellers_without_names() -> None:
    report = _reisverslag("Vijf leden van de gemeenteraad en de griffier bezochten Gent.")
    assert _travellers(report) == [("leden van de gemeenteraad", None), ("griffier", None)]


def test_a_delegation_of_council_members_and_the_griffier_is_listed() -> None:
    report = _reisverslag("De delegatie bestond uit vijf raadsleden en de griffier.")
    assert [(t.text, t.role, t.name) for t in report.travellers] == [
        ("vijf raadsleden", "raadsleden", None),
        ("griffier", "griffier", None),
    ]


def test_a_delegation_with_its_members_after_bestaande_uit() -> None:
    report = _reisverslag(
        "Een delegatie van de gemeente Breda, bestaande uit wethouder Wonen Marloes Tjon-A-Fat, twee\n"
        "raadsleden en twee beleidsadviseurs, bezocht de nieuwe wijken van Gent."
    )
    assert _travellers(report) == [
        ("wethouder Wonen", "Marloes Tjon-A-Fat"),
        ("raadsleden", None),
        ("beleidsadviseurs", None),
    ]


def test_a_host_presenting_is_not_a_traveller() -> None:
    report = _reisverslag(
        "Wethouder Sport Lieke Jansen bezocht Gent. De burgemeester van Gent, Mathias De Clercq,\n"
        "presenteerde de plannen voor het nieuwe sportpark."
    )
    assert _travellers(report) == [("Wethouder Sport", "Lieke Jansen")]


def test_someone_met_who_presented_is_not_a_traveller() -> None:
    report = _reisverslag(
        "Wethouder Sport Lieke Jansen bezocht Gent. Professor Anna Smit presenteerde daar haar\n"
        "onderzoek naar sportparken."
    )
    assert _travellers(report) == [("Wethouder Sport", "Lieke Jansen")]


def test_several_subjects_after_the_verb_are_found() -> None:
    report = _reisverslag(
        "Op uitnodiging van burgemeester Jan Jansen van Gent bezochten wethouder Sport Lieke Jansen\n"
        "en beleidsadviseur Tim de Vries de stad."
    )
    assert _travellers(report) == [
        ("wethouder Sport", "Lieke Jansen"),
        ("beleidsadviseur", "Tim de Vries"),
    ]


def test_every_traveller_text_is_stated_in_the_report() -> None:
    report = _reisverslag(
        "Wethouder Mobiliteit Daan Hofstede en senior adviseur\nfiets Ilse Bouwmeester bezochten Gent."
    )
    folded = " ".join(report.text.split())
    assert report.travellers
    for traveller in report.travellers:
        assert traveller.text in folded


def test_the_people_of_a_counted_group_named_after_it_take_its_function() -> None:
    report = _parse(
        "Working visit to the Port of Hamburg, 22 May 2024\n\n"
        "Delegation: Councillor Femke Bosman, two advisors of the Port Authority, Lisa Chen and\n"
        "Mohamed Bakkali.\n"
    )
    assert _travellers(report) == [
        ("Councillor", "Femke Bosman"),
        ("advisors of the Port Authority", "Lisa Chen"),
        ("advisors of the Port Authority", "Mohamed Bakkali"),
    ]


def test_a_list_of_names_with_their_functions_after_a_comma() -> None:
    report = _parse(
        "Working visit to Paris\n\nWHO TRAVELLED?\n\n- Maarten Schouten, project leader Heat "
        "Transition\n- Charlotte de Jong, senior advisor energy\n\nWe travelled by train to Paris "
        "on October 7, 2024.\n"
    )
    assert _travellers(report) == [
        ("project leader Heat Transition", "Maarten Schouten"),
        ("senior advisor energy", "Charlotte de Jong"),
    ]


def test_a_guide_leading_a_visit_is_not_a_traveller() -> None:
    report = _parse(
        "Verslag werkbezoek Gent\n\nOp 3 maart 2025 bezocht wethouder Sport Lieke Jansen Gent. "
        "De rondleiding stond onder leiding van ir. Bram Claes.\n"
    )
    assert _travellers(report) == [("wethouder Sport", "Lieke Jansen")]


# --- parliament -----------------------------------------------------------------------------------

WERKBEZOEK = """\
Tweede Kamer der Staten-Generaal
Vaste commissie voor Infrastructuur en Waterstaat

Verslag van een werkbezoek aan Kopenhagen

Van 2 tot en met 4 juni 2025 bracht een delegatie van de vaste commissie voor Infrastructuur en
Waterstaat een werkbezoek aan Kopenhagen (Denemarken).

Samenstelling van de delegatie

- Henk Jansen (delegatieleider)
- Noor El Khatib
- Pieter-Jan de Wit
- Marieke Bos (griffier)

Verloop van het bezoek

Op maandag 2 juni sprak de delegatie met de Deense minister van Transport.
"""

WORKING_VISIT = """\
House of Representatives of the Netherlands
Standing Committee on Infrastructure and Water Management

Report of a working visit to Copenhagen

From June 2 to June 4, 2025, a delegation of the Standing Committee visited Copenhagen (Denmark).

The delegation consisted of Henk Jansen (head of delegation), Noor El Khatib and the clerk of the
committee, Marieke Bos.
"""


def test_members_of_a_parliamentary_delegation_are_members_of_parliament() -> None:
    report = _parse(WERKBEZOEK)
    assert _travellers(report) == [
        ("Kamerlid, delegatieleider", "Henk Jansen"),
        ("Kamerlid", "Noor El Khatib"),
        ("Kamerlid", "Pieter-Jan de Wit"),
        ("griffier", "Marieke Bos"),
    ]


def test_the_clerk_named_after_the_function_is_one_traveller() -> None:
    report = _parse(WORKING_VISIT)
    assert _travellers(report) == [
        ("member of parliament, head of delegation", "Henk Jansen"),
        ("member of parliament", "Noor El Khatib"),
        ("clerk of the committee", "Marieke Bos"),
    ]


def test_a_kamerlid_named_in_prose_keeps_the_party_in_the_text() -> None:
    report = _parse(
        "Van 2 tot en met 4 juni 2025 bracht Kamerlid Anna Bos (D66) een werkbezoek aan Kopenhagen.\n"
    )
    assert [(t.text, t.role, t.name) for t in report.travellers] == [
        ("Kamerlid Anna Bos (D66)", "Kamerlid", "Anna Bos")
    ]


def test_members_outside_a_parliamentary_report_keep_no_invented_function() -> None:
    report = _parse(
        "Verslag werkbezoek Gent\n\nDe delegatie van de gemeente Breda bestond uit Henk Jansen en\n"
        "Noor El Khatib. Zij bezochten Gent op 3 maart 2025.\n"
    )
    assert _travellers(report) == [(None, "Henk Jansen"), (None, "Noor El Khatib")]
    assert not any(re.search("Kamerlid", t.text) for t in report.travellers)

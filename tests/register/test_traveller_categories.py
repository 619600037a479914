"""Travellers in the register: the category follows the function (any elected representative is a
raadslid, staff are ambtenaren), names stay only for office holders, and a civil servant's name never
reaches the public trip page, not even a first name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.ingest.mapping import to_trip_data, traveller_category
from reisregister.ingest.service import import_document
from reisregister.organisations.models import Organisation, OrganisationKind
from reisregister.organisations.service import ensure
from reisregister.redaction.models import Decision
from reisregister.trips.models import TravellerCategory, Trip
from tests.register.publishing import Register


@pytest.mark.parametrize(
    ("role", "category"),
    [
        ("Kamerlid", TravellerCategory.COUNCIL),
        ("Kamerlid, delegatieleider", TravellerCategory.COUNCIL),
        ("Tweede Kamerlid", TravellerCategory.COUNCIL),
        ("lid van de Tweede Kamer", TravellerCategory.COUNCIL),
        ("lid Eerste Kamer", TravellerCategory.COUNCIL),
        ("member of parliament, head of delegation", TravellerCategory.COUNCIL),
        ("MP", TravellerCategory.COUNCIL),
        ("Europarlementariër", TravellerCategory.COUNCIL),
        ("member of the European Parliament", TravellerCategory.COUNCIL),
        ("Statenlid", TravellerCategory.COUNCIL),
        ("raadsleden", TravellerCategory.COUNCIL),
        ("leden van de gemeenteraad van Almere", TravellerCategory.COUNCIL),
        ("lid van het algemeen bestuur", TravellerCategory.COUNCIL),
        ("Wethouder Klimaat en Energie", TravellerCategory.EXECUTIVE),
        ("burgemeester", TravellerCategory.EXECUTIVE),
        ("Commissaris van de Koning", TravellerCategory.EXECUTIVE),
        ("staatssecretaris", TravellerCategory.EXECUTIVE),
        ("dijkgraaf", TravellerCategory.EXECUTIVE),
        ("heemraad", TravellerCategory.EXECUTIVE),
        ("Alderman for International Affairs", TravellerCategory.EXECUTIVE),
        ("griffier", TravellerCategory.CIVIL_SERVANT),
        ("clerk of the committee", TravellerCategory.CIVIL_SERVANT),
        ("programmamanager klimaatadaptatie", TravellerCategory.CIVIL_SERVANT),
        ("senior adviseur fiets", TravellerCategory.CIVIL_SERVANT),
        ("beleidsmedewerker", TravellerCategory.CIVIL_SERVANT),
        ("ambtenaren van de afdeling Economische Zaken", TravellerCategory.CIVIL_SERVANT),
        ("adviseur van de burgemeester", TravellerCategory.CIVIL_SERVANT),
        ("woordvoerder wethouder", TravellerCategory.CIVIL_SERVANT),
        ("ontwerpers", TravellerCategory.CIVIL_SERVANT),
        (None, TravellerCategory.OTHER),
    ],
)
def test_the_function_named_first_decides_the_category(role: str | None, category: str) -> None:
    assert traveller_category(role) == category


def test_elected_representatives_are_labelled_as_such() -> None:
    with translation.override("en"):
        assert str(TravellerCategory.COUNCIL.label) == "elected representative"
    with translation.override("nl"):
        assert str(TravellerCategory.COUNCIL.label) == "volksvertegenwoordiger"
    assert TravellerCategory.COUNCIL.value == "raadslid"


def _report(*travellers: dict[str, Any], text: str = "") -> dict[str, Any]:
    return {"text": text, "travellers": list(travellers)}


def test_a_traveller_without_a_function_keeps_neither_name_nor_text(
    den_haag: Organisation,
) -> None:
    data = to_trip_data(
        _report({"text": "Joris Kamphuis", "name": "Joris Kamphuis", "role": None}),
        organisation=den_haag,
    )
    (row,) = data.travellers
    assert (row["category"], row["name"], row["text"]) == ("other", "", "")


def test_a_travellers_evidence_is_found_across_a_line_break(den_haag: Organisation) -> None:
    text = "Wethouder Mobiliteit Daan Hofstede en senior\nadviseur fiets Ilse Bouwmeester bezochten Gent."
    data = to_trip_data(
        _report(
            {
                "text": "senior adviseur fiets Ilse Bouwmeester",
                "name": "Ilse Bouwmeester",
                "role": "senior adviseur fiets",
            },
            text=text,
        ),
        organisation=den_haag,
    )
    (row,) = data.travellers
    assert text[row["span_start"] : row["span_end"]] == "senior\nadviseur fiets Ilse Bouwmeester"
    assert (row["category"], row["name"], row["text"]) == (
        "ambtenaar",
        "",
        "senior adviseur fiets",
    )


PARLIAMENT = """\
Tweede Kamer der Staten-Generaal
Vaste commissie voor Infrastructuur en Waterstaat

Verslag van een werkbezoek aan Kopenhagen

Van 2 tot en met 4 juni 2025 bracht een delegatie van de vaste commissie voor Infrastructuur en
Waterstaat een werkbezoek aan Kopenhagen (Denemarken).

Samenstelling van de delegatie

- Henk Jansen (delegatieleider)
- Noor El Khatib
- Marieke Bos (griffier)
"""


def test_members_of_parliament_keep_their_names_and_the_griffier_does_not(db: None) -> None:
    parliament = ensure(
        "Tweede Kamer der Staten-Generaal", "oorg10103", kind=OrganisationKind.PARLIAMENT
    )
    (trip,) = import_document(
        PARLIAMENT.encode(),
        filename="werkbezoek.txt",
        organisation=parliament,
        user=None,
        check_permission=False,
    ).trips

    rows = [(t.category, t.name, t.text) for t in trip.travellers.order_by("position", "pk")]
    assert rows == [
        ("raadslid", "Henk Jansen", "Henk Jansen (delegatieleider)"),
        ("raadslid", "Noor El Khatib", "Noor El Khatib"),
        ("ambtenaar", "", "griffier"),
    ]


REISVERSLAG = """\
HOELANG DUURDE DE REIS?

2 t/m 4 september 2025 (waarvan 2 en 4 september reisdagen)

WAT WAS HET DOEL VAN DE REIS?

Wethouder Klimaat en Energie Lieke Jansen en programmamanager waterveiligheid Rachid El Amrani bezochten
op uitnodiging van de gemeente Kopenhagen het Nordic Climate Adaptation Forum.

WELKE LOCATIES ZIJN BEZOCHT?

Kopenhagen (Denemarken): het stadhuis en het waterplein bij de haven.
"""


def test_a_civil_servants_first_name_appears_nowhere_on_the_public_trip_page(
    den_haag: Organisation, alice: User, bob: User, client: Client
) -> None:
    register = Register(den_haag, alice, bob)
    (trip,) = import_document(
        REISVERSLAG.encode(), filename="verslag.txt", organisation=den_haag, user=alice
    ).trips
    register.step(trip.pk, "submit", alice)
    register.keep_everything(trip.pk)
    # The reviewer redacts the civil servant's name (the office holder's stays public).
    register.redact(trip.pk, "Rachid El Amrani")
    register.step(trip.pk, "publish", bob)

    trip = Trip.objects.get(pk=trip.pk)
    roles = {t.role: (t.category, t.name) for t in trip.travellers.all()}
    assert roles == {
        "Wethouder Klimaat en Energie": ("bestuurder", "Lieke Jansen"),
        "programmamanager waterveiligheid": ("ambtenaar", ""),
    }
    assert not trip.redactions.filter(decision=Decision.SUGGESTED).exists()
    html = client.get(f"/trips/{trip.pk}/").content.decode()
    assert "programmamanager waterveiligheid" in html
    assert "Lieke Jansen" in html
    assert "Rachid" not in html
    assert "Amrani" not in html

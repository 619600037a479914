"""Trips for the browser tests, made through ``trips.service`` exactly as the form and the importer make them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.models import Trip

# Words the tests search for: unusual enough to match only the trip they belong to.
TAMPERE_TITLE = "Werkbezoek tramlijn Tampere"
TAMPERE_WORD = "Hiedanranta"


def tampere_trip_data(**overrides: Any) -> TripData:
    """A trip with every section filled: programme, contacts, goals with outcomes, follow-ups and costs."""
    data = TripData(
        title=TAMPERE_TITLE,
        purpose=(
            "Leren van de aanleg van de tramlijn in Tampere en kennismaken met het innovatiedistrict "
            f"{TAMPERE_WORD} voor samenwerking op het gebied van slimme mobiliteit."
        ),
        start_date=dt.date(2024, 4, 9),
        end_date=dt.date(2024, 4, 11),
        travel_days=["2024-04-09", "2024-04-11"],
        event_name="Tampere Smart Mobility Days",
        event_url="https://example.org/smart-mobility",
        transport_mode="air",
        funding="own",
        travellers=[
            {"role": "wethouder Mobiliteit", "category": "bestuurder", "name": "Lotte Verhoeven"},
            {"role": "projectleider tramlijn", "category": "ambtenaar"},
        ],
        destinations=[{"city": "Tampere", "country": "FI", "lat": 61.4981, "lon": 23.7610}],
        goals=[
            {"label": "A", "text": "Leren hoe Tampere de tramlijn in korte tijd aanlegde."},
            {"label": "B", "text": f"Kennismaken met bedrijven in {TAMPERE_WORD}."},
        ],
        programme=[
            {
                "date": dt.date(2024, 4, 9),
                "start_time": dt.time(15, 0),
                "title": "Ontvangst op het stadhuis",
                "speakers": ["afdeling Economie"],
                "location": "Stadhuis",
            },
            {
                "date": dt.date(2024, 4, 10),
                "start_time": dt.time(9, 30),
                "end_time": dt.time(12, 0),
                "title": "Werkbezoek aan het tramdepot",
                "speakers": [],
                "location": "Tramdepot",
            },
        ],
        contacts=[
            {
                "role": "plaatsvervangend burgemeester",
                "organisation": "gemeente Tampere",
                "city": "Tampere",
                "country": "FI",
                "count": 1,
            },
            {
                "role": "onderzoekers",
                "organisation": "Pyynikki Data Institute",
                "city": "Tampere",
                "country": "FI",
                "count": 3,
            },
        ],
        outcomes=[
            {
                "goal_label": "A",
                "text": "Inzicht in de gefaseerde aanleg van de tramlijn.",
                "achieved": "yes",
            },
            {
                "goal_label": "B",
                "text": "Eerste contact met het Mobility Lab.",
                "achieved": "partly",
            },
        ],
        follow_ups=[
            {
                "action": "Twee medewerkers van het tramproject komen in het najaar naar Den Haag.",
                "counterparties": ["gemeente Tampere"],
                "owner": "afdeling Verkeer",
                "status": "open",
            },
        ],
        costs=[
            {
                "category": "transport",
                "estimated_amount": "850.00",
                "actual_amount": "812.40",
                "payer": "gemeente",
            },
        ],
    )
    return replace(data, **overrides)


def simple_trip_data(
    title: str, city: str, country: str, start: dt.date, **overrides: Any
) -> TripData:
    """A smaller trip, for lists with more than one entry."""
    data = TripData(
        title=title,
        purpose=f"Werkbezoek aan {city}.",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        transport_mode="train",
        funding="own",
        travellers=[{"role": "burgemeester", "category": "bestuurder"}],
        destinations=[{"city": city, "country": country}],
        goals=[{"label": "A", "text": f"Samenwerking met {city} verkennen."}],
    )
    return replace(data, **overrides)


def draft(organisation: Organisation, editor: User, data: TripData) -> Trip:
    return service.create_trip(organisation, data, user=editor)


def submitted(organisation: Organisation, editor: User, data: TripData) -> Trip:
    trip = draft(organisation, editor, data)
    return service.transition(trip.pk, "submit", user=editor)


def published(organisation: Organisation, editor: User, reviewer: User, data: TripData) -> Trip:
    trip = submitted(organisation, editor, data)
    keep_everything(trip, reviewer)
    return service.transition(trip.pk, "publish", user=reviewer)


def keep_everything(trip: Trip, reviewer: User) -> None:
    """The reviewer keeps whatever the detector suggests: these trips are about other things than redaction,
    and publishing waits until every suggestion is decided."""
    redaction.scan(trip)
    redaction.decide_all_pending(trip.pk, decision=Decision.REJECTED, user=reviewer)


def withdrawn(organisation: Organisation, editor: User, reviewer: User, data: TripData) -> Trip:
    trip = published(organisation, editor, reviewer, data)
    return service.transition(trip.pk, "withdraw", user=reviewer, reason="Dubbel ingevoerd.")

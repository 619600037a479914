"""Trips in every state, made through the real write path (``trips.service``) for the public-register tests.

``transition`` brings the search index in step on commit; the tests run inside a transaction that never
commits, so each step here runs its on-commit callbacks itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.test import TestCase

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import service as trips
from reisregister.trips.data import TripData
from reisregister.trips.models import Trip


@dataclass(frozen=True)
class Register:
    """One organisation with an editor (who drafts and submits) and a reviewer (who publishes)."""

    organisation: Organisation
    editor: User
    reviewer: User

    def draft(self, title: str, **fields: Any) -> int:
        with TestCase.captureOnCommitCallbacks(execute=True):
            trip = trips.create_trip(
                self.organisation, TripData(title=title, **fields), user=self.editor
            )
        return trip.pk

    def submitted(self, title: str, **fields: Any) -> int:
        trip_id = self.draft(title, **fields)
        self.step(trip_id, "submit", self.editor)
        return trip_id

    def published(self, title: str, **fields: Any) -> int:
        trip_id = self.submitted(title, **fields)
        self.keep_everything(trip_id)
        self.step(trip_id, "publish", self.reviewer)
        return trip_id

    def keep_everything(self, trip_id: int) -> None:
        """The reviewer looks at the redaction suggestions and keeps every passage (the tests' default)."""
        trip = Trip.objects.get(pk=trip_id)
        redaction.scan(trip)
        redaction.decide_all_pending(trip_id, decision=Decision.REJECTED, user=self.reviewer)

    def redact(self, trip_id: int, term: str, ground: str = "5.1.2e") -> None:
        with TestCase.captureOnCommitCallbacks(execute=True):
            redaction.add_manual(trip_id, term=term, ground=ground, user=self.reviewer)

    def withdrawn(self, title: str, **fields: Any) -> int:
        trip_id = self.published(title, **fields)
        self.withdraw(trip_id)
        return trip_id

    def withdraw(self, trip_id: int) -> None:
        self.step(trip_id, "withdraw", self.reviewer, reason="Published by mistake")

    def step(self, trip_id: int, name: str, user: User, reason: str = "") -> None:
        with TestCase.captureOnCommitCallbacks(execute=True):
            trips.transition(trip_id, name, user=user, reason=reason)


def full_trip(**overrides: Any) -> dict[str, Any]:
    """Fields of a trip with every section filled in, as a reviewer would publish it."""
    fields: dict[str, Any] = {
        "purpose": "Kennis opdoen over de energietransitie in havens en het delen van ervaringen.",
        "start_date": dt.date(2024, 6, 12),
        "end_date": dt.date(2024, 6, 14),
        "travel_days": ["2024-06-12", "2024-06-14"],
        "event_name": "Hamburg Hydrogen Week",
        "event_url": "https://example.org/hydrogen-week",
        "transport_mode": "train",
        "funding": "partly",
        "funding_party": "Havenbedrijf Hamburg",
        "links": ["https://example.org/verslag", "javascript:alert(1)"],
        "travellers": [
            {"role": "wethouder Haven", "category": "bestuurder", "name": "J. Jansen"},
            {"role": "beleidsadviseur energie", "category": "ambtenaar"},
        ],
        "destinations": [{"city": "Hamburg", "country": "DE"}, {"city": "Rotterdam", "country": "NL"}],
        "goals": [
            {"label": "A", "text": "Leren hoe Hamburg walstroom voor schepen aanlegt."},
            {"label": "B", "text": "Afspraken maken over een gezamenlijke waterstofketen."},
        ],
        "outcomes": [
            {"goal_label": "A", "text": "Inzicht in de kosten van walstroom.", "achieved": "yes"},
            {"goal_label": "B", "text": "Intentieverklaring opgesteld.", "achieved": "partly"},
            {"text": "Contact gelegd met een Deense kennisinstelling.", "achieved": "unknown"},
        ],
        "programme": [
            {"date": dt.date(2024, 6, 13), "start_time": dt.time(14, 0), "end_time": dt.time(16, 0),
             "title": "Rondvaart langs de walstroominstallaties", "location": "Hafen Hamburg"},
            {"date": dt.date(2024, 6, 13), "start_time": dt.time(9, 30), "end_time": dt.time(11, 0),
             "title": "Ontvangst op het stadhuis", "speakers": ["Senator voor Economie"], "location": "Rathaus"},
            {"date": dt.date(2024, 6, 12), "start_time": dt.time(15, 0), "title": "Aankomst en briefing"},
        ],
        "contacts": [
            {"role": "directeur duurzaamheid", "organisation": "Hamburg Port Authority", "city": "Hamburg",
             "country": "DE", "count": 3},
        ],
        "follow_ups": [
            {"action": "Werkbezoek van Hamburg aan Den Haag organiseren", "counterparties": ["Hamburg Port Authority"],
             "owner": "afdeling Economie", "due_date": dt.date(2024, 12, 1), "status": "partly_done"},
        ],
        "costs": [
            {"category": "transport", "estimated_amount": Decimal("450.00"), "actual_amount": Decimal("432.10"),
             "currency": "EUR", "payer": "gemeente"},
            {"category": "accommodation", "estimated_amount": Decimal("1200.00"), "currency": "EUR",
             "payer": "Havenbedrijf Hamburg"},
        ],
    }  # fmt: skip
    fields.update(overrides)
    return fields

"""One published trip as a JSON record of ``reisregister.trip/1`` (the schema is in ``schema``).

Every key is always present: text that the report does not give is ``""``, a missing date, time, number or
document is ``null``, a missing list ``[]``. Choice values are the register's codes; amounts are JSON numbers in
the unit of their currency; dates, times and moments ISO 8601 (moments in UTC).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from reisregister.opendata.addresses import trip_url
from reisregister.publication.objects import (
    PublicContact,
    PublicCost,
    PublicCostTotal,
    PublicFollowUp,
    PublicGoal,
    PublicOutcome,
    PublicProgrammeItem,
    PublicRedaction,
    PublicTraveller,
    PublicTrip,
)

SCHEMA = "reisregister.trip/1"


def record(trip: PublicTrip) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": trip.id,
        "url": trip_url(trip.id),
        "title": trip.title,
        "organisation": {"name": trip.organisation.name, "code": trip.organisation.code},
        "start_date": _day(trip.start_date),
        "end_date": _day(trip.end_date),
        "days": trip.days,
        "travel_days": [day.isoformat() for day in trip.travel_days],
        "purpose": trip.purpose,
        "event_name": trip.event_name,
        "event_url": trip.event_url,
        "transport_mode": trip.transport_mode,
        "funding": trip.funding,
        "funding_party": trip.funding_party,
        "cancelled": trip.cancelled,
        "cancellation_reason": trip.cancellation_reason,
        "links": list(trip.links),
        "travellers": [_traveller(t) for t in trip.travellers],
        "destinations": [{"city": d.city, "country": d.country} for d in trip.destinations],
        "goals": [_goal(goal) for goal in trip.goals],
        "other_outcomes": [_outcome(outcome) for outcome in trip.other_outcomes],
        "programme": [_item(item) for day in trip.programme for item in day.items],
        "contacts": [_contact(contact) for contact in trip.contacts],
        "follow_ups": [_follow_up(item) for item in trip.follow_ups],
        "costs": [_cost(cost) for cost in trip.costs],
        "cost_totals": [_total(total) for total in trip.cost_totals],
        "document": None if trip.document is None else {
            "file_name": trip.document.file_name, "media_type": trip.document.media_type,
            "pages": trip.document.pages,
        },
        "published_at": _moment(trip.published_at),
        "redactions": [_redaction(row) for row in trip.redactions],
    }  # fmt: skip


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: dt.time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def _moment(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def _amount(value: Decimal | None) -> float | None:
    # At most 12 digits (the database's precision): a float holds them exactly and prints them shortest.
    return None if value is None else float(value)


def _traveller(traveller: PublicTraveller) -> dict[str, Any]:
    return {"role": traveller.role, "category": traveller.category, "name": traveller.name}


def _outcome(outcome: PublicOutcome) -> dict[str, Any]:
    return {"text": outcome.text, "achieved": outcome.achieved}


def _goal(goal: PublicGoal) -> dict[str, Any]:
    return {
        "label": goal.label,
        "text": goal.text,
        "outcomes": [_outcome(outcome) for outcome in goal.outcomes],
    }


def _item(item: PublicProgrammeItem) -> dict[str, Any]:
    return {
        "date": _day(item.date), "start_time": _time(item.start_time), "end_time": _time(item.end_time),
        "title": item.title, "speakers": list(item.speakers), "location": item.location,
    }  # fmt: skip


def _contact(contact: PublicContact) -> dict[str, Any]:
    return {
        "role": contact.role, "organisation": contact.organisation, "city": contact.city,
        "country": contact.country, "count": contact.count,
    }  # fmt: skip


def _follow_up(item: PublicFollowUp) -> dict[str, Any]:
    return {
        "action": item.action, "counterparties": list(item.counterparties), "owner": item.owner,
        "due_date": _day(item.due_date), "status": item.status,
    }  # fmt: skip


def _cost(cost: PublicCost) -> dict[str, Any]:
    return {
        "category": cost.category, "estimated": _amount(cost.estimated), "actual": _amount(cost.actual),
        "currency": cost.currency, "payer": cost.payer,
    }  # fmt: skip


def _total(total: PublicCostTotal) -> dict[str, Any]:
    return {
        "currency": total.currency,
        "estimated": _amount(total.estimated),
        "actual": _amount(total.actual),
    }


def _redaction(row: PublicRedaction) -> dict[str, Any]:
    return {
        "number": row.number, "ground": row.ground, "kind": row.kind, "places": list(row.places),
        "decided_at": _moment(row.decided_at),
    }  # fmt: skip

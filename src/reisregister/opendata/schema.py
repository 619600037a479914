"""The JSON Schema (draft 2020-12) of one record of ``trips.json``: ``reisregister.trip/1``.

Served at /data/trips.schema.json and committed as docs/schema/reisregister.trips-1.json
(``reisregister trip_schema > docs/schema/reisregister.trips-1.json``; a test fails when they drift). Choice
values come from the choice lists the publication boundary re-exports (public code does not import the trips
app). A change that breaks readers needs ``reisregister.trip/2``.
"""

from __future__ import annotations

import json
from typing import Any

from reisregister.opendata.costs import CATEGORIES
from reisregister.opendata.records import SCHEMA
from reisregister.publication import objects

SCHEMA_ID = "urn:reisregister:schema:reisregister.trip:1"

TRANSPORT_MODES = tuple(objects.TransportMode.values)
FUNDING = tuple(objects.Funding.values)
TRAVELLER_CATEGORIES = tuple(objects.TravellerCategory.values)
ACHIEVED = tuple(objects.Achieved.values)
FOLLOW_UP_STATUSES = tuple(objects.FollowUpStatus.values)
REDACTION_KINDS = tuple(objects.RedactionKind.values)
SECTIONS = tuple(objects.SECTIONS)

_TEXT = {"type": "string"}
_DATE = {"type": ["string", "null"], "format": "date"}
_MOMENT = {"type": ["string", "null"], "format": "date-time", "description": "UTC."}
_TIME = {
    "type": ["string", "null"],
    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
    "description": "HH:MM",
}
_AMOUNT = {
    "type": ["number", "null"],
    "description": "In the unit of the currency; null when not stated.",
}
_COUNT = {"type": ["integer", "null"], "minimum": 0}
_CURRENCY = {"type": "string", "description": "ISO 4217 code, such as EUR."}
_COUNTRY = {"type": "string", "description": "ISO 3166-1 alpha-2 code; empty when not known."}


def _texts(description: str = "") -> dict[str, Any]:
    return {
        "type": "array",
        "items": _TEXT,
        **({"description": description} if description else {}),
    }


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    if description:
        schema["description"] = description
    schema |= {
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return schema


def _list(item: dict[str, Any], description: str = "") -> dict[str, Any]:
    return {"type": "array", "items": item, **({"description": description} if description else {})}


def _enum(values: tuple[str, ...], description: str) -> dict[str, Any]:
    return {"type": "string", "enum": list(values), "description": description}


def _definitions() -> dict[str, Any]:
    return {
        "outcome": _object({
            "text": _TEXT,
            "achieved": _enum(ACHIEVED, "Whether the goal was achieved."),
        }),
        "traveller": _object({
            "role": {"type": "string", "description": "Function, such as wethouder."},
            "category": _enum(TRAVELLER_CATEGORIES, "bestuurder: executive office holder; raadslid: elected "
                              "representative (council, States, parliament); ambtenaar: civil servant."),
            "name": {"type": "string", "description": "Only for holders of public office; empty otherwise."},
        }),
        "programme_item": _object({
            "date": _DATE, "start_time": _TIME, "end_time": _TIME, "title": _TEXT,
            "speakers": _texts(), "location": _TEXT,
        }),
        "contact": _object({
            "role": _TEXT, "organisation": _TEXT, "city": _TEXT, "country": _COUNTRY,
            "count": {**_COUNT, "description": "Number of people met."},
        }),
        "follow_up": _object({
            "action": {"type": "string", "description": "What was agreed."},
            "counterparties": _texts("With whom."),
            "owner": {"type": "string", "description": "Who is responsible at the public body."},
            "due_date": _DATE,
            "status": _enum(FOLLOW_UP_STATUSES, "Progress of the agreement."),
        }),
        "cost": _object({
            "category": _enum(CATEGORIES, "Kind of cost."),
            "estimated": _AMOUNT, "actual": _AMOUNT, "currency": _CURRENCY,
            "payer": {"type": "string", "description": "Who paid, as stated."},
        }),
        "cost_total": _object({"currency": _CURRENCY, "estimated": _AMOUNT, "actual": _AMOUNT}),
        "redaction": _object({
            "number": {"type": "integer", "minimum": 1},
            "ground": _enum(tuple(objects.Ground.values), "Ground of the Woo (art. 5.1 or 5.2) for withholding."),
            "kind": _enum(REDACTION_KINDS, "Kind of passage withheld."),
            "places": {"type": "array", "items": _enum(SECTIONS, "Section of the trip.")},
            "decided_at": _MOMENT,
        }, "One line of the redaction log; it never holds the withheld text."),
    }  # fmt: skip


def schema() -> dict[str, Any]:
    ref = {name: {"$ref": f"#/$defs/{name}"} for name in _definitions()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "A published trip of the Reisregister",
        "description": "One record of trips.json (or one line of trips.jsonl). Text reads as published: a "
        "passage withheld under the Woo reads as its ground in brackets, such as [5.1.2e]. Text the report "
        'does not give is "", a missing date, time, number or document null.',
        **_object({
            "schema": {"const": SCHEMA, "description": "Version of this record format."},
            "id": {"type": "integer", "minimum": 1, "description": "Number of the trip in the register."},
            "url": {"type": "string", "format": "uri", "description": "The trip's page."},
            "title": _TEXT,
            "organisation": _object({
                "name": _TEXT,
                "code": {"type": "string", "description": "TOOI code, such as gm0518."},
            }, "The public body that made the trip."),
            "start_date": _DATE, "end_date": _DATE,
            "days": {**_COUNT, "description": "Calendar days, both ends included."},
            "travel_days": {"type": "array", "items": {"type": "string", "format": "date"}},
            "purpose": _TEXT,
            "event_name": _TEXT,
            "event_url": {"type": "string", "description": "http(s) address, or empty."},
            "transport_mode": _enum(TRANSPORT_MODES, "Main means of transport; empty when not stated."),
            "funding": _enum(FUNDING, "own budget, third_party or partly; empty when not stated."),
            "funding_party": _TEXT,
            "cancelled": {"type": "boolean"},
            "cancellation_reason": _TEXT,
            "links": _texts("http(s) addresses."),
            "travellers": _list(ref["traveller"]),
            "destinations": _list(_object({"city": _TEXT, "country": _COUNTRY})),
            "goals": _list(_object({"label": _TEXT, "text": _TEXT, "outcomes": _list(ref["outcome"])})),
            "other_outcomes": _list(ref["outcome"], "Outcomes the report ties to no goal."),
            "programme": _list(ref["programme_item"], "By date and start time; undated items last."),
            "contacts": _list(ref["contact"]),
            "follow_ups": _list(ref["follow_up"]),
            "costs": _list(ref["cost"]),
            "cost_totals": _list(ref["cost_total"], "Per currency."),
            "document": {"anyOf": [{"type": "null"}, _object({
                "file_name": _TEXT, "media_type": _TEXT, "pages": _COUNT,
            })], "description": "The source document as described publicly."},
            "published_at": _MOMENT,
            "redactions": _list(ref["redaction"], "The public redaction log (lakoverzicht)."),
        }),
        "$defs": _definitions(),
    }  # fmt: skip


def render() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"

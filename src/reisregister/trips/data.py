"""Plain data for a whole trip, as the form, the importer and the API hand it to ``trips.service``.

Rows are dicts of model field names; provenance keys (``span_start``, ``span_end``, ``page``, ``confirmed``) are
allowed on every row. ``Outcome`` rows name their goal by ``goal_label``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

TRIP_FIELDS = (
    "title", "purpose", "start_date", "end_date", "travel_days", "year_inferred", "event_name", "event_url",
    "transport_mode", "funding", "funding_party", "cancelled", "cancellation_reason", "links",
)  # fmt: skip
PART_KINDS = (
    "travellers",
    "destinations",
    "goals",
    "programme",
    "contacts",
    "outcomes",
    "follow_ups",
    "costs",
)


@dataclass
class TripData:
    title: str
    purpose: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    travel_days: list[str] = field(default_factory=list)
    year_inferred: bool = False
    event_name: str = ""
    event_url: str = ""
    transport_mode: str = ""
    funding: str = ""
    funding_party: str = ""
    cancelled: bool = False
    cancellation_reason: str = ""
    links: list[str] = field(default_factory=list)
    travellers: list[Row] = field(default_factory=list)
    destinations: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    programme: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    outcomes: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
    costs: list[Row] = field(default_factory=list)
    # Provenance of trip-level fields: names still unconfirmed, and their spans in source_text.
    source_text: str = ""
    unconfirmed_fields: list[str] = field(default_factory=list)
    field_evidence: dict[str, list[int]] = field(default_factory=dict)

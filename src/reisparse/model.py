"""The typed, immutable ``Report``: the JSON contract ``reisparse.report/1``.

Field names and meanings are stable within a schema version; adding optional fields is allowed, renaming or
changing the meaning of one means ``reisparse.report/2``. ``docs/schema/reisparse.report-1.json`` is generated
from these classes (``make schema``) and a test fails when it is out of date.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "reisparse.report/1"

Span = tuple[int, int]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    filename: str | None
    sha256: str
    media_type: str
    pages: int | None = Field(
        description="Number of pages for paged formats (PDF, TIFF), else null."
    )
    ocr: bool
    language: Literal["nl", "en"] | None
    trip_index: int = Field(
        0, description="0-based index of this trip within a source that lists several."
    )


class Traveller(_Frozen):
    text: str
    name: str | None = None
    role: str | None = None


class Period(_Frozen):
    start: str | None = Field(None, description="ISO date")
    end: str | None = Field(None, description="ISO date")
    travel_days: tuple[str, ...] = ()
    year_inferred: bool = False
    text: str | None = None


class Destination(_Frozen):
    city: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    lat: float | None = None
    lon: float | None = None


class Event(_Frozen):
    name: str | None
    url: str | None = None


class Goal(_Frozen):
    label: str | None
    text: str
    span: Span
    page: int | None = None


class ProgrammeItem(_Frozen):
    date: str | None
    start: str | None = Field(description="HH:MM")
    end: str | None = None
    title: str
    speakers: tuple[str, ...] = ()
    span: Span
    page: int | None = None


class Contact(_Frozen):
    text: str
    role: str | None
    organisation: str | None
    city: str | None = None
    country: str | None = None
    count: int | None = None
    span: Span
    page: int | None = None


class Outcome(_Frozen):
    goal: str | None = Field(description="Label of the goal this outcome belongs to.")
    text: str
    span: Span
    page: int | None = None


class FollowUp(_Frozen):
    text: str
    counterparties: tuple[str, ...] = ()
    span: Span
    page: int | None = None


class CostLine(_Frozen):
    """Extra field (not in the minimal contract): an amount stated in the source."""

    category: str | None
    amount: float
    currency: str = "EUR"
    payer: str | None = None
    text: str
    span: Span


class Section(_Frozen):
    key: str
    heading: str
    start: int
    end: int


class Report(_Frozen):
    """One trip as read from a source document. Every extracted value carries a span into ``text``."""

    schema_: Literal["reisparse.report/1"] = Field("reisparse.report/1", alias="schema")
    source: Source
    template: str
    title: str | None = None
    organisation: str | None = None
    purpose: str | None = None
    travellers: tuple[Traveller, ...] = ()
    period: Period = Period()
    destinations: tuple[Destination, ...] = ()
    event: Event | None = None
    goals: tuple[Goal, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    contacts: tuple[Contact, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    links: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    # Extra fields beyond the minimal contract.
    costs: tuple[CostLine, ...] = ()
    funding: str | None = Field(None, description="Who paid, as stated (register pages).")
    transport: str | None = Field(
        None, description="Mode of transport as stated: air, train, car, ..."
    )
    cancelled: bool = False
    cancellation_reason: str | None = None
    text: str
    page_starts: tuple[int, ...] = Field(
        (),
        description="Offsets into `text` where each page begins, page 1 first (0); empty when the "
        "source is not paged.",
    )
    warnings: tuple[str, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready contract form (``schema`` first, tuples as lists)."""
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of the contract, generated from the model."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://reisregister.nl/schema/reisparse.report-1.json"
    schema["title"] = SCHEMA_ID
    return schema

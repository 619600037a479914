"""A mutable collection of extracted fields that becomes an immutable ``Report`` at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from reisparse.model import (
    Contact,
    CostLine,
    Destination,
    Event,
    FollowUp,
    Goal,
    Outcome,
    Period,
    ProgrammeItem,
    Report,
    Section,
    Source,
    Traveller,
)
from reisparse.normalise import Normalised

_Spanned = TypeVar("_Spanned", Goal, ProgrammeItem, Contact, Outcome, FollowUp)


@dataclass(slots=True)
class Draft:
    template: str
    title: str | None = None
    organisation: str | None = None
    purpose: str | None = None
    travellers: list[Traveller] = field(default_factory=list)
    period: Period = field(default_factory=Period)
    destinations: tuple[Destination, ...] = ()
    event: Event | None = None
    goals: list[Goal] = field(default_factory=list)
    programme: list[ProgrammeItem] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    links: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    costs: list[CostLine] = field(default_factory=list)
    funding: str | None = None
    transport: str | None = None
    cancelled: bool = False
    cancellation_reason: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_report(self, source: Source, normalised: Normalised) -> Report:
        def paged(values: list[_Spanned]) -> tuple[_Spanned, ...]:
            if not normalised.page_starts:
                return tuple(values)
            return tuple(
                v.model_copy(update={"page": normalised.page_at(v.span[0])}) for v in values
            )

        return Report(
            source=source,
            template=self.template,
            title=self.title,
            organisation=self.organisation,
            purpose=self.purpose,
            travellers=tuple(self.travellers),
            period=self.period,
            destinations=self.destinations,
            event=self.event,
            goals=paged(self.goals),
            programme=paged(self.programme),
            contacts=paged(self.contacts),
            outcomes=paged(self.outcomes),
            follow_ups=paged(self.follow_ups),
            links=self.links,
            sections=self.sections,
            costs=tuple(self.costs),
            funding=self.funding,
            transport=self.transport,
            cancelled=self.cancelled,
            cancellation_reason=self.cancellation_reason,
            text=normalised.text,
            page_starts=normalised.page_starts,
            warnings=tuple(dict.fromkeys(self.warnings)),
        )

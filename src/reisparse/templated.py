"""Reports written on a question template (the six-question reisverslag and its English version)."""

from __future__ import annotations

from reisparse.context import Context
from reisparse.draft import Draft
from reisparse.extract.contacts import find_contacts
from reisparse.extract.dates import resolve
from reisparse.extract.destinations import find_destinations
from reisparse.extract.event import find_event
from reisparse.extract.followups import Known, find_follow_ups
from reisparse.extract.goals import find_goals, find_purpose
from reisparse.extract.journey import journey_fields
from reisparse.extract.outcomes import find_outcomes
from reisparse.extract.period import find_period
from reisparse.extract.programme import RawItem, find_programme, programme_start
from reisparse.extract.prose_travellers import find_travellers_in_section, members_of_parliament
from reisparse.extract.status import find_cancellation
from reisparse.extract.title import find_title
from reisparse.model import ProgrammeItem, Section
from reisparse.sectioning import body
from reisparse.templates import Template


def programme_items(raw: list[RawItem], year: int | None) -> list[ProgrammeItem]:
    out = []
    for item in raw:
        day = None
        if item.day is not None and (item.day.year or year):
            try:
                day = resolve(item.day, item.day.year or year or 0).isoformat()
            except ValueError:
                day = None
        out.append(
            ProgrammeItem(
                date=day,
                start=item.start or None,
                end=item.end,
                title=item.title,
                speakers=item.speakers,
                span=item.span,
            )
        )
    return out


def read_templated(ctx: Context, template: Template, sections: tuple[Section, ...]) -> Draft:
    text = ctx.text
    spans = {s.key: body(s, text) for s in sections}
    draft = Draft(template=template.id, sections=sections, links=ctx.links)
    draft.organisation = ctx.organisation
    everything = (0, len(text))
    first_section = sections[0].start if sections else len(text)
    draft.title = find_title(
        text,
        first_section,
        ctx.headings,
        {s.heading for s in sections},
        organisation=ctx.organisation,
    )

    purpose = spans.get("purpose", everything)
    prog_at = programme_start(text, *purpose)
    before_programme = (purpose[0], prog_at if prog_at is not None else purpose[1])
    raw_programme = find_programme(text, prog_at, purpose[1]) if prog_at is not None else []
    draft.goals = find_goals(text, *before_programme)
    draft.purpose = find_purpose(text, *before_programme)
    draft.event = find_event(text[before_programme[0] : before_programme[1]], ctx.links)

    found = find_period(
        text,
        *spans.get("duration", everything),
        programme_days=[i.day for i in raw_programme if i.day is not None],
        today=ctx.today,
    )
    draft.period, draft.warnings = found.period, [*draft.warnings, *found.warnings]
    draft.programme = programme_items(raw_programme, found.year)

    lang_en = template.language == "en"
    if "contacts" in spans:
        draft.contacts = find_contacts(text, *spans["contacts"], lang_en=True)
    labels = {g.label for g in draft.goals if g.label}
    if "outcomes" in spans:
        draft.outcomes = find_outcomes(text, *spans["outcomes"], labels)
    draft.travellers = members_of_parliament(
        draft.organisation,
        find_travellers_in_section(text, *purpose) or find_travellers_in_section(text, *everything),
        lang_en=template.language == "en",
    )
    if "follow_ups" in spans:
        known = Known(
            organisations=tuple(c.organisation for c in draft.contacts if c.organisation),
            exclude=_exclude(ctx, draft),
        )
        draft.follow_ups = find_follow_ups(text, *spans["follow_ups"], known)
    regions = [spans[k] for k in ("locations",) if k in spans]
    draft.destinations = find_destinations(text, regions, home=ctx.home) or find_destinations(
        text, [purpose, everything], home=ctx.home, strict=True
    )
    draft.cancelled, draft.cancellation_reason = find_cancellation(text)
    draft.transport, draft.funding = journey_fields(
        text, None, organisation=ctx.organisation, lang_en=lang_en
    )
    return draft


def _exclude(ctx: Context, draft: Draft) -> frozenset[str]:
    names = {t.text.casefold() for t in draft.travellers}
    if ctx.home:
        names.add(ctx.home.name.casefold())
    if ctx.organisation:
        names.add(ctx.organisation.casefold())
        names.add(ctx.organisation.split(" ", 1)[-1].casefold())
    return frozenset(names)

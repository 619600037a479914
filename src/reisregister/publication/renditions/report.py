"""The trip report as a PDF: every public section of the trip page, then the redaction log.

Built from ``publication.service.get_trip``'s ``PublicTrip`` only, in the active language; the view caches the
bytes per trip, language and register state.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.platypus import Flowable, Paragraph

from reisregister.publication.objects import PublicDestination, PublicOutcome, PublicTrip
from reisregister.publication.renditions.blocks import (
    Cell,
    amount,
    day,
    facts,
    file_name,
    label,
    link,
    moment,
    public_url,
    section,
    subsection,
    table,
    text,
    weekday,
)
from reisregister.publication.renditions.log import redaction_log
from reisregister.publication.renditions.marks import markup
from reisregister.publication.renditions.pdf import Page, Rendition, build, newest
from reisregister.publication.renditions.styles import styles

_NOT_STATED = "—"


def render(trip: PublicTrip) -> Rendition:
    """The report PDF of one published trip."""
    modified = newest(trip.published_at, *(entry.decided_at for entry in trip.redactions))
    page = Page(
        header="", footer=f"Reisregister · {public_url('publication:trip-detail', trip.id)}"
    )
    data = build(
        content(trip), title=trip.title, page=page, created=trip.published_at, modified=modified
    )
    return Rendition(data, file_name=file_name(_("trip-report"), trip.id), last_modified=modified)


def content(trip: PublicTrip) -> list[Flowable]:
    return [
        *_heading(trip),
        *section(_("At a glance"), [_facts(trip)]),
        *_section(_("Purpose"), [text(trip.purpose)] if trip.purpose else [], _("The report does not state a purpose.")),
        *_section(_("Travellers"), _travellers(trip), _("The report does not list the travellers.")),
        *_programme(trip),
        *_section(_("People met"), _contacts(trip), _("The report does not say whom the travellers met.")),
        *_section(_("Goals and what came of them"), _goals(trip), _("The report states no goals.")),
        *_section(_("Follow-up agreements"), _follow_ups(trip), _("No follow-up agreements were reported.")),
        *_section(_("Costs"), _costs(trip), _("The report states no costs.")),
        *_links(trip),
        *_document(trip),
        *redaction_log(trip.redactions),
    ]  # fmt: skip


def _section(title: str, body: list[Flowable], empty: str) -> list[Flowable]:
    return section(title, body or [label(empty)])


def _heading(trip: PublicTrip) -> list[Flowable]:
    meta = trip.organisation.name
    if trip.published_at:
        meta += f" · {_('published')} {moment(trip.published_at)}"
    parts: list[Flowable] = [text(trip.title, styles().title), text(meta, styles().meta)]
    if trip.cancelled:
        notice = "<b>" + escape(_("This trip was cancelled")) + "</b>"
        if trip.cancellation_reason:
            notice += "<br/>" + markup(trip.cancellation_reason)
        parts.append(Paragraph(notice, styles().notice))
    return parts


def _facts(trip: PublicTrip) -> Flowable:
    return facts([
        (_("Organisation"), trip.organisation.name),
        (_("Period"), _period(trip)),
        (_("Travel days"), ", ".join(day(d) for d in trip.travel_days) or _NOT_STATED),
        (_("Destinations"), ", ".join(_place(d) for d in trip.destinations) or _NOT_STATED),
        (_("Event"), " · ".join(v for v in (trip.event_name, trip.event_url) if v) or _NOT_STATED),
        (_("Transport"), capfirst(trip.transport_label) or _NOT_STATED),
        (_("Funding"), _funding(trip)),
    ])  # fmt: skip


def _period(trip: PublicTrip) -> str:
    if trip.start_date is None:
        return _("date not stated")
    period = day(trip.start_date)
    if trip.end_date is not None and trip.end_date != trip.start_date:
        period += " – " + day(trip.end_date)
    if trip.days:
        days = ngettext("%(counter)s day", "%(counter)s days", trip.days) % {"counter": trip.days}
        period += f" ({days})"
    return period


def _place(destination: PublicDestination) -> str:
    if not destination.city:
        return destination.country_name
    country = destination.country_name
    return f"{destination.city_label} ({country})" if country else destination.city_label


def _funding(trip: PublicTrip) -> str:
    if trip.funding_label:
        party = f": {trip.funding_party}" if trip.funding_party else ""
        return capfirst(trip.funding_label) + party
    if trip.funding_party:
        return _("Paid by %(party)s") % {"party": trip.funding_party}
    return _NOT_STATED


def _travellers(trip: PublicTrip) -> list[Flowable]:
    # As on the trip page: "name, function (category)"; a name is only kept for holders of public office.
    lines = []
    for traveller in trip.travellers:
        line = f"{traveller.name}, " if traveller.name else ""
        line += traveller.role or traveller.category_label
        line += f" ({traveller.category_label})" if traveller.role else ""
        lines.append(text(f"• {line}"))
    return lines


def _programme(trip: PublicTrip) -> list[Flowable]:
    parts: list[Flowable] = []
    for programme_day in trip.programme:
        caption = (
            capfirst(weekday(programme_day.date)) if programme_day.date else _("Date not stated")
        )
        rows: list[list[Cell]] = [
            [
                _times(item.start_time, item.end_time),
                item.title,
                ", ".join(item.speakers),
                item.location,
            ]
            for item in programme_day.items
        ]
        columns = [_("Time"), _("Programme item"), _("Speakers"), _("Location")]
        parts.extend(subsection(caption, [table(columns, rows, (0.14, 0.4, 0.23, 0.23))]))
    return _section(_("Programme"), parts, _("The report gives no programme."))


def _times(start: dt.time | None, end: dt.time | None) -> str:
    if start is None:
        return _NOT_STATED
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"{start:%H:%M}"


def _contacts(trip: PublicTrip) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            c.role,
            c.organisation,
            ", ".join(v for v in (c.city_label, c.country_name) if v),
            str(c.count or _NOT_STATED),
        ]
        for c in trip.contacts
    ]
    columns = [_("Function"), _("Organisation"), _("Place"), _("Number of people")]
    return [table(columns, rows, (0.3, 0.3, 0.25, 0.15))] if rows else []


def _goals(trip: PublicTrip) -> list[Flowable]:
    parts: list[Flowable] = []
    if trip.goals:
        rows: list[list[Cell]] = [
            [f"{goal.label}. {goal.text}" if goal.label else goal.text, _outcomes(goal.outcomes)]
            for goal in trip.goals
        ]
        parts.append(table([_("Goal"), _("Outcome")], rows, (0.45, 0.55)))
    if trip.other_outcomes:
        parts.append(label(_("Other outcomes"), styles().subheading))
        parts.extend(text(f"• {outcome.text}") for outcome in trip.other_outcomes)
    return parts


def _outcomes(outcomes: tuple[PublicOutcome, ...]) -> str:
    if not outcomes:
        return _("No outcome reported.")
    return "\n".join(f"{o.text} ({_('goal achieved')}: {o.achieved_label})" for o in outcomes)


def _follow_ups(trip: PublicTrip) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            f.action,
            ", ".join(f.counterparties),
            f.owner,
            day(f.due_date) or _NOT_STATED,
            capfirst(f.status_label),
        ]
        for f in trip.follow_ups
    ]
    columns = [_("Agreement"), _("With"), _("Responsible"), _("Due"), _("Status")]
    return [table(columns, rows, (0.33, 0.17, 0.19, 0.15, 0.16))] if rows else []


def _costs(trip: PublicTrip) -> list[Flowable]:
    if not trip.costs:
        return []
    rows: list[list[Cell]] = [
        [
            capfirst(c.category_label),
            amount(c.currency, c.estimated),
            amount(c.currency, c.actual),
            c.payer,
        ]
        for c in trip.costs
    ]
    several = len(trip.cost_totals) > 1
    for total in trip.cost_totals:
        name = f"{_('Total')} {total.currency}" if several else _("Total")
        rows.append(
            [
                name,
                amount(total.currency, total.estimated),
                amount(total.currency, total.actual),
                "",
            ]
        )
    columns = [_("Category"), _("Estimated"), _("Actual"), _("Paid by")]
    return [table(columns, rows, (0.3, 0.2, 0.2, 0.3))]


def _links(trip: PublicTrip) -> list[Flowable]:
    if not trip.links:
        return []
    return section(_("Links"), [link(url) for url in trip.links])


def _document(trip: PublicTrip) -> list[Flowable]:
    document = trip.document
    if document is None:
        note = _("This report was entered in the register's form; there is no separate document.")
        return section(_("Source document"), [label(note)])
    sentence = _("This entry was made from the document %(name)s (%(kind)s).") % {
        "name": document.file_name or _NOT_STATED, "kind": document.type_label,
    }  # fmt: skip
    if document.pages:
        pages = ngettext("It has %(counter)s page.", "It has %(counter)s pages.", document.pages)
        sentence += " " + pages % {"counter": document.pages}
    rendition = public_url("renditions:document-pdf", trip.id)
    return section(
        _("Source document"),
        [text(sentence), label(_("A redacted rendition of its text:")), link(rendition)],
    )

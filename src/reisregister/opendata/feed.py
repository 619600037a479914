"""The Atom feed (RFC 4287) of the latest publication events: published, published again, withdrawn.

Each event is its own entry with a tag: URI (RFC 4151) made from the audit event, so publishing a trip again
after a withdrawal is news again rather than an edit of the old entry. A withdrawal says only that trip N was
withdrawn, and when: never its title or content (a trip may be withdrawn because something leaked). For the
same reason, the entry of an earlier publication of a trip that is no longer published loses its title too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.xmlreader import AttributesImpl

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from reisregister.opendata.addresses import absolute, host, trip_url
from reisregister.opendata.licence import licence
from reisregister.publication.events import REPUBLISHED, PublicationEvent
from reisregister.publication.objects import PublicTripSummary

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
SUMMARY_CHARACTERS = 500
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# XML 1.0 cannot carry these at all; an imported document may (a form feed between pages).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def render(events: list[PublicationEvent], updated: dt.datetime | None) -> bytes:
    """The feed; ``updated`` is when its content last changed (the newest event, or a later redaction)."""
    out = io.BytesIO()
    xml = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement(
        "feed", _attrs(xmlns=ATOM, **{"xml:lang": get_language() or settings.LANGUAGE_CODE})
    )
    feed_url = absolute(reverse("opendata:feed"))
    xml.addQuickElement("id", feed_url)
    xml.addQuickElement("title", _("Reisregister: published and withdrawn trips"))
    xml.addQuickElement("subtitle", _("Official trips of public bodies, published under the Woo."))
    xml.addQuickElement("updated", _stamp(updated or (events[0].at if events else _EPOCH)))
    xml.startElement("author", _attrs())
    xml.addQuickElement("name", "Reisregister")
    xml.addQuickElement("uri", absolute(reverse("publication:home")))
    xml.endElement("author")
    xml.addQuickElement(
        "link", attrs={"rel": "self", "type": "application/atom+xml", "href": feed_url}
    )
    xml.addQuickElement(
        "link",
        attrs={
            "rel": "alternate",
            "type": "text/html",
            "href": absolute(reverse("publication:trip-list")),
        },
    )
    xml.addQuickElement("rights", licence().name)
    for event in events:
        _entry(xml, event)
    xml.endElement("feed")
    xml.endDocument()
    return out.getvalue()


def _entry(xml: SimplerXMLGenerator, event: PublicationEvent) -> None:
    xml.startElement("entry", _attrs())
    xml.addQuickElement("id", _tag(event))
    xml.addQuickElement("title", _clean(_title(event)))
    xml.addQuickElement("updated", _stamp(event.at))
    xml.addQuickElement("published", _stamp(event.at))
    xml.addQuickElement(
        "link", attrs={"rel": "alternate", "type": "text/html", "href": trip_url(event.trip_id)}
    )
    xml.addQuickElement("category", attrs={"term": event.kind})
    if event.withdrawn:
        xml.addQuickElement(
            "summary", _("This trip was withdrawn from the register."), {"type": "text"}
        )
    elif event.trip is not None:
        xml.addQuickElement("summary", _clean(_summary(event.trip)), {"type": "text"})
    xml.endElement("entry")


def _title(event: PublicationEvent) -> str:
    if event.withdrawn:
        return _("Trip %(id)d withdrawn") % {"id": event.trip_id}
    if event.trip is None:  # published once, no longer: say no more than a withdrawal would
        return _("Trip %(id)d published") % {"id": event.trip_id}
    if event.kind == REPUBLISHED:
        return _("Published again: %(title)s") % {"title": event.trip.title}
    return event.trip.title


def _summary(trip: PublicTripSummary) -> str:
    period = " – ".join(str(day) for day in dict.fromkeys((trip.start_date, trip.end_date)) if day)
    places = ", ".join(d.city or d.country for d in trip.destinations if d.city or d.country)
    facts = " · ".join(part for part in (trip.organisation.name, period, places) if part)
    purpose = Truncator(trip.purpose).chars(SUMMARY_CHARACTERS)
    return f"{facts}\n\n{purpose}".strip()


def _attrs(**values: str) -> AttributesImpl[str]:
    return AttributesImpl(values)


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _tag(event: PublicationEvent) -> str:
    # tag:authority,date:specific; the date is the event's, when the register certainly held its host name.
    return f"tag:{host()},{event.at.astimezone(dt.UTC):%Y-%m-%d}:reisregister/event/{event.id}"


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")

"""Every text of a trip that can reach the public, by section: what the detector scans and redactions apply to."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from reisregister.trips.models import Trip

# Public sections, in page order; the redaction log names these (never the redacted text).
SECTIONS = {
    "title": _("title"),
    "purpose": _("purpose"),
    "travellers": _("travellers"),
    "destinations": _("destinations"),
    "event": _("event"),
    "goals": _("goals"),
    "programme": _("programme"),
    "contacts": _("contacts"),
    "outcomes": _("outcomes"),
    "follow_ups": _("follow-up agreements"),
    "costs": _("costs"),
    "cancellation": _("cancellation"),
    "document": _("source document"),
}


def trip_texts(trip: Trip) -> Iterator[tuple[str, str]]:
    """(path, text) for every public text of the trip; the path's first part is a key of ``SECTIONS``."""
    yield "title", trip.title
    yield "purpose", trip.purpose
    yield "event.name", trip.event_name
    yield "costs.funding_party", trip.funding_party
    yield "cancellation.reason", trip.cancellation_reason
    for i, traveller in enumerate(trip.travellers.all()):
        yield f"travellers.{i}.role", traveller.role
        yield f"travellers.{i}.name", traveller.name
    for i, destination in enumerate(trip.destinations.all()):
        yield f"destinations.{i}.city", destination.city
    for i, goal in enumerate(trip.goals.all()):
        yield f"goals.{i}.text", goal.text
    for i, item in enumerate(trip.programme.all()):
        yield f"programme.{i}.title", item.title
        yield f"programme.{i}.location", item.location
        for j, speaker in enumerate(item.speakers or ()):
            yield f"programme.{i}.speakers.{j}", str(speaker)
    for i, contact in enumerate(trip.contacts.all()):
        yield f"contacts.{i}.role", contact.role
        yield f"contacts.{i}.organisation", contact.organisation
        yield f"contacts.{i}.city", contact.city
    for i, outcome in enumerate(trip.outcomes.all()):
        yield f"outcomes.{i}.text", outcome.text
    for i, follow_up in enumerate(trip.follow_ups.all()):
        yield f"follow_ups.{i}.action", follow_up.action
        yield f"follow_ups.{i}.owner", follow_up.owner
        for j, party in enumerate(follow_up.counterparties or ()):
            yield f"follow_ups.{i}.counterparties.{j}", str(party)
    for i, cost in enumerate(trip.costs.all()):
        yield f"costs.{i}.payer", cost.payer
    if trip.source_document_id is not None:
        yield "document.filename", trip.source_document.original_filename  # type: ignore[union-attr]
    yield "document.text", trip.source_text


def section_of(path: str) -> str:
    return path.split(".", 1)[0]

"""Frozen public copies of published trips: a trip page, an export or the search index reads one row per trip
instead of building the view from eleven tables (measured: one trip page went from ten queries to one).

Correctness rests on two rules:
- every change to what the public sees of a trip (publish, withdraw, a redaction decision on a published trip)
  calls ``publication.service.refresh`` inside its own transaction, so the copy commits with the change;
- a copy that is missing (a trip published in bulk, or before copies existed) or of an older ``codec.FORMAT`` is
  built from the live rows when first read, and written only where no newer copy appeared meanwhile (insert if
  absent, replace only the outdated format), so a slow reader can never overwrite a fresher copy.

The organisation is joined live, not frozen: renaming it in the admin shows at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from reisregister.publication import codec
from reisregister.publication.models import PublishedTrip
from reisregister.publication.objects import PublicOrganisation, PublicTrip
from reisregister.trips.models import Status, Trip


@dataclasses.dataclass
class Found:
    trips: dict[int, PublicTrip]  # trip id -> its current public view
    # Published trips without a current copy -> the format of their outdated copy, or None for none at all.
    to_build: dict[int, str | None]


def read(trip_ids: Sequence[int]) -> Found:
    """The current copies of those of ``trip_ids`` that are published (one query)."""
    rows = Trip.objects.filter(pk__in=trip_ids, status=Status.PUBLISHED).values_list(
        "pk", "organisation__name", "organisation__tooi_code", "public_copy__format",
        "public_copy__data",
    )  # fmt: skip
    found = Found({}, {})
    for pk, name, code, format_, data in rows:
        if format_ != codec.FORMAT or data is None:
            found.to_build[pk] = format_
            continue
        trip = codec.decode_trip(data)
        found.trips[pk] = dataclasses.replace(
            trip, organisation=PublicOrganisation(name=name or "", code=code or "")
        )
    return found


def fill(built: Iterable[PublicTrip], outdated: dict[int, str | None]) -> None:
    """Store copies built by a reader: new rows only where none exists, replacements only of the old format."""
    new = []
    for trip in built:
        old_format = outdated.get(trip.id)
        if old_format is None:
            new.append(PublishedTrip(trip_id=trip.id, format=codec.FORMAT, data=codec.encode(trip)))
        else:
            PublishedTrip.objects.filter(trip_id=trip.id, format=old_format).update(
                format=codec.FORMAT, data=codec.encode(trip)
            )
    PublishedTrip.objects.bulk_create(new, ignore_conflicts=True)


def write(trip: PublicTrip) -> None:
    """Store the copy of a trip just changed by a writer (inside the writer's transaction)."""
    PublishedTrip.objects.update_or_create(
        trip_id=trip.id, defaults={"format": codec.FORMAT, "data": codec.encode(trip)}
    )


def drop(trip_id: int) -> None:
    PublishedTrip.objects.filter(trip_id=trip_id).delete()

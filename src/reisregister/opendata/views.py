"""The open data: downloads of every published trip (CSV, JSON, JSON Lines), the follow-up agreements (CSV),
the Atom feed, the schema of the JSON records and the dataset page that documents them.

Everything is read through the publication boundary, so it is published and redacted data only. Downloads
stream over ``publication.service.iter_published`` in batches: memory stays constant however large the register.
They carry an ETag made from ``publication.service.cache_version()`` (it moves with every audit event) and a
Last-Modified, so a client that has the current file gets a 304 without a single trip being read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition, require_safe

from reisregister.opendata import cells, csv_stream, feed, json_stream, schema
from reisregister.opendata.addresses import absolute
from reisregister.opendata.columns import (
    FOLLOW_UP_COLUMNS,
    TRIP_COLUMNS,
    FollowUpRow,
    TripRow,
    follow_up_rows,
    trip_row,
)
from reisregister.opendata.licence import licence
from reisregister.opendata.records import SCHEMA, record
from reisregister.publication import events
from reisregister.publication import service as publication
from reisregister.publication.objects import PublicTrip

BATCH_SIZE = 500
CSV = "text/csv; charset=utf-8"
JSON = "application/json; charset=utf-8"
JSON_LINES = "application/jsonl; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


def _etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    # The path tells the files apart; the language matters for the feed (its titles are translated); the
    # format version, the licence and the public address (in every row) make a changed file a new file.
    parts = (
        publication.cache_version(),
        request.path,
        get_language() or "",
        SCHEMA,
        licence().identifier,
        absolute(""),
    )
    return hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()[:20]


def _last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> dt.datetime | None:
    return publication.last_change()


_conditional = condition(etag_func=_etag, last_modified_func=_last_modified)


# Generator functions, not expressions: nothing is read until the first chunk is asked for (a HEAD never is).
def _published() -> Iterator[PublicTrip]:
    yield from publication.iter_published(batch_size=BATCH_SIZE)


def _trip_rows() -> Iterator[TripRow]:
    for trip in _published():
        yield trip_row(trip)


def _follow_up_rows() -> Iterator[FollowUpRow]:
    for trip in _published():
        yield from follow_up_rows(trip)


def _records() -> Iterator[dict[str, Any]]:
    for trip in _published():
        yield record(trip)


def _public(response: HttpResponse | StreamingHttpResponse) -> None:
    # Open data: any site may fetch it from a browser; a cache keeps it but asks (cheaply, by ETag) each time.
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{licence().url}>; rel="license"'
    patch_cache_control(response, public=True, no_cache=True)


def _download(
    request: HttpRequest, chunks: Iterator[bytes], content_type: str, stem: str, suffix: str
) -> StreamingHttpResponse:
    if request.method == "HEAD":
        # A server may read the whole body of a HEAD answer only to throw it away: never start the export.
        chunks = iter(())
    response = StreamingHttpResponse(chunks, content_type=content_type)
    updated = events.last_update()
    day = timezone.localdate(updated) if updated else timezone.localdate()
    response["Content-Disposition"] = (
        f'attachment; filename="reisregister-{stem}-{day:%Y-%m-%d}.{suffix}"'
    )
    _public(response)
    return response


@require_safe
@_conditional
def trips_csv(request: HttpRequest) -> StreamingHttpResponse:
    return _download(request, csv_stream.stream(TRIP_COLUMNS, _trip_rows()), CSV, "trips", "csv")


@require_safe
@_conditional
def follow_ups_csv(request: HttpRequest) -> StreamingHttpResponse:
    chunks = csv_stream.stream(FOLLOW_UP_COLUMNS, _follow_up_rows())
    return _download(request, chunks, CSV, "follow-ups", "csv")


@require_safe
@_conditional
def trips_json(request: HttpRequest) -> StreamingHttpResponse:
    return _download(request, json_stream.array(_records()), JSON, "trips", "json")


@require_safe
@_conditional
def trips_jsonl(request: HttpRequest) -> StreamingHttpResponse:
    return _download(request, json_stream.lines(_records()), JSON_LINES, "trips", "jsonl")


@require_safe
@_conditional
def trips_schema(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(schema.render(), content_type=JSON)
    _public(response)
    return response


@require_safe
@_conditional
def atom_feed(request: HttpRequest) -> HttpResponse:
    language = get_language() or ""
    body = publication.cached(
        "opendata-feed",
        language,
        lambda: feed.render(events.recent(feed.ENTRIES), events.last_update()),
    )
    response = HttpResponse(body, content_type=ATOM)
    _public(response)
    return response


@require_safe
def dataset(request: HttpRequest) -> HttpResponse:
    context = {
        "licence": licence(),
        "updated": events.last_update(),
        "figures": publication.headline_figures(),
        "trip_columns": TRIP_COLUMNS,
        "follow_up_columns": FOLLOW_UP_COLUMNS,
        "separator": cells.SEPARATOR,
        "record_schema": SCHEMA,
        "feed_entries": feed.ENTRIES,
    }
    return render(request, "opendata/dataset.html", context)

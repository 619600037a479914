"""Redaction: the public surface of the app. Suggest (run the detector), decide, add by hand, and the check
the workflow makes before publication.

Only reviewers of the trip's organisation decide. Every decision writes an AuditEvent on the trip in the same
transaction (which also moves the public cache on, see ``publication.service.cached``) and, for a published
trip, brings the search index in step after the commit.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reisparse import personal
from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.publication import service as publication
from reisregister.redaction.apply import Redactor, fold
from reisregister.redaction.marks import Ground
from reisregister.redaction.models import (
    DEFAULT_GROUND,
    Decision,
    Kind,
    Origin,
    PublicFigure,
    Redaction,
    Scan,
)
from reisregister.redaction.texts import section_of, trip_texts
from reisregister.trips.models import AuditEvent, Status, TravellerCategory, Trip

MAX_TERM = 2000
_SEPARATOR = "\n\n"
_OFFICE = (TravellerCategory.EXECUTIVE, TravellerCategory.COUNCIL)


class RedactionsPending(Exception):
    """Suggestions are still waiting for a reviewer's decision: the trip cannot be published yet."""


def redactions(trip: Trip) -> QuerySet[Redaction]:
    return Redaction.objects.filter(trip=trip).select_related("decided_by").order_by("pk")


def pending_count(trip: Trip) -> int:
    return Redaction.objects.filter(trip=trip, decision=Decision.SUGGESTED).count()


# --------------------------------------------------------------------------- suggesting


def keep_list(trip: Trip) -> personal.KeepList:
    """Names that stay public for this trip: configured public figures, travellers who hold public office and,
    when REISREGISTER_KEEP_SPEAKER_NAMES is on, the speakers of the programme (they spoke in public)."""
    figures = PublicFigure.objects.filter(active=True).filter(
        Q(organisation__isnull=True) | Q(organisation_id=trip.organisation_id)
    )
    names = [figure.name for figure in figures]
    names += [t.name for t in trip.travellers.all() if t.name and t.category in _OFFICE]
    if settings.KEEP_SPEAKER_NAMES:
        names += [str(s) for item in trip.programme.all() for s in item.speakers or () if s]
    return personal.KeepList(names=tuple(names))


def scan(trip: Trip, *, force: bool = False) -> int:
    """Run the detector over the trip's texts when they changed since the last run; store new suggestions.

    A passage decided before (accepted or rejected) is not suggested again. Returns the number of new suggestions.
    """
    texts = [(path, text) for path, text in trip_texts(trip) if text]
    digest = hashlib.sha256(
        "\x00".join(f"{path}\x01{text}" for path, text in texts).encode()
    ).hexdigest()
    state = Scan.objects.filter(trip=trip).first()
    if state is not None and state.digest == digest and not force:
        return 0
    keep = keep_list(trip)
    kept = [fold(name) for name in keep.names]
    known = set(Redaction.objects.filter(trip=trip).values_list("key", flat=True))
    new: list[Redaction] = []
    for path, finding in _findings(texts, keep):
        key = fold(finding.text)
        if finding.kept or key in known or not key:
            continue
        if finding.kind == personal.Kind.NAME and any(key in name for name in kept):
            continue
        known.add(key)
        kind = Kind(finding.kind.value)
        new.append(
            Redaction(
                trip=trip, term=finding.text[:MAX_TERM], key=key[:MAX_TERM], kind=kind,
                ground=DEFAULT_GROUND.get(kind, Ground.PRIVACY), origin=Origin.DETECTED,
                field=path, start=finding.start, end=finding.end,
            )
        )  # fmt: skip
    with transaction.atomic():
        Redaction.objects.bulk_create(new, ignore_conflicts=True)
        Scan.objects.update_or_create(trip=trip, defaults={"digest": digest})
    return len(new)


def _findings(
    texts: list[tuple[str, str]], keep: personal.KeepList
) -> Iterable[tuple[str, personal.Finding]]:
    # The document text in one call, the short field texts joined into one more: the name detector has a
    # fixed cost per call. Offsets are mapped back to the field each finding lies in.
    fields = [(path, text) for path, text in texts if path != "document.text"]
    for path, text in texts:
        if path == "document.text":
            for finding in personal.find_personal_data(text, keep=keep):
                yield path, finding
    joined, starts, offset = [], [], 0
    for _path, text in fields:
        starts.append(offset)
        joined.append(text)
        offset += len(text) + len(_SEPARATOR)
    for finding in personal.find_personal_data(_SEPARATOR.join(joined), keep=keep):
        index = bisect_right(starts, finding.start) - 1
        base = starts[index]
        yield (
            fields[index][0],
            personal.Finding(
                finding.kind, finding.text, finding.start - base, finding.end - base, finding.kept
            ),
        )


# --------------------------------------------------------------------------- deciding


def _check_reviewer(user: User, trip: Trip) -> None:
    if not accounts.can_review(user, trip.organisation_id):
        raise PermissionDenied(_("Only a reviewer of this organisation may decide on redactions."))


def decide(redaction_id: int, *, decision: str, ground: str, user: User) -> Redaction:
    """Accept or reject one suggestion (or change the ground of an accepted redaction)."""
    if decision not in (Decision.ACCEPTED, Decision.REJECTED):
        raise ValidationError(_("Choose to redact or to keep the passage."))
    if ground not in Ground.values:
        raise ValidationError(_("Choose a ground from the Woo."))
    with transaction.atomic():
        row = Redaction.objects.select_for_update().select_related("trip").get(pk=redaction_id)
        _check_reviewer(user, row.trip)
        before = {"decision": row.decision, "ground": row.ground}
        row.decision, row.ground = decision, ground
        row.decided_by, row.decided_at = user, timezone.now()
        row.save()
        _changed(row.trip, f"redaction-{decision}", user, before=before, row=row)
    return row


def add_manual(
    trip_id: int, *, term: str, ground: str, user: User, kind: str = Kind.OTHER
) -> Redaction:
    """Redact a passage the detector did not suggest (a name, a sentence on relations with another state)."""
    term = " ".join(term.split())
    if not term:
        raise ValidationError(_("Give the passage to redact."))
    if len(term) > MAX_TERM:
        raise ValidationError(
            _("A passage to redact is at most %(max)d characters.") % {"max": MAX_TERM}
        )
    if ground not in Ground.values:
        raise ValidationError(_("Choose a ground from the Woo."))
    with transaction.atomic():
        trip = Trip.objects.select_for_update().get(pk=trip_id)
        _check_reviewer(user, trip)
        if not Redactor.of([(term, ground)]).found(
            "\n".join(text for _p, text in trip_texts(trip))
        ):
            raise ValidationError(_("This passage does not occur in the trip."))
        row, _created = Redaction.objects.update_or_create(
            trip=trip, key=fold(term)[:MAX_TERM],
            defaults={"term": term, "kind": kind if kind in Kind.values else Kind.OTHER, "ground": ground,
                      "origin": Origin.MANUAL, "decision": Decision.ACCEPTED, "created_by": user,
                      "decided_by": user, "decided_at": timezone.now()},
        )  # fmt: skip
        _changed(trip, "redaction-added", user, row=row)
        row.refresh_from_db(fields=["places"])  # refresh_places wrote them
    return row


def decide_all_pending(trip_id: int, *, decision: str, user: User | None) -> int:
    """Accept (or reject) every open suggestion of the trip at once, each with its proposed ground."""
    with transaction.atomic():
        trip = Trip.objects.select_for_update().get(pk=trip_id)
        if user is not None:
            _check_reviewer(user, trip)
        rows = list(Redaction.objects.filter(trip=trip, decision=Decision.SUGGESTED))
        now = timezone.now()
        for row in rows:
            row.decision, row.decided_by, row.decided_at = decision, user, now
        Redaction.objects.bulk_update(rows, ["decision", "decided_by", "decided_at"])
        if rows:
            _changed(trip, f"redactions-{decision}", user, count=len(rows))
    return len(rows)


def _changed(
    trip: Trip,
    action: str,
    user: User | None,
    *,
    before: object = None,
    row: Redaction | None = None,
    count: int = 1,
) -> None:
    refresh_places(trip)
    after = None
    if row is not None:
        after = {"decision": row.decision, "ground": row.ground, "kind": row.kind, "id": row.pk}
    AuditEvent.objects.create(
        trip=trip, actor=user if user and user.is_authenticated else None, action=action,
        before=before, after=after if row is not None else {"count": count},
    )  # fmt: skip
    if trip.status == Status.PUBLISHED:
        publication.refresh(
            trip.pk
        )  # in this transaction: no moment where the old copy shows the passage
        transaction.on_commit(lambda: _reindex(trip.pk))


def _reindex(trip_id: int) -> None:
    from reisregister.search import (
        service as search,  # search reads through publication, which imports us
    )

    search.sync_trip(trip_id)


def refresh_places(trip: Trip) -> None:
    """Record, per accepted redaction, the sections of the trip it occurs in (for the public log)."""
    rows = list(Redaction.objects.filter(trip=trip, decision=Decision.ACCEPTED))
    if not rows:
        return
    redactor = Redactor.of((row.term, row.ground) for row in rows)
    index = {fold(term): i for i, (term, _g) in enumerate(redactor.terms)}
    hits: dict[int, list[str]] = {}
    for path, text in trip_texts(trip):
        for i in redactor.found(text):
            places = hits.setdefault(i, [])
            if section_of(path) not in places:
                places.append(section_of(path))
    for row in rows:
        row.places = hits.get(index.get(row.key, -1), [])
    Redaction.objects.bulk_update(rows, ["places"])


# --------------------------------------------------------------------------- the workflow's check


def ensure_publishable(trip: Trip) -> None:
    """Called by the workflow before publishing: scan if the text changed, then refuse while suggestions wait."""
    scan(trip)
    waiting = pending_count(trip)
    if waiting:
        raise RedactionsPending(
            ngettext(
                "One redaction suggestion is waiting for a decision.",
                "%(count)d redaction suggestions are waiting for a decision.",
                waiting,
            )
            % {"count": waiting}
        )
    refresh_places(trip)

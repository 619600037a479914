"""The ingest app's public surface: turn a document into draft trips.

``import_document`` parses a file with reisparse and writes one SourceDocument and one Trip per report in ONE
transaction: a document that fails leaves nothing behind (no row, no stored file). The same bytes imported twice
for the same organisation give the trips of the first import back ("duplicate"), so a batch can be interrupted
and run again; imported again with ``publish_as``, the trips of the first import that are not public yet are
published then ("published"). Why a document failed is told in the register's language (``ingest.reasons``).
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import reisparse
from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.ingest import reasons
from reisregister.ingest.mapping import to_trip_data
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.notes import Note, notes
from reisregister.organisations.models import Organisation
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import service as trips
from reisregister.trips.models import Status, Trip


class ImportStatus(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    # Imported before as drafts; imported again with ``publish_as``, those trips were published now.
    PUBLISHED = "published"
    FAILED = "failed"


@dataclass
class ImportResult:
    """What became of one document: its trips (new or existing), or why it failed.

    ``notice`` is what the caller should tell even though the document did not fail (a withdrawn trip that
    ``publish_as`` left withdrawn); ``message`` includes it.
    """

    filename: str
    status: ImportStatus
    trips: list[Trip] = field(default_factory=list)
    message: str = ""
    document: SourceDocument | None = None
    warnings: list[str] = field(default_factory=list)
    notice: str = ""

    @property
    def ok(self) -> bool:
        return self.status != ImportStatus.FAILED


def find_document(organisation: Organisation, data: bytes) -> SourceDocument | None:
    """The document already imported with exactly these bytes, if any."""
    sha = hashlib.sha256(data).hexdigest()
    return SourceDocument.objects.filter(organisation=organisation, sha256=sha).first()


def import_document(
    data: bytes,
    *,
    filename: str,
    organisation: Organisation,
    user: User | None,
    publish_as: User | None = None,
    check_permission: bool = True,
) -> ImportResult:
    """Parse ``data`` and create one draft trip per report in it, all or nothing.

    ``publish_as`` submits and publishes the new trips as that user (audited; the user must be a reviewer):
    for migrating reports that were public already. When the document was imported before, its trips that are
    drafts or submitted are published the same way; published and withdrawn ones stay as they are.
    ``check_permission=False`` is for trusted callers such as the import command run on the server. Raises
    PermissionDenied when ``user`` may not add trips.
    """
    if check_permission and (user is None or not accounts.can_edit(user, organisation)):
        raise PermissionDenied(_("You may not add trips for %(org)s.") % {"org": organisation})
    name = PurePath(filename).name or filename
    existing = find_document(organisation, data)
    if existing is not None:
        return _existing(name, existing, publish_as)
    refusal = _refusal(data)
    if refusal:
        return ImportResult(name, ImportStatus.FAILED, message=refusal)
    try:
        # Parsing (maybe OCR) happens before the transaction: it can take long and writes nothing.
        reports = [
            r.to_dict()
            for r in reisparse.parse(data, filename=name, organisation=organisation.name)
        ]
    except reisparse.ReisparseError as exc:
        return ImportResult(name, ImportStatus.FAILED, message=reasons.describe(exc))
    if not reports:
        return ImportResult(
            name, ImportStatus.FAILED, message=_("No trip was found in the document.")
        )
    try:
        return _store(data, name, organisation, reports, user=user, publish_as=publish_as)
    except IntegrityError:
        # Someone imported the same bytes at the same moment: theirs won, ours rolled back.
        existing = find_document(organisation, data)
        if existing is None:
            raise
        return _existing(name, existing, publish_as)


def _refusal(data: bytes) -> str:
    """Why the register does not even try to read ``data`` (too large), or "". An empty file is the parser's
    to refuse, like any other unreadable one (``reasons``)."""
    if len(data) > settings.UPLOAD_MAX_BYTES:
        return _("The file is larger than %(limit)s.") % {
            "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)
        }
    return ""


def _existing(name: str, document: SourceDocument, publish_as: User | None) -> ImportResult:
    """The trips of a document imported before; with ``publish_as`` its unpublished ones are published."""
    found = list(document.trips.order_by("source_trip_index", "pk"))
    messages = [
        _("Already imported as %(file)s.")
        % {"file": document.original_filename or document.sha256[:12]}
    ]
    status = ImportStatus.DUPLICATE
    notice = ""
    if publish_as is not None:
        waiting = [t for t in found if t.status in (Status.DRAFT, Status.SUBMITTED)]
        if waiting:
            with transaction.atomic():  # all of the document's trips, or none
                published = {t.pk: _publish(t, publish_as) for t in waiting}
            found = [published.get(t.pk, t) for t in found]
            status = ImportStatus.PUBLISHED
            messages.append(
                ngettext(
                    "Published its %(count)d trip that was not public yet.",
                    "Published its %(count)d trips that were not public yet.",
                    len(waiting),
                )
                % {"count": len(waiting)}
            )
        withdrawn = sum(t.status == Status.WITHDRAWN for t in found)
        if withdrawn:
            notice = ngettext(
                "%(count)d trip was withdrawn and stays withdrawn.",
                "%(count)d trips were withdrawn and stay withdrawn.",
                withdrawn,
            ) % {"count": withdrawn}
            messages.append(notice)
    return ImportResult(
        name, status, found, message=" ".join(messages), document=document, notice=notice
    )


def _warnings(reports: list[dict[str, Any]]) -> list[str]:
    # A register page repeats the document's warnings in every report.
    return list(dict.fromkeys(w for report in reports for w in report.get("warnings") or []))


def _store(
    data: bytes, name: str, organisation: Organisation, reports: list[dict[str, Any]], *,
    user: User | None, publish_as: User | None,
) -> ImportResult:  # fmt: skip
    document = _new_document(data, name, organisation, reports, user)
    stored = ""
    try:
        with transaction.atomic():
            # The file goes to storage inside the transaction and is removed again if anything fails. (A caller
            # that wraps this in its own transaction and rolls that back later leaves the file behind.)
            document.file.save(document.sha256, ContentFile(data), save=False)
            stored = document.file.name or ""
            document.save()
            created = [
                _create_trip(document, report, user=user, publish_as=publish_as)
                for report in reports
            ]
    except BaseException:
        if stored:
            document.file.storage.delete(stored)
        raise
    return ImportResult(
        name, ImportStatus.IMPORTED, created, document=document, warnings=document.warnings
    )


def _new_document(
    data: bytes,
    name: str,
    organisation: Organisation,
    reports: list[dict[str, Any]],
    user: User | None,
) -> SourceDocument:
    source = reports[0]["source"] if reports else {}
    return SourceDocument(
        organisation=organisation,
        original_filename=name[:300],
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=(source.get("media_type") or "application/octet-stream")[:120],
        size=len(data),
        pages=source.get("pages"),
        ocr=bool(source.get("ocr")),
        parser_output=reports,
        warnings=_warnings(reports),
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )


def _create_trip(
    document: SourceDocument, report: dict[str, Any], *, user: User | None, publish_as: User | None
) -> Trip:
    data = to_trip_data(
        report, organisation=document.organisation, filename=document.original_filename
    )
    trip = trips.create_trip(
        document.organisation, data, user=user, action="imported", source_document=document,
        source_trip_index=int(report["source"].get("trip_index") or 0), check_permission=False, validate=False,
    )  # fmt: skip
    if publish_as is not None:
        trip = _publish(trip, publish_as)
    return trip


def _publish(trip: Trip, publish_as: User) -> Trip:
    """Submit (when a draft) and publish the trip as ``publish_as``, each step audited."""
    if trip.status == Status.DRAFT:
        trips.transition(trip.pk, "submit", user=publish_as)
    # Migrating reports that were public before: every suggested redaction is accepted (hiding too much
    # can be undone by a reviewer later; a leak cannot), audited under the publishing reviewer's name.
    redaction.scan(trip)
    redaction.decide_all_pending(trip.pk, decision=Decision.ACCEPTED, user=publish_as)
    return trips.transition(trip.pk, "publish", user=publish_as)


__all__ = ["ImportResult", "ImportStatus", "Note", "find_document", "import_document", "notes"]

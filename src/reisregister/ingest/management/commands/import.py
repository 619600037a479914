# ruff: noqa: N999 (the command is called "import")
"""``reisregister import PATH...``: import trip reports from files and folders.

Each document is imported in its own transaction, so Ctrl-C stops after the document in hand and a second run
picks up where the first stopped: documents imported already come back as duplicates. With ``--publish`` a
document imported before as drafts (a first run without ``--publish``) has those trips published now; published
and withdrawn trips stay as they are. Exit code 0 when every document was imported (or was there already), 1 when
any failed (also when no trip was found in it), 2 for wrong arguments, 130 when interrupted.
"""

from __future__ import annotations

import logging
import shutil
import signal
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.translation import gettext as _

from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.ingest.service import ImportResult, ImportStatus, import_document
from reisregister.organisations.models import Organisation
from reisregister.organisations.service import UnknownOrganisation, by_code

logger = logging.getLogger(__name__)

USAGE_ERROR = 2
INTERRUPTED = 130


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to import, in a stable order (folders recursively, sorted, hidden files and folders skipped),
    and the paths that do not exist."""
    found: dict[Path, None] = {}
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found[path] = None
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    found[child] = None
        else:
            missing.append(raw)
    return list(found), missing


class _Progress:
    """A one-line progress bar on a terminal: ``[#####-----]  12/40  report.pdf``."""

    def __init__(self, out: OutputWrapper, total: int) -> None:
        self.out, self.total = out, total

    def show(self, done: int, label: str) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 24
        filled = bar_width * done // self.total if self.total else bar_width
        counter = f"{done:>{len(str(self.total))}}/{self.total}"
        line = f"[{'#' * filled}{'-' * (bar_width - filled)}] {counter}  {label}"
        self._write("\r" + line[: width - 1].ljust(width - 1))

    def clear(self) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        self._write("\r" + " " * (width - 1) + "\r")

    def _write(self, text: str) -> None:
        self.out.write(text, style_func=lambda s: s, ending="")
        self.out.flush()


@dataclass
class _Stop:
    requested: bool = False


@contextmanager
def _stop_on_interrupt(out: OutputWrapper) -> Iterator[_Stop]:
    """The first Ctrl-C asks to stop after the current document; a second one stops at once (the
    document in hand rolls back)."""
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        stop.requested = True
        out.write(
            "\n" + _("Stopping after the current document (press Ctrl-C again to stop at once).")
        )

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)
    trips: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)

    def add(self, path: str, result: ImportResult) -> None:
        self.counts[result.status] += 1
        if result.status == ImportStatus.IMPORTED:
            self.trips += len(result.trips)
        elif result.status == ImportStatus.FAILED:
            self.failures.append((path, result.message))
        if result.notice:
            self.notices.append((path, result.notice))


class Command(BaseCommand):
    help = _(
        "Import trip reports from files and folders (recursively). Each document becomes one or more draft "
        "trips; documents imported before are recognised and skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help=_("files or folders to import")
        )
        parser.add_argument(
            "--organisation",
            metavar="CODE",
            help=_("TOOI code (gm0518) or slug; needed when there are several"),
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_(
                "publish the imported trips (reports that were public already), also those of documents "
                "imported before as drafts"
            ),
        )
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help=_("the user recorded as importer and publisher"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = self._organisation(options["organisation"])
        actor = self._actor(options["as_user"], organisation, publish=options["publish"])
        files, missing = collect(options["paths"])
        tally = _Tally()
        for raw in missing:
            tally.add(
                raw, ImportResult(raw, ImportStatus.FAILED, message=_("no such file or folder"))
            )
        progress = _Progress(self.stderr, len(files)) if self.stderr.isatty() else None
        done = 0
        with _stop_on_interrupt(self.stderr) as stop:
            for path in files:
                if stop.requested:
                    break
                if progress:
                    progress.show(done, path.name)
                result = self._import(path, organisation, actor, publish=options["publish"])
                tally.add(str(path), result)
                done += 1
                if options["verbosity"] >= 2:
                    self.stdout.write(f"{result.status}: {path} ({len(result.trips)})")
            if progress:
                progress.clear()
        self._summary(tally, publish=options["publish"])
        if stop.requested and done < len(files):
            raise CommandError(
                _(
                    "Interrupted after %(done)d of %(total)d documents; run the same command again to continue."
                )
                % {"done": done, "total": len(files)},
                returncode=INTERRUPTED,
            )
        if tally.failures:
            raise CommandError(
                _("%(count)d document(s) could not be imported.") % {"count": len(tally.failures)},
                returncode=1,
            )

    def _import(
        self, path: Path, organisation: Organisation, actor: User | None, *, publish: bool
    ) -> ImportResult:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return ImportResult(path.name, ImportStatus.FAILED, message=exc.strerror or str(exc))
        try:
            return import_document(
                data, filename=path.name, organisation=organisation, user=actor,
                publish_as=actor if publish else None, check_permission=False,
            )  # fmt: skip
        except Exception as exc:
            # A bug met on one document must not stop a migration of thousands; the log has the traceback.
            logger.exception("import of %s failed", path)
            message = _("unexpected error: %(error)s") % {
                "error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            }
            return ImportResult(path.name, ImportStatus.FAILED, message=message)

    def _organisation(self, code: str | None) -> Organisation:
        codes = ", ".join(
            f"{o.tooi_code} ({o.name})" for o in Organisation.objects.order_by("tooi_code")
        )
        if code:
            try:
                return by_code(code)
            except UnknownOrganisation:
                message = _("Unknown organisation %(code)s. Known codes: %(codes)s.")
                raise CommandError(
                    message % {"code": code, "codes": codes or "-"}, returncode=USAGE_ERROR
                ) from None
        organisations = list(Organisation.objects.all()[:2])
        if not organisations:
            raise CommandError(
                _("There are no organisations yet; add one in the admin first."),
                returncode=USAGE_ERROR,
            )
        if len(organisations) > 1:
            message = _(
                "There are several organisations; choose one with --organisation CODE: %(codes)s."
            )
            raise CommandError(message % {"codes": codes}, returncode=USAGE_ERROR)
        return organisations[0]

    def _actor(
        self, username: str | None, organisation: Organisation, *, publish: bool
    ) -> User | None:
        if not username:
            if publish:
                raise CommandError(
                    _("--publish needs --as USERNAME: the reviewer who publishes."),
                    returncode=USAGE_ERROR,
                )
            return None
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(
                _("There is no active user %(name)s.") % {"name": username}, returncode=USAGE_ERROR
            )
        allowed = (
            accounts.can_review(user, organisation)
            if publish
            else accounts.can_edit(user, organisation)
        )
        if not allowed:
            message = (
                _("%(name)s is not a reviewer of %(org)s and may not publish.")
                if publish
                else _("%(name)s is not an editor of %(org)s.")
            )
            raise CommandError(
                message % {"name": username, "org": organisation}, returncode=USAGE_ERROR
            )
        return user

    def _summary(self, tally: _Tally, *, publish: bool) -> None:
        rows = [(_("imported"), tally.counts[ImportStatus.IMPORTED])]
        if publish:
            # Documents imported before whose draft or submitted trips were published now.
            rows.append((_("published, imported before"), tally.counts[ImportStatus.PUBLISHED]))
        rows += [
            (_("duplicate"), tally.counts[ImportStatus.DUPLICATE]),
            (_("failed"), tally.counts[ImportStatus.FAILED]),
            (_("trips created"), tally.trips),
        ]
        width = max(len(label) for label, _count in rows)
        digits = max(len(str(count)) for _label, count in rows)
        for label, count in rows:
            self.stdout.write(f"{label.ljust(width)}  {count:>{digits}}")
        for path, notice in tally.notices:
            self.stdout.write(_("NOTE %(path)s: %(notice)s") % {"path": path, "notice": notice})
        for path, reason in tally.failures:
            self.stderr.write(_("FAILED %(path)s: %(reason)s") % {"path": path, "reason": reason})

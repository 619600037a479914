"""``reisregister demo [--reset]``: demo organisations, accounts and trips for a developer's machine."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from reisregister.organisations import demo
from reisregister.trips.models import Status


class Command(BaseCommand):
    help = _(
        "Create demo organisations, accounts (printed with their passwords) and trips imported from synthetic "
        "reports. Running it again creates nothing new. Refused in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("first remove the demo trips, documents and accounts"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = demo.run(reset=options["reset"])
        except demo.DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        self._documents(result)
        self._accounts(result)

    def _documents(self, result: demo.DemoResult) -> None:
        self.stdout.write(
            _("Demo reports: %(new)d imported, %(old)d there already.")
            % {"new": len(result.imported), "old": len(result.already_there)}
        )
        for name, reason in result.failed:
            self.stderr.write(
                _("  failed: %(name)s: %(reason)s") % {"name": name, "reason": reason}
            )
        if result.missing:
            # The parser's corpus lives in tests/, which an installed package does not have.
            self.stdout.write(
                _("  skipped (not found): %(count)d") % {"count": len(result.missing)}
            )
        states = ", ".join(
            f"{Status(state).label} {count}"
            for state, count in sorted(result.trips_by_state.items())
        )
        self.stdout.write(_("Demo trips: %(states)s.") % {"states": states or "-"})

    def _accounts(self, result: demo.DemoResult) -> None:
        rows = [(_("user name"), _("password"), _("organisation"), _("role"))]
        rows += [(a.username, a.password, a.organisation, a.role) for a in result.accounts]
        widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
        self.stdout.write("")
        self.stdout.write(_("Demo accounts (development only):"))
        for row in rows:
            self.stdout.write(
                "  "
                + "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            )

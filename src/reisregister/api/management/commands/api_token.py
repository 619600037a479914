"""``reisregister api_token --organisation gm0518 --name "Case system" [--role reviewer]``: issue an integration
token and print its key once. ``--deactivate PREFIX`` switches a token off; ``--list`` shows the tokens.

The key goes to standard output alone (so a script can capture it); the explanation goes to standard error."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from reisregister.api import tokens
from reisregister.api.models import IntegrationToken, TokenRole
from reisregister.organisations.service import UnknownOrganisation, by_code


class Command(BaseCommand):
    help = _("Issue an API token for an integration of one organisation; the key is printed once.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help=_("TOOI code (gm0518) or slug"))
        parser.add_argument("--name", help=_("which system uses the token"))
        parser.add_argument("--role", choices=TokenRole.values, default=TokenRole.EDITOR)
        parser.add_argument(
            "--deactivate",
            metavar="PREFIX",
            help=_("switch off the token whose key starts so"),
        )
        parser.add_argument("--list", action="store_true", help=_("list the tokens"))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list()
        elif options["deactivate"]:
            self._deactivate(options["deactivate"])
        else:
            self._issue(options["organisation"], options["name"], options["role"])

    def _issue(self, code: str | None, name: str | None, role: str) -> None:
        if not code or not name:
            raise CommandError(_("Give --organisation and --name."))
        try:
            organisation = by_code(code)
        except UnknownOrganisation:
            raise CommandError(
                _("No organisation with TOOI code or slug %(code)s.") % {"code": code}
            ) from None
        try:
            token, key = tokens.issue(organisation, name, role)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stderr.write(
            _(
                "Token “%(name)s” (%(role)s) for %(organisation)s. The key is shown only now; store it in the integration:"
            )
            % {
                "name": token.name,
                "role": token.get_role_display(),
                "organisation": organisation.name,
            }
        )
        self.stdout.write(key)

    def _deactivate(self, prefix: str) -> None:
        found = list(IntegrationToken.objects.filter(prefix__startswith=prefix[:12], active=True))
        if len(found) != 1:
            raise CommandError(
                _(
                    "%(count)d active tokens start with %(prefix)s; give the start of exactly one key."
                )
                % {"count": len(found), "prefix": prefix}
            )
        tokens.deactivate(found[0])
        self.stdout.write(_("Switched off %(token)s.") % {"token": found[0]})

    def _list(self) -> None:
        for token in IntegrationToken.objects.select_related("organisation"):
            state = _("active") if token.active else _("off")
            used = token.last_used.isoformat(timespec="seconds") if token.last_used else _("never")
            self.stdout.write(
                "\t".join(
                    (
                        f"{token.prefix}…",
                        token.organisation.tooi_code,
                        token.role,
                        state,
                        used,
                        token.name,
                    )
                )
            )

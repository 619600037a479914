"""``reisregister trip_schema``: print the JSON Schema of trips.json records, to commit as
docs/schema/reisregister.trips-1.json (``reisregister trip_schema > docs/schema/reisregister.trips-1.json``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from reisregister.opendata.schema import render


class Command(BaseCommand):
    help = _("Print the JSON Schema of one record of /data/trips.json.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render(), ending="")

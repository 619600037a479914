"""``reisregister reindex``: rebuild the full-text index from the published trips (or bring one trip in step)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from reisregister.search import service as search


class Command(BaseCommand):
    help = "Rebuild the search index of published trips, or sync one trip with --trip."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--trip", type=int, metavar="ID", help="only bring this trip's index entry in step"
        )

    def handle(self, *args: Any, trip: int | None = None, **options: Any) -> None:
        if trip is not None:
            search.sync_trip(trip)
            self.stdout.write(f"trip {trip}: index entry brought in step")
            return
        count = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"{count} published trips indexed"))

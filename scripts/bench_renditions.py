"""Time the PDF renditions of a seed-sized report. Prints figures; never fails on a number.

Imports the seed report (or the clean corpus report) into a temporary SQLite database, publishes it as a
migration would (every suggested redaction accepted), then renders the trip report PDF and the redacted
document rendition: the first call (fonts loaded, reportlab imported) and the median of repeated calls.

    .venv/bin/python scripts/bench_renditions.py [--runs 20] [--out DIR]   # --out keeps the two PDFs
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reisregister.accounts.models import User

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_db49e06d3a98a721.txt"
FALLBACK = ROOT / "tests" / "corpus" / "nl-reisverslag-clean" / "source.txt"
_REDACTED_WORDS = 5


def _setup(home: Path) -> None:
    os.environ.update(
        DATABASE_URL=f"sqlite:///{home}/bench.sqlite3", MEDIA_ROOT=str(home / "media"),
        REISREGISTER_ENV="development", DJANGO_SETTINGS_MODULE="reisregister.settings",
    )  # fmt: skip
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _publish(text: str) -> int:
    from reisregister.accounts.models import Membership, Role, User
    from reisregister.ingest.service import ImportStatus, import_document
    from reisregister.organisations.service import ensure

    organisation = ensure("Gemeente Den Haag", "gm0518", home_city="Den Haag")
    reviewer = User.objects.create_user(username="bench", password="bench-only-password")
    Membership.objects.create(user=reviewer, organisation=organisation, role=Role.REVIEWER)
    result = import_document(
        text.encode(), filename="seed.txt", organisation=organisation, user=reviewer,
        publish_as=reviewer,
    )  # fmt: skip
    if result.status != ImportStatus.IMPORTED:
        sys.exit(f"bench_renditions: the seed report did not import: {result.message}")
    trip_id = result.trips[0].pk
    _redact_a_few(trip_id, text, reviewer)
    return trip_id


def _redact_a_few(trip_id: int, text: str, reviewer: User) -> None:
    """A reviewer redacts a few capitalised words too, so the figures include black boxes and a log."""
    import re

    from reisregister.redaction import service as redaction

    words = sorted(set(re.findall(r"\b[A-Z][a-z]{5,}\b", text)))[:_REDACTED_WORDS]
    for word in words:
        redaction.add_manual(trip_id, term=word, ground="5.1.2e", user=reviewer)


def _time(label: str, render: Callable[[], bytes], runs: int) -> bytes:
    start = time.perf_counter()
    data = render()
    first = time.perf_counter() - start
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time as well: on a shared machine the wall clock also counts other people's work.
    print(
        f"  {label:<20} first {1000 * first:6.1f} ms   median {1000 * statistics.median(wall):6.1f} ms"
        f" (cpu {1000 * statistics.median(cpu):6.1f} ms)   {len(data) / 1024:.0f} KiB"
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, help="write report.pdf and document.pdf here")
    options = parser.parse_args()
    text = (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="reisregister-renditions-") as home:
        _setup(Path(home))
        trip_id = _publish(text)
        from reisregister.publication import service as publication
        from reisregister.publication.renditions import document, report

        trip, source = publication.get_trip(trip_id), publication.get_source(trip_id)
        print(
            f"Renditions of a {len(text):,}-character report ({len(trip.redactions)} redactions):"
        )
        outputs = {
            "report.pdf": _time("trip report PDF", lambda: report.render(trip).data, options.runs),
            "document.pdf": _time("document rendition", lambda: document.render(source).data, options.runs),
        }  # fmt: skip
    if options.out:
        options.out.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            (options.out / name).write_bytes(data)
        print(f"  written to {options.out}")


if __name__ == "__main__":
    main()

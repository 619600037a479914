"""Export figures of the open data (``make bench``): the full trips.csv, trips.json and follow-ups.csv of a
register of N published trips. Prints a table; never fails on a number.

For SQLite and (when reachable) PostgreSQL, each in a temporary database filled by ``reisregister
generate_trips N`` (default 100,000). Each export runs in a child process of its own (this script with
``--worker``) that requests the file through Django's whole stack, reads the stream to the end and reports
the time to the first byte, the total time, the bytes and its peak resident memory next to the memory it had
before the request: the difference shows whether the export streams in constant memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
EXPORTS = ("trips.csv", "trips.json", "follow-ups.csv")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# --------------------------------------------------------------------------- worker (inside Django)


def worker(export: str) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reisregister.settings")
    import django

    django.setup()
    from django.test import Client

    from reisregister.publication import service as publication

    trips = publication.headline_figures().trips
    client = Client()
    client.get("/data/trips.schema.json")  # warm up: URL resolving, middleware, translations
    baseline = _peak_rss_mb()
    started = time.perf_counter()
    response = client.get(f"/data/{export}")
    if response.status_code != 200:
        raise RuntimeError(f"/data/{export} answered {response.status_code}")
    size = 0
    first_byte = None
    rows = -1 if export.endswith(".csv") else 0  # the header row
    for chunk in response.streaming_content:  # type: ignore[attr-defined]
        first_byte = first_byte or time.perf_counter() - started
        size += len(chunk)
        rows += chunk.count(b"\r\n") if export.endswith(".csv") else chunk.count(b"\n")
    seconds = time.perf_counter() - started
    if not export.endswith(".csv"):
        rows -= 2  # the lines with "[" and "]"
    return {"trips": trips, "rows": rows, "seconds": seconds, "first_byte": first_byte or seconds,
            "bytes": size, "rss": _peak_rss_mb(), "baseline": baseline}  # fmt: skip


# --------------------------------------------------------------------------- orchestration (outside Django)


def _run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed:\n{result.stderr[-2000:]}")
    return result.stdout


@contextmanager
def _stage(name: str) -> Iterator[None]:
    print(f"  {name} ...", flush=True)
    started = time.perf_counter()
    yield
    print(f"  {name}: {time.perf_counter() - started:.1f} s", flush=True)


def bench_database(
    label: str, database_url: str, trips: int
) -> list[tuple[str, str, dict[str, Any]]]:
    print(f"\n{label}", flush=True)
    home = Path(tempfile.mkdtemp(prefix="reisregister-bench-exports-"))
    # DEBUG off, as in production: with DEBUG on Django keeps every query in memory, which no export survives.
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{home}/bench.sqlite3",
           "REISREGISTER_HOME": str(home), "MEDIA_ROOT": str(home / "media"), "STATIC_ROOT": str(home / "static"),
           "DEBUG": "false", "REISREGISTER_ENV": "development",
           "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "reisregister.settings")}  # fmt: skip
    reisregister = str(BIN / "reisregister")
    results = []
    try:
        with _stage("migrate"):
            _run(env, reisregister, "migrate", "--verbosity", "0")
        with _stage(f"generate {trips:,} published trips"):
            _run(env, reisregister, "generate_trips", str(trips), "--no-index")
        for export in EXPORTS:
            with _stage(f"export {export}"):
                output = _run(env, sys.executable, __file__, "--worker", export)
            results.append((label, export, json.loads(output.strip().splitlines()[-1])))
    except RuntimeError as exc:
        print(f"  stopped: {exc}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return results


@contextmanager
def _postgres_database() -> Iterator[str | None]:
    """A temporary PostgreSQL database, or None when no server answers."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)
    except Exception as exc:  # any failure means "no PostgreSQL here": the bench goes on without it
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"\nPostgreSQL: not reachable at {POSTGRES_ADMIN_URL} ({reason}); skipped")
        yield None
        return
    name = f"reisregister_bench_exports_{os.getpid()}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _table(results: list[tuple[str, str, dict[str, Any]]]) -> None:
    print("\nExports (whole file through Django's stack, one process each)")
    print(f"  {'database':<10} {'file':<15} {'rows':>9} {'seconds':>8} {'trips/s':>8} {'first byte':>10} "
          f"{'MB':>7} {'MB/s':>6} {'peak RSS':>9} {'before':>7}")  # fmt: skip
    for label, export, r in results:
        megabytes = r["bytes"] / 1e6
        print(f"  {label:<10} {export:<15} {r['rows']:>9,} {r['seconds']:>8.1f} {r['trips'] / r['seconds']:>8,.0f} "
              f"{1000 * r['first_byte']:>8.0f} ms {megabytes:>7.1f} {megabytes / r['seconds']:>6.1f} "
              f"{r['rss']:>6.0f} MB {r['baseline']:>4.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--trips", type=int, default=100_000, help="published trips to generate (default 100,000)"
    )
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--worker", choices=EXPORTS, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.worker)))
        return
    # Stopped by Ctrl-C or kill, still drop the temporary database (the finally blocks).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.perf_counter()
    print(f"Export benchmark: {options.trips:,} trips, {os.cpu_count()} cores")
    results = bench_database("SQLite", "", options.trips)
    if not options.no_postgres:
        with _postgres_database() as url:
            if url:
                results += bench_database("PostgreSQL", url, options.trips)
    _table(results)
    print(f"\nTotal: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

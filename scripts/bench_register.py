"""Performance figures for the register (``make bench``). Prints figures; never fails on a number.

For SQLite and (when reachable) PostgreSQL, each in a temporary database:

1. import throughput: text reports through ``ingest.service.import_document`` (after one warm-up parse);
2. ``reisregister generate_trips N`` (default 100,000 published trips) and the search index;
3. search latency p50/p95 for a fixed query mix, in process (``search.service.search``);
4. list and trip page latency p50/p95 with 10 concurrent clients against gunicorn on a free loopback port.

Every stage prints its elapsed time. ``--trips 5000`` gives a quick run. Django runs in child processes (this
script with ``--worker``), one per database, so settings are read afresh for each.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
TEXT_REPORTS = (
    "src/reisregister/organisations/demo_corpus/*.txt",
    "tests/corpus/nl-reisverslag-clean/source.txt",
    "tests/corpus/en-trip-report/source.txt",
    "tests/corpus/multi-country/source.txt",
    "tests/corpus/caribbean/source.txt",
)
QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("fietsparkeren", {}),
    ("waterstof", {}),
    ("havens", {}),  # stemming: matches "haven"
    ("klimaatadaptatie waterpleinen", {}),
    ('"betaalbare woningbouw"', {}),
    ("tram or metro", {}),
    ("warmtenetten -Kopenhagen", {}),
    ("gemeente", {}),  # in nearly every trip: the slow case for ranking
    ("Paramaribo", {}),
    ("onbestaandwoord", {}),
    ("cultuur", {"year": 2022}),
    ("", {"country": "DE"}),
    ("", {"organisation": "gm0518", "transport": "train"}),
    ("woningbouw", {"category": "raadslid"}),
)
LIST_PAGES = (
    "/trips/",
    "/trips/?q=fietsparkeren",
    "/trips/?country=DE",
    "/trips/?year=2022&sort=title",
    "/trips/?page=5",
    "/",
)


def _percentiles(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    cuts = (
        statistics.quantiles(samples, n=100, method="inclusive")
        if len(samples) > 1
        else samples * 99
    )
    return f"p50 {1000 * cuts[49]:7.1f} ms   p95 {1000 * cuts[94]:7.1f} ms   (n={len(samples)})"


@contextmanager
def _stage(name: str) -> Iterator[None]:
    print(f"  {name} ...", flush=True)
    started = time.perf_counter()
    yield
    print(f"  {name}: {time.perf_counter() - started:.1f} s", flush=True)


# --------------------------------------------------------------------------- workers (inside Django)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reisregister.settings")
    import django

    django.setup()


def worker_import(count: int) -> dict[str, Any]:
    _setup_django()
    from reisparse import parse
    from reisregister.accounts.models import Membership, Role, User
    from reisregister.ingest.service import ImportStatus, import_document
    from reisregister.organisations.service import ensure

    sources = [path.read_bytes() for pattern in TEXT_REPORTS for path in sorted(ROOT.glob(pattern))]
    organisation = ensure("Gemeente Bench", "gm9999", home_city="Utrecht")
    user = User.objects.create_user("bench-editor", password=None)
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    parse(sources[0])  # warm-up: the gazetteer and templates load once per process
    # A reference number in front makes every document's bytes unique, so none is skipped as a duplicate.
    documents = [
        f"Kenmerk BENCH-{i:06d}\n\n".encode() + sources[i % len(sources)] for i in range(count)
    ]
    started = time.perf_counter()
    trips = failed = 0
    for i, data in enumerate(documents):
        result = import_document(
            data, filename=f"bench-{i}.txt", organisation=organisation, user=user
        )
        trips += len(result.trips)
        failed += result.status == ImportStatus.FAILED
    return {
        "documents": count,
        "trips": trips,
        "failed": failed,
        "seconds": time.perf_counter() - started,
    }


def worker_search(rounds: int) -> dict[str, Any]:
    _setup_django()
    from reisregister.search import service as search
    from reisregister.trips.models import Status, Trip

    samples: dict[str, list[float]] = {}
    for round_number in range(rounds + 1):
        for text, filters in QUERIES:
            started = time.perf_counter()
            search.search(text, filters=search.Filters(**filters), limit=20)
            if round_number:  # round 0 warms the caches
                samples.setdefault(f"{text!s} {filters or ''}".strip(), []).append(
                    time.perf_counter() - started
                )
    ids = list(Trip.objects.filter(status=Status.PUBLISHED).values_list("pk", flat=True))
    return {"samples": samples, "trip_ids": random.Random(1).sample(ids, min(len(ids), 2000))}


# --------------------------------------------------------------------------- orchestration (outside Django)


def _run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def _worker(env: dict[str, str], name: str, argument: int) -> dict[str, Any]:
    output = _run(env, sys.executable, __file__, "--worker", name, "--worker-arg", str(argument))
    parsed: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return parsed


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return time.perf_counter() - started


def _tail(log: Path, lines: int = 15) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join("    | " + line for line in text.splitlines()[-lines:])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        try:
            _get(url)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise RuntimeError("gunicorn did not answer within a minute")


def _load(base: str, paths: list[str], clients: int) -> tuple[dict[str, list[float]], int]:
    """Each client thread takes the next path until none are left; returns latencies per path, and errors."""
    queue = iter(paths)
    lock = threading.Lock()
    latencies: dict[str, list[float]] = {}
    errors = [0]

    def client() -> None:
        while True:
            with lock:
                path = next(queue, None)
            if path is None:
                return
            try:
                elapsed = _get(base + path)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.setdefault(path, []).append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def _shared_cache() -> str:
    """A Redis database for the page cache that gunicorn's workers share, emptied; "" without Redis.

    Production runs several workers with REDIS_URL set (docs/configuration.md); with the default memory cache
    every worker would build each page once for itself.
    """
    try:
        import redis

        client = redis.Redis.from_url(BENCH_REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
    except Exception as exc:  # no Redis here: measure with each worker's own memory cache
        print(f"    (Redis not reachable at {BENCH_REDIS_URL}: {exc}; per-process memory cache)")
        return ""
    return BENCH_REDIS_URL


def bench_pages(
    env: dict[str, str], trip_ids: list[int], requests: int, clients: int, log: Path
) -> None:
    env = {**env, "REDIS_URL": _shared_cache()}
    print(
        f"    cache: {'shared Redis ' + env['REDIS_URL'] if env['REDIS_URL'] else 'memory of each worker'}"
    )
    port = _free_port()
    workers = str(2 * (os.cpu_count() or 1) + 1)
    command = [str(BIN / "gunicorn"), "reisregister.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", workers, "--log-level", "warning"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_up(base + "/trips/", server)
        rng = random.Random(2)
        for path in LIST_PAGES + tuple(f"/trips/{i}/" for i in trip_ids[:5]):
            _get(base + path)  # warm each worker's caches a little
        lists = [rng.choice(LIST_PAGES) for _ in range(requests)]
        trips = [f"/trips/{rng.choice(trip_ids)}/" for _ in range(requests)]
        for label, paths in (("list pages", lists), ("trip pages", trips)):
            by_path, errors = _load(base, paths, clients)
            every = [latency for latencies in by_path.values() for latency in latencies]
            print(f"    {label:<11} {clients} clients, gunicorn {workers} workers: {_percentiles(every)}"
                  + (f", {errors} errors" if errors else ""))  # fmt: skip
            if label == "list pages":
                for path, latencies in sorted(by_path.items()):
                    print(f"      {path:<44} {_percentiles(latencies)}")
    except RuntimeError:
        print(_tail(log))
        raise
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def bench_database(label: str, database_url: str, options: argparse.Namespace) -> None:
    print(f"\n{label}", flush=True)
    home = Path(tempfile.mkdtemp(prefix="reisregister-bench-"))
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{home}/bench.sqlite3",
           "REISREGISTER_HOME": str(home), "MEDIA_ROOT": str(home / "media"), "STATIC_ROOT": str(home / "static"),
           "DEBUG": "false", "REISREGISTER_ENV": "development",
           "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "reisregister.settings")}  # fmt: skip
    reisregister = str(BIN / "reisregister")
    try:
        with _stage("migrate"):
            _run(env, reisregister, "migrate", "--verbosity", "0")
        with _stage(f"import {options.imports} text reports"):
            result = _worker(env, "import", options.imports)
        rate = result["documents"] / result["seconds"]
        print(
            f"    import: {rate:7.1f} reports/s  ({result['trips']} trips, {result['failed']} failed)"
        )
        with _stage(f"generate {options.trips:,} published trips and the search index"):
            for line in _run(env, reisregister, "generate_trips", str(options.trips)).splitlines():
                print(f"    {line}")
        with _stage(f"search: {len(QUERIES)} queries x {options.rounds} rounds"):
            found = _worker(env, "search", options.rounds)
        every = [s for samples in found["samples"].values() for s in samples]
        print(f"    search, all queries: {_percentiles(every)}")
        for query, samples in found["samples"].items():
            print(f"      {query[:44]:<44} {_percentiles(samples)}")
        with _stage("collect static files"):
            # DEBUG is off, as in production: pages link to the hashed names collectstatic writes.
            _run(env, reisregister, "collectstatic", "--noinput", "--verbosity", "0")
        with _stage(f"pages: {options.requests} list and {options.requests} trip requests"):
            bench_pages(
                env, found["trip_ids"], options.requests, options.clients, home / "gunicorn.log"
            )
    except RuntimeError as exc:
        print(f"  stopped: {exc}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def _postgres_database() -> Iterator[str | None]:
    """A temporary PostgreSQL database, or None when no server answers."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)
    except Exception as exc:  # any failure means "no PostgreSQL here": the bench goes on without it
        print(
            f"\nPostgreSQL: not reachable at {POSTGRES_ADMIN_URL} ({str(exc).strip().splitlines()[0]}); skipped"
        )
        yield None
        return
    name = f"reisregister_bench_{os.getpid()}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--trips", type=int, default=100_000, help="published trips to generate (default 100,000)"
    )
    parser.add_argument(
        "--imports", type=int, default=300, help="text reports to import (default 300)"
    )
    parser.add_argument(
        "--rounds", type=int, default=20, help="rounds of the search query mix (default 20)"
    )
    parser.add_argument(
        "--requests", type=int, default=400, help="requests per page kind (default 400)"
    )
    parser.add_argument("--clients", type=int, default=10, help="concurrent clients (default 10)")
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument("--worker", choices=("import", "search"), help=argparse.SUPPRESS)
    parser.add_argument("--worker-arg", type=int, default=0, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        run = worker_import if options.worker == "import" else worker_search
        print(json.dumps(run(options.worker_arg)))
        return
    # Stopped by Ctrl-C or kill, still drop the temporary database and stop gunicorn (the finally blocks).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.perf_counter()
    print(f"Register benchmark: {options.trips:,} trips, {os.cpu_count()} cores")
    if not options.no_sqlite:
        bench_database("SQLite", "", options)
    if not options.no_postgres:
        with _postgres_database() as url:
            if url:
                bench_database("PostgreSQL", url, options)
    print(f"\nTotal: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

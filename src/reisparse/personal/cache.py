"""deduce's lookup-structure cache, read and written safely when several processes share a venv.

deduce 3.0 keeps its lookup structures (80 MB) in a pickle inside its package folder. Its own
handling breaks on a machine where several processes start at once:

* it judges the cache stale by comparing the source files' modification times, read as naive local
  times, with the local time written into the cache; a process in another time zone (Django sets
  ``TZ`` to Europe/Amsterdam, ``make install`` runs in UTC) finds a fresh cache stale and rebuilds
  it for about two minutes;
* it rewrites the pickle in place, so a process starting meanwhile reads a half-written file, and
  two rebuilding processes can leave a corrupt one behind, which deduce then fails on for good.

Here the cache is judged by the file's own modification time (no time zone), a corrupt or stale
cache is rebuilt by one process at a time (a lock file), and written to a temporary file that
replaces the old one in a single step.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_FILE = Path("cache") / "lookup_structs.pickle"
_ATTEMPTS = 3


def load_or_build(build: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    """deduce's ``get_lookup_structs(**kwargs)``, made safe; ``build`` is deduce's own function."""
    cache_file = Path(kwargs["cache_path"]) / _FILE
    sources = Path(kwargs["lookup_path"]) / "src"
    version = str(kwargs["deduce_version"])
    structs = _read(cache_file, sources, version)
    if structs is not None:
        return structs
    with _exclusive(cache_file.with_suffix(".lock")):
        structs = _read(cache_file, sources, version)  # built by another process while we waited
        if structs is not None:
            return structs
        structs = build(**{**kwargs, "build": True, "save_cache": False})
        with contextlib.suppress(OSError):  # a read-only venv: use the structures, keep no cache
            _write(cache_file, structs, version)
        return structs


def _read(cache_file: Path, sources: Path, version: str) -> Any:
    for attempt in range(_ATTEMPTS):
        try:
            written = cache_file.stat().st_mtime
            if written < max(f.stat().st_mtime for f in sources.rglob("*")):
                return None
            with cache_file.open("rb") as handle:
                cached = pickle.load(handle)  # deduce's own cache, in deduce's own package folder
            return cached["lookup_structs"] if cached["deduce_version"] == version else None
        except FileNotFoundError:
            return None
        except Exception:  # corrupt, or being rewritten in place by a plain Deduce(): retry
            time.sleep(0.2 * (attempt + 1))
    return None


def _write(cache_file: Path, structs: Any, version: str) -> None:
    # deduce itself reads "saved_datetime" as a naive local time and compares it with the sources'
    # local modification times; the latest wall-clock time on Earth (UTC+14) keeps a plain
    # Deduce() in any time zone from rebuilding this cache.
    latest = datetime.now(UTC) + timedelta(hours=14)
    cache = {
        "deduce_version": version,
        "saved_datetime": str(latest.replace(tzinfo=None)),
        "lookup_structs": structs,
    }
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=cache_file.parent, prefix=".lookup_structs.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(cache, handle)
        tmp.chmod(0o644)  # mkstemp makes it private; deduce's own file is world-readable
        tmp.replace(cache_file)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    """One process at a time (POSIX lock file); elsewhere, or without write access, no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the Linux machines we run on
        yield
        return
    try:
        handle = lock_file.open("a")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

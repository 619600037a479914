"""Compile the register's translations (.po → .mo) with polib, so no GNU gettext is needed to run the app.

``make messages`` extracts strings with Django's makemessages (which needs GNU gettext, a developer tool)
and then runs this script. The .mo files are committed; a test checks they are what this script makes
of the .po files.

    python scripts/compile_messages.py            # write each .mo next to its .po
    python scripts/compile_messages.py --check    # exit 1 when a committed .mo is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "reisregister"


def po_files(root: Path = ROOT) -> list[Path]:
    return sorted(root.rglob("locale/*/LC_MESSAGES/*.po"))


def compiled(po_path: Path) -> bytes:
    """The .mo bytes for one .po file; fuzzy and untranslated entries are left out, as msgfmt does."""
    return bytes(polib.pofile(str(po_path)).to_binary())


def compile_all(root: Path = ROOT, destination: Path | None = None) -> list[Path]:
    """Compile every catalogue under ``root``; the .mo files go next to their .po files, or into the
    same relative place under ``destination``. Returns the .mo paths written."""
    written = []
    for po_path in po_files(root):
        target = po_path.with_suffix(".mo")
        if destination is not None:
            target = destination / target.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled(po_path))
        written.append(target)
    return written


def stale(root: Path = ROOT) -> list[Path]:
    """The .mo files that are missing or differ from what their .po files compile to."""
    return [
        po.with_suffix(".mo")
        for po in po_files(root)
        if not po.with_suffix(".mo").is_file() or po.with_suffix(".mo").read_bytes() != compiled(po)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only report out-of-date .mo files")
    args = parser.parse_args(argv)
    repo = ROOT.parent.parent
    if args.check:
        out_of_date = stale()
        for path in out_of_date:
            print(f"out of date: {path.relative_to(repo)} (run `make messages`)", file=sys.stderr)
        return 1 if out_of_date else 0
    for path in compile_all():
        print(f"compiled {path.relative_to(repo)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``reisparse FILE...``: JSON Lines on stdout, one report object per trip.

Exit codes: 0 ok, 2 usage, 3 unreadable or unsupported input, 4 OCR needed but Tesseract missing. With several
files the others still parse and the exit code is the worst one. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from types import FrameType

from reisparse import __version__
from reisparse.errors import ExitCode, ParseTimeout, ReisparseError
from reisparse.limits import Limits
from reisparse.model import Report
from reisparse.pipeline import parse
from reisparse.summary import format_table, marked_text


def _arguments() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reisparse",
        description="Parse trip reports (text, Markdown, HTML, DOCX, PDF, scans) into reisparse.report/1 JSON.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="files or folders (recursive); - for stdin"
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pretty", action="store_true", help="indent the JSON")
    out.add_argument(
        "--text", action="store_true", help="print the normalised text with sections marked"
    )
    out.add_argument("--table", action="store_true", help="print a summary table instead of JSON")
    p.add_argument("--organisation", help="the travelling organisation, when you know it")
    p.add_argument(
        "--today", type=date.fromisoformat, help="reference date for year inference (YYYY-MM-DD)"
    )
    p.add_argument(
        "--template-dir", action="append", default=[], help="extra folder with report templates"
    )
    p.add_argument("--max-size", type=int, help="maximum file size in bytes (default 50 MB)")
    p.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="seconds per file before giving up (default 600)",
    )
    p.add_argument("--version", action="version", version=f"reisparse {__version__}")
    return p


def _expand(names: Sequence[str]) -> Iterator[str]:
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from (
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield name


class _Alarm:
    """A per-file wall-clock limit, so no input can hang the batch (Unix main thread only)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.enabled = seconds > 0 and hasattr(signal, "SIGALRM")

    def __enter__(self) -> None:
        if self.enabled:
            signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *_: object) -> None:
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _fire(self, _signum: int, _frame: FrameType | None) -> None:
        raise ParseTimeout(f"gave up after {self.seconds:g} s")


def _parse_one(name: str, args: argparse.Namespace, limits: Limits) -> list[Report]:
    if name == "-":
        return parse(sys.stdin.buffer.read(), filename=None, today=args.today,
                     organisation=args.organisation, limits=limits, template_dirs=tuple(args.template_dir))  # fmt: skip
    path = Path(name)
    if not path.exists():
        raise FileNotFoundError(name)
    with _Alarm(args.timeout):
        return parse(path, today=args.today, organisation=args.organisation, limits=limits,
                     template_dirs=tuple(args.template_dir))  # fmt: skip


def _emit(reports: list[Report], args: argparse.Namespace, name: str) -> None:
    for report in reports:
        if args.text:
            print(marked_text(report, name))
        elif not args.table:
            print(
                json.dumps(report.to_dict(), ensure_ascii=False, indent=2 if args.pretty else None)
            )


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        limits = Limits.from_env()
    except ValueError as exc:
        print(f"reisparse: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.max_size:
        limits = Limits(
            **{**{f: getattr(limits, f) for f in limits.__slots__}, "max_bytes": args.max_size}
        )
    worst = ExitCode.OK
    rows: list[tuple[str, Report]] = []
    for name in _expand(args.files):
        try:
            reports = _parse_one(name, args, limits)
        except FileNotFoundError:
            print(f"reisparse: {name}: no such file", file=sys.stderr)
            worst = max(worst, ExitCode.BAD_INPUT)
            continue
        except ReisparseError as exc:
            print(f"reisparse: {name}: {exc}", file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        except Exception as exc:  # a parser bug must not end the batch or show a traceback
            print(
                f"reisparse: {name}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr
            )
            worst = max(worst, ExitCode.BAD_INPUT)
            continue
        _emit(reports, args, name)
        rows.extend((name, r) for r in reports)
        sys.stdout.flush()
    if args.table:
        print(format_table(rows))
    return int(worst)


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # `reisparse ... | head`: stop quietly; point stdout at devnull so the final flush doesn't fail too.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    run()

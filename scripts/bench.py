"""Performance figures for the parser (``make bench``). Prints; never fails on a number.

Measured on one core, in one process, after a warm-up parse (loading the gazetteer and templates is a one-off).
OCR is compared with raw ``tesseract`` on the same page image in the same run, so machine noise cancels out.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.builders import (  # noqa: E402
    make_docx,
    make_image,
    make_scanned_pdf,
    make_text_pdf,
)

from reisparse import parse  # noqa: E402
from reisparse.readers import read  # noqa: E402

TODAY = date(2026, 11, 28)
SEED = ROOT.parent / "shared" / "seeds" / "000_db49e06d3a98a721.txt"
FALLBACK = ROOT / "tests" / "corpus" / "nl-reisverslag-clean" / "source.txt"


def _seed_text() -> str:
    return (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")


def _rate(label: str, make: Callable[[str], bytes], text: str, count: int = 200) -> float:
    """Reports per second over ``count`` documents that differ in a reference line, built before timing.

    The same bytes over and over would be served partly by the parser's per-text caches and overstate the
    rate (by about a quarter for the seed), so each document is unique, as in a real import."""
    parse(make(text), today=TODAY)  # warm-up: gazetteer and templates load once per process
    documents = [make(f"{text}\n\nKenmerk BENCH-{i:05d}\n") for i in range(count)]
    start = time.perf_counter()
    for data in documents:
        parse(data, today=TODAY)
    elapsed = time.perf_counter() - start
    print(
        f"  {label:<22} {count / elapsed:8.1f} reports/s  {1000 * elapsed / count:7.2f} ms/report"
    )
    return count / elapsed


def _median_time(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _html(text: str) -> bytes:
    return (
        "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
    ).encode()


def bench_formats(text: str) -> None:
    print("Per format (seed-sized report, one core, every document unique):")
    _rate("text (UTF-8)", lambda t: t.encode("utf-8"), text)
    _rate("text (UTF-16)", lambda t: t.encode("utf-16"), text)
    _rate("markdown", lambda t: ("# Reisverslag\n\n" + t).encode("utf-8"), text)
    _rate("html", _html, text)
    _rate("docx", make_docx, text, count=100)
    _rate("text pdf", make_text_pdf, text, count=50)


def bench_pdf_pages(text: str) -> None:
    pdf = make_text_pdf("\n\n".join([text] * 8))
    pages = len(read(pdf).pages)
    read_s = _median_time(lambda: read(pdf))
    parse_s = _median_time(lambda: parse(pdf, today=TODAY))
    print(
        f"Text PDF ({pages} pages): read {pages / read_s:7.1f} pages/s, full parse {pages / parse_s:7.1f} pages/s"
    )


def bench_ocr(text: str) -> None:
    if not shutil.which("tesseract"):
        print("OCR: tesseract not installed, skipped")
        return
    image = make_image(text[:2500], fmt="PNG")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        path.write_bytes(image)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        raw = _median_time(
            lambda: subprocess.run(
                ["tesseract", str(path), "stdout", "-l", "nld+eng"],
                env=env,
                capture_output=True,
                check=True,
            )
        )
        ours = _median_time(lambda: parse(image, today=TODAY))
    print(f"OCR (1 page image): raw tesseract {raw:5.2f} s/page, reisparse {ours:5.2f} s/page, "
          f"overhead {ours / raw:4.2f}x")  # fmt: skip
    scan = make_scanned_pdf(text)
    pages = len(read(make_text_pdf(text)).pages)
    scan_s = _median_time(lambda: parse(scan, today=TODAY), runs=1)
    print(f"OCR (scanned PDF, {pages} pages): {scan_s / pages:5.2f} s/page")


def bench_batch(text: str, count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            # Vary the bytes so nothing can be cached by content.
            Path(tmp, f"report-{i:04d}.txt").write_text(
                f"{text}\n\nKenmerk {i}\n", encoding="utf-8"
            )
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "reisparse", "--today", TODAY.isoformat(), tmp],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    status = "ok" if result.returncode == 0 else f"exit {result.returncode}"
    print(f"Batch of {count} text files via CLI: {elapsed:5.1f} s ({count / elapsed:6.1f} reports/s "
          f"incl. start-up), peak RSS {rss_mb:6.1f} MB ({status})")  # fmt: skip


def main() -> None:
    text = _seed_text()
    bench_formats(text)
    bench_pdf_pages(text)
    bench_ocr(text)
    bench_batch(text)


if __name__ == "__main__":
    main()

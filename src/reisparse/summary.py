"""Human-readable views of reports: a summary table and the text with its sections marked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reisparse.model import Report


def _cell(value: str | None, width: int) -> str:
    value = value or "–"
    return value if len(value) <= width else value[: width - 1] + "…"


def _period(report: Report) -> str:
    p = report.period
    if p.start and p.end and p.start != p.end:
        return f"{p.start} – {p.end}"
    return p.start or "–"


def format_table(rows: Sequence[tuple[str, Report]]) -> str:
    header = (
        "file",
        "template",
        "period",
        "destinations",
        "goals",
        "prog",
        "contacts",
        "follow-ups",
        "warn",
    )
    widths = (28, 15, 23, 30, 5, 5, 8, 10, 4)
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for name, r in rows:
        places = ", ".join(f"{d.city or '?'} ({d.country})" for d in r.destinations)
        label = Path(name).parent.name if Path(name).stem == "source" else Path(name).name
        if r.source.trip_index:
            label = f"{label} #{r.source.trip_index + 1}"
        cells = (
            _cell(label, 28), _cell(r.template, 15), _cell(_period(r), 23), _cell(places, 30),
            str(len(r.goals)), str(len(r.programme)), str(len(r.contacts)), str(len(r.follow_ups)),
            str(len(r.warnings)),
        )  # fmt: skip
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    lines.append(f"{len(rows)} trip(s) from {len({n for n, _ in rows})} file(s)")
    return "\n".join(lines)


def marked_text(report: Report, name: str) -> str:
    """The normalised text with a marker line before each section: ``=== [key] heading ===``."""
    text, out, pos = report.text, [f"### {name} (template {report.template})"], 0
    for section in report.sections:
        out.append(text[pos : section.start])
        out.append(f"=== [{section.key}] ===\n")
        pos = section.start
    out.append(text[pos:])
    return "".join(out)

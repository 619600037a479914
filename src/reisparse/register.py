"""Register pages: one source listing several trips, as blocks of labelled fields or table rows.

A page is a register only when at least ``min_records`` trips each show ``min_fields`` distinct
fields of one register template, so a report that says "Doel:" once stays a report. Each trip
becomes its own ``Draft``, read from its own fields only, with spans into the page text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reisparse import gazetteer
from reisparse.blocks import Block, fold, lines
from reisparse.context import Context
from reisparse.draft import Draft
from reisparse.extract.contacts import role_prefix
from reisparse.extract.costs import category_of, find_costs, is_total, no_costs_stated
from reisparse.extract.dates import find_dates
from reisparse.extract.destinations import destinations_from
from reisparse.extract.links import unique_links
from reisparse.extract.period import PeriodResult, find_period
from reisparse.extract.status import find_cancellation
from reisparse.model import Traveller
from reisparse.templates import Template

_CELL = " | "
_BULLETS = " \t-•*·▪–"
_LABEL_MAX = 60
_HEADING_MAX = 100
# A value that says nothing: "n.v.t.", "-", "onbekend".
_EMPTY = re.compile(r"^\W*(?:n\.?v\.?t\.?|nvt|n/a|none|geen|onbekend|unknown|nee|no)?\W*$", re.I)
_TOTAL_ROW = re.compile(r"^(?:sub)?tota(?:a)?l\b", re.I)
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PLACE_PARTS = re.compile(r"[^,;/()|]+")
_OTHER_LABEL = re.compile(r"([^\W\d][\w .'/-]{0,30}):\s")
Keys = dict[str, str]  # folded label -> field key


def _fold_label(head: str) -> str:
    """A label as looked up: no bullet, no remark in brackets ("Kosten (EUR)"), case folded."""
    head = head.strip(_BULLETS)
    if head.endswith(")") and "(" in head:
        head = head[: head.rfind("(")]
    return " ".join(head.split()).casefold()


@lru_cache(maxsize=16)
def _keys(template: Template) -> Keys:
    return {_fold_label(label): key for key, labels in template.fields for label in labels}


def _header(keys: Keys, cell: str) -> tuple[str, str] | None:
    label = _fold_label(cell.rstrip(": ")) if len(cell) <= _LABEL_MAX else ""
    return (keys[label], label) if label in keys else None


def _heads(text: str) -> set[str]:
    """What every line and table cell starts with, as a label would: a quick test of a page."""
    return {
        _fold_label(head)
        for line in text.split("\n")
        for cell in line.split(_CELL)
        if len(head := cell.split(":", 1)[0]) <= _LABEL_MAX
    }


@dataclass(slots=True)
class _Field:
    key: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class _Record:
    start: int
    end: int
    fields: list[_Field] = field(default_factory=list)
    title: Block | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {f.key for f in self.fields if f.key}


# --- tables -----------------------------------------------
def _cells(line: Block) -> list[tuple[int, int]]:
    out, pos = [], line.start
    for chunk in line.text.split(_CELL):
        out.append((pos + len(chunk) - len(chunk.lstrip()), pos + len(chunk.rstrip())))
        pos += len(chunk) + len(_CELL)
    return out


def _fits(key: str, value: str) -> bool:
    """Whether a cell can sit in a column: dates need a date, costs a number or "geen"."""
    if key == "dates":
        return bool(_YEAR.search(value) or find_dates(value))
    return key != "costs" or any(c.isdigit() for c in value) or bool(_EMPTY.match(value))


def _align(text: str, cells: list[tuple[int, int]], keys: list[str]) -> list[int]:
    """Column of each cell. Readers keep empty cells inside a row but leave trailing ones out (and a row typed
    by hand may simply be short), so a short row is matched by content."""
    if len(cells) >= len(keys):
        return list(range(len(keys)))
    columns, column = [], 0
    for i, (start, end) in enumerate(cells):
        last_possible = len(keys) - (len(cells) - i)
        while column < last_possible and not _fits(keys[column], text[start:end]):
            column += 1
        columns.append(column)
        column += 1
    return columns


def _header_row(text: str, rows: list[Block], keys: Keys, min_fields: int) -> int | None:
    for index, row in enumerate(rows):
        found = [h for s, e in _cells(row) if (h := _header(keys, text[s:e]))]
        if len(found) >= 2 and len({key for key, _ in found}) >= min_fields:
            return index
    return None


def _table_records(text: str, rows: list[Block], keys: Keys, at: int) -> list[_Record]:
    header = [_header(keys, text[s:e]) for s, e in _cells(rows[at])]
    columns = [h[0] if h else "" for h in header]
    records = []
    for row in rows[at + 1 :]:
        cells = _cells(row)
        first = text[cells[0][0] : cells[0][1]]
        if _TOTAL_ROW.match(first) or _header(keys, first):
            continue
        record = _Record(row.start, row.end)
        if len(cells) != len(header):
            record.warnings.append(f"row of {len(cells)} cells under {len(header)} headers")
        for (start, end), column in zip(cells, _align(text, cells, columns), strict=False):
            if (found := header[column]) and end > start:
                record.fields.append(_Field(found[0], found[1], start, end))
        records.append(record)
    return records


def _tables(text: str, all_lines: Sequence[Block]) -> list[list[Block]]:
    """Runs of table rows; two-cell runs are "label | value" pairs, which blocks read."""
    groups: list[list[Block]] = []
    for line in all_lines:
        if _CELL not in line.text:
            continue
        if groups and text.count("\n", groups[-1][-1].end, line.start) == 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [g for g in groups if max(row.text.count(_CELL) for row in g) >= 2]


# --- labelled blocks --------------------------------------
def _label_at(keys: Keys, line: Block) -> tuple[str, str, int] | None:
    """Key, label and value start of a line 'Bestemming: ...', 'Bestemming | ...', 'Bestemming'."""
    colon, cell = line.text.find(":"), line.text.find(_CELL)
    cut = min((i for i in (colon, cell) if i >= 0), default=len(line.text))
    found = _header(keys, line.text[:cut]) if line.text.count(_CELL) <= 1 else None
    if not found:
        return None
    after = cut + (1 if cut == colon else len(_CELL) if cut == cell else 0)
    value = line.text[after:]
    return (*found, line.start + after + len(value) - len(value.lstrip()))


def _heading_like(line: Block) -> bool:
    return len(line.text) <= _HEADING_MAX and line.text[-1] not in ".:;," and _CELL not in line.text


def _block_records(text: str, all_lines: list[Block], keys: Keys) -> list[_Record]:
    """A trip starts at a heading or where a label of the trip before comes again."""
    hits = [_label_at(keys, line) for line in all_lines]
    records: list[_Record] = []
    current: _Record | None = None
    heading: Block | None = None
    for i, line in enumerate(all_lines):
        blank_before = i == 0 or text.count("\n", all_lines[i - 1].end, line.start) > 1
        if hit := hits[i]:
            key, label, value_start = hit
            if current and label in {f.label for f in current.fields}:
                records.append(current)
                current = None
            if current is None:
                current = _Record(heading.start if heading else line.start, line.end, title=heading)
                heading = None
            current.fields.append(_Field(key, label, value_start, line.end))
            current.end = line.end
            continue
        following = hits[i + 1] if i + 1 < len(hits) else None
        if current is None:
            heading = line if following and blank_before and _heading_like(line) else None
            continue
        last, other = current.fields[-1], _OTHER_LABEL.match(line.text)
        if other:  # "Meer informatie: ..." is no field of the template, but it ends the one before
            last = _Field("", other[1].casefold(), line.start, line.end)
            current.fields.append(last)
            current.end = line.end
        if last.start == last.end:  # "Bestemming:" with its value on the next line
            last.start, last.end = line.start, line.end
        elif following and following[1] in {f.label for f in current.fields}:
            records.append(current)  # this line ends the trip, and may head the next one
            current, heading = None, (line if not other and _heading_like(line) else None)
            continue
        elif blank_before and following is None and not other:
            records.append(current)  # prose after the last field ends the trip
            current = None
            continue
        last.end = current.end = line.end
    records += [current] if current else []
    if len(records) > 1 and [bool(r.title) for r in records].count(True) == 1 and records[0].title:
        # Only the first trip has a heading: it is the page's title, not the trip's.
        records[0].start, records[0].title = records[0].fields[0].start, None
    return records


def _records(text: str, heads: set[str], template: Template) -> list[_Record]:
    keys = _keys(template)
    if len({keys[head] for head in heads if head in keys}) < template.min_fields:
        return []  # a quick test that spares most documents the line-by-line reading
    all_lines = lines(text)
    records: list[_Record] = []
    in_tables: set[int] = set()
    for rows in _tables(text, all_lines):
        at = _header_row(text, rows, keys, template.min_fields)
        found = _table_records(text, rows, keys, at) if at is not None else []
        if found:
            records.extend(found)
            in_tables.update(row.start for row in rows)
    rest = [line for line in all_lines if line.start not in in_tables]
    records.extend(_block_records(text, rest, keys))
    # One labelled line is not a trip.
    return sorted((r for r in records if len(r.keys) >= 2), key=lambda r: r.start)


def read_register(ctx: Context, templates: tuple[Template, ...]) -> list[Draft]:
    """One draft per trip when the page is a register; an empty list when it is not."""
    best: tuple[tuple[int, int, bool], Template, list[_Record]] | None = None
    heads = _heads(ctx.text)
    for template in (t for t in templates if t.kind == "register"):
        records = _records(ctx.text, heads, template)
        # Trips with min_fields fields each; sparser ones count only once the page is a register.
        if sum(len(r.keys) >= template.min_fields for r in records) < template.min_records:
            continue
        keys = {key for r in records for key in r.keys}
        score = (len(records), len(keys), template.language == ctx.language)
        if best is None or score > best[0]:
            best = (score, template, records)
    if best is None:
        return []
    head = ctx.text[: best[2][0].start]  # the page's title and introduction
    return [_draft(ctx, best[1], record, head) for record in best[2]]


# --- travellers ------------------------------------------
_HONORIFIC = re.compile(r"(?:de heer|mevrouw|dhr\.?|mw\.?|mrs?\.?|ms\.?|drs?\.?)\s+", re.I)
_PARTICLES = frozenset(["van", "de", "der", "den", "ter", "ten", "te", "von", "la", "le"])
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_COUNT = re.compile(r"(?:\d+|een|twee|drie|vier|vijf|zes|two|three|four|five|six)\s+", re.I)
# "wethouder Economie" names a portfolio, not a person.
_PORTFOLIO = re.compile(
    r"\b(?:economie|financi|onderwijs|cultuur|sport|wonen|zorg|klimaat|energie|mobilit|"
    r"verkeer|ruimte|buitenruimte|ontwikkeling|haven|duurza|werk|inkomen|jeugd|welzijn|bouw|"
    r"wijk|veiligheid|milieu|internationa|zaken|europ|stedelijk|water|groen|participatie|"
    r"economy|financ|education|culture|housing|health|climate|transport|affairs|development)",
    re.I,
)
_SPLIT = re.compile(r"(\s*(?:;|,|\s(?:en|and|&)\s)\s*)")


def _is_name(tokens: list[str], *, honorific: bool = False, after_role: bool = False) -> bool:
    """One word after a role is a surname ("burgemeester Halsema"), not a portfolio (Economie)."""
    if not tokens or _PORTFOLIO.search(" ".join(tokens)):
        return False
    if not all(t[:1].isupper() or t.lower() in _PARTICLES for t in tokens):
        return False
    return len(tokens) >= 2 or honorific or after_role or bool(_INITIALS.fullmatch(tokens[0]))


def _traveller(piece: str) -> Traveller:
    bare = _PARENS.sub("", piece).strip(" .:")
    honorific = _HONORIFIC.match(bare)
    # "twee beleidsmedewerkers": the count is no part of the role.
    count = _COUNT.match(bare)
    tokens = bare[honorific.end() if honorific else count.end() if count else 0 :].split()
    n = role_prefix(tokens)
    if _is_name(tokens[n:], honorific=bool(honorific), after_role=n > 0):
        role = " ".join(tokens[:n]) or None
        if role is None and (remark := _PARENS.search(piece)) and role_prefix(remark[1].split()):
            role = remark[1]  # "Jan Jansen (wethouder)"
        return Traveller(text=piece, name=" ".join(tokens[n:]), role=role)
    return Traveller(text=piece, role=" ".join(tokens) if n else None)


def _travellers(value: str | None) -> list[Traveller]:
    """One traveller per person or role; a name only where one is given."""
    parts = _SPLIT.split(value or "")
    pieces = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        # "wethouder Wonen en Bouwen": a lone word after a role continues its portfolio.
        lone = " " not in piece and not role_prefix([piece])
        if lone and role_prefix(pieces[-1].split()):
            pieces[-1] += separator + piece
        else:
            pieces.append(piece)
    return [_traveller(piece) for piece in pieces if piece.strip()]


def _places(text: str, start: int, end: int) -> list[gazetteer.Mention]:
    """The places of a destination field; a bare name there is a place ("Wenen" is not "weep")."""
    out: list[gazetteer.Mention] = []
    for part in _PLACE_PARTS.finditer(text, start, end):
        name = part[0].strip()
        place = gazetteer.lookup_city(name) or gazetteer.lookup_country(name)
        out += (
            [gazetteer.Mention(*part.span(), name, place)] if place else gazetteer.find_places(name)
        )
    return out


def _spans(record: _Record, key: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in record.fields if f.key == key and f.end > f.start]


def _value(text: str, record: _Record, key: str) -> str | None:
    values = [fold(text[s:e]) for s, e in _spans(record, key)]
    return "; ".join(v for v in values if not _EMPTY.match(v)) or None


def _period(ctx: Context, record: _Record, head: str) -> PeriodResult:
    spans = _spans(record, "dates") or [(record.start, record.end)]
    # "Vertrek | Terugkeer": two date fields are the two ends of one period.
    start, end = spans[0][0], spans[-1][1]
    # A trip may name no year where the page does ("Dienstreizen 2023"), or a trip near it.
    for context in (ctx.text[start:end], f"{head}\n{ctx.text[start:end]}"):
        found = find_period(context, len(context) - (end - start), len(context), today=ctx.today)
        if found.year is not None or not found.period.text:
            return found
    return find_period(ctx.text, start, end, today=ctx.today)


def _add_costs(ctx: Context, record: _Record, draft: Draft) -> None:
    fields = [f for f in record.fields if f.key == "costs" and f.end > f.start]
    parts = [f for f in fields if not is_total(f.label)]
    # Columns "Vliegkosten | Hotelkosten" name categories, and a "Totaal" beside them adds nothing.
    for f in parts if len(parts) > 1 else fields:
        default = category_of(f.label) if len(fields) > 1 else None
        found = find_costs(ctx.text, f.start, f.end, payer=draft.funding, default_category=default)
        draft.costs.extend(found)
        value = ctx.text[f.start : f.end]
        if not found and not no_costs_stated(value) and not _EMPTY.match(value):
            draft.warnings.append(f"costs not recognised: {fold(value)!r}")


def _title(text: str, record: _Record, purpose: str | None) -> str | None:
    if title := _value(text, record, "title") or (record.title and record.title.text.lstrip("#")):
        return fold(title)
    where = _value(text, record, "destination")
    where = _PARENS.sub(r", \1", where) if where else None
    return f"{purpose} ({where})" if purpose and where else purpose or where


def _cancellation(text: str, record: _Record) -> tuple[bool, str | None]:
    for start, end in _spans(record, "status"):
        cancelled, reason = find_cancellation(text[start:end])
        if cancelled:
            return True, reason
    return find_cancellation(text[record.start : record.end])


def _draft(ctx: Context, template: Template, record: _Record, head: str) -> Draft:
    text = ctx.text
    draft = Draft(template=template.id, organisation=ctx.organisation, warnings=record.warnings)
    draft.purpose = _value(text, record, "purpose")
    draft.title = _title(text, record, draft.purpose)
    draft.travellers = _travellers(_value(text, record, "travellers"))
    places = [m for s, e in _spans(record, "destination") for m in _places(text, s, e)]
    draft.destinations = destinations_from(places, home=ctx.home)
    if not draft.destinations and (where := _value(text, record, "destination")):
        draft.warnings.append(f"destination not recognised: {where!r}")
    found = _period(ctx, record, head)
    draft.period = found.period
    draft.warnings.extend(found.warnings)
    draft.funding = _value(text, record, "payer")
    _add_costs(ctx, record, draft)
    draft.transport = _value(text, record, "transport")
    draft.cancelled, draft.cancellation_reason = _cancellation(text, record)
    draft.links = unique_links(text[record.start : record.end])
    return draft

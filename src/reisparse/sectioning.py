"""Find a template's section headings in the normalised text and choose the template that fits best.

Headings are compared after case folding and stripping punctuation, with a fuzzy ratio so OCR noise
("HOELANG DUURDE DE RE1S?") and small wording differences still match. Order does not matter and sections may
be missing; a template is chosen when at least ``min_sections`` of its headings are present.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from reisparse.blocks import Block, lines
from reisparse.model import Section
from reisparse.templates import Template

MIN_SCORE = 84.0
# Headings are short; long lines are prose and cannot be headings.
MAX_HEADING_CHARS = 120
MAX_HEADING_SPACES = 16


# Punctuation to spaces with str.translate: several times faster than a regex on every line of a report.
_PUNCTUATION = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”–—…·•", " "))


def _key(value: str) -> str:
    return " ".join(value.casefold().translate(_PUNCTUATION).split())


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: Block
    key: str


def _candidates(text: str) -> list[_Candidate]:
    return [
        _Candidate(line, _key(line.text))
        for line in lines(text)
        if 6 <= len(line.text) <= MAX_HEADING_CHARS and line.text.count(" ") <= MAX_HEADING_SPACES
    ]


@dataclass(frozen=True, slots=True)
class _Hit:
    line: Block
    template_id: str
    key: str
    score: float


@lru_cache(maxsize=8)
def _choices(templates: tuple[Template, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    """Every heading of every report template, folded, with the (template id, section key) it belongs to."""
    keys: list[str] = []
    owners: list[tuple[str, str]] = []
    for template in templates:
        for spec in template.sections:
            for heading in spec.headings:
                keys.append(_key(heading))
                owners.append((template.id, spec.key))
    return keys, owners


def _hits(templates: tuple[Template, ...], candidates: list[_Candidate]) -> list[_Hit]:
    keys, owners = _choices(templates)
    hits = []
    for cand in candidates:
        # One C-level call per line against all headings keeps sectioning well under a millisecond.
        for _, score, index in process.extract(
            cand.key, keys, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=None
        ):
            template_id, key = owners[index]
            hits.append(_Hit(cand.line, template_id, key, score))
    return hits


def _match(template: Template, hits: list[_Hit]) -> list[tuple[str, Block, float]]:
    best: dict[str, tuple[Block, float]] = {}
    for hit in hits:
        if hit.template_id != template.id:
            continue
        # The first good match wins unless a later one is clearly better (a heading quoted in prose).
        if hit.key not in best or hit.score > best[hit.key][1] + 5:
            best[hit.key] = (hit.line, hit.score)
    # One line can only be one heading: keep the better-scoring key.
    by_line: dict[int, tuple[str, Block, float]] = {}
    for key, (line, score) in best.items():
        if line.start not in by_line or score > by_line[line.start][2]:
            by_line[line.start] = (key, line, score)
    return sorted(by_line.values(), key=lambda m: m[1].start)


def _sections(text: str, matches: list[tuple[str, Block, float]]) -> tuple[Section, ...]:
    sections = []
    for i, (key, line, _) in enumerate(matches):
        end = matches[i + 1][1].start if i + 1 < len(matches) else len(text)
        sections.append(Section(key=key, heading=line.text, start=line.start, end=end))
    return tuple(sections)


def find_sections(text: str, template: Template) -> tuple[Section, ...]:
    return _sections(text, _match(template, _hits((template,), _candidates(text))))


def choose_template(
    text: str, templates: tuple[Template, ...]
) -> tuple[Template, tuple[Section, ...]] | None:
    """The report template with the most headings found (at least its minimum), with its sections."""
    reports = tuple(t for t in templates if t.kind == "report")
    hits = _hits(reports, _candidates(text))
    best: tuple[Template, list[tuple[str, Block, float]]] | None = None
    for template in reports:
        matches = _match(template, hits)
        if len(matches) >= template.min_sections and (best is None or len(matches) > len(best[1])):
            best = (template, matches)
    return None if best is None else (best[0], _sections(text, best[1]))


def body(section: Section, text: str) -> tuple[int, int]:
    """The span of a section's content: after its heading line, up to the next heading."""
    nl = text.find("\n", section.start, section.end)
    return (section.end if nl == -1 else nl + 1), section.end

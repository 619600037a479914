"""Property: a redacted passage appears in no public output at all.

Hypothesis writes trip reports with made-up names and other passages in every section (typed into the form, and
in an imported document), redacts a random part of them on random Woo grounds (before or after publication), and
then reads everything the public can read: the view objects, every page, search (the hits for the redacted word
included), the API, the CSV/JSON exports, the follow-ups CSV, the Atom feed, the DiWoo metadata, the sitemaps
and both PDF renditions. No redacted passage may occur in any of them, in any letter case; every passage that was
*not* redacted still shows on the trip page, so the test also fails when redaction hides too much or nothing
is published at all.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2
import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reisregister.accounts.models import User
from reisregister.ingest import service as ingest
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.redaction.marks import Ground
from reisregister.search import service as search
from tests.register.publishing import Register

pytestmark = pytest.mark.slow

# Made-up words that no template, label or filler text of the register contains.
_CONSONANT, _VOWEL = "bdfgklmnprstvz", "aeiou"
_word = st.builds(
    lambda a, b, c, d, e, f: (a + b + c + d + e + f).capitalize(),
    *(st.sampled_from(_CONSONANT if i % 2 == 0 else _VOWEL) for i in range(5)),
    st.sampled_from("qxjw"),  # an ending that keeps them apart from real Dutch and English words
)
_passage = st.one_of(_word, st.builds(lambda a, b: f"{a} {b}", _word, _word))
_FIELDS = (
    "title", "purpose", "goal", "programme", "speaker", "contact_role", "contact_org", "outcome",
    "action", "owner", "counterparty", "payer", "traveller", "event",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    placed: dict[str, str]  # field -> passage
    redacted: dict[str, str]  # passage -> ground
    after_publication: bool

    @property
    def kept(self) -> set[str]:
        return set(self.placed.values()) - set(self.redacted)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    passages = draw(st.lists(_passage, min_size=2, max_size=6, unique_by=str.casefold))
    # Passages must not contain one another ("Bazo" inside "Bazo Kelix") or a kept one could reveal a hidden one.
    passages = [
        p for p in passages if not any(p != o and p.casefold() in o.casefold() for o in passages)
    ]
    fields = draw(st.permutations(_FIELDS))
    placed = {
        field: passages[i % len(passages)] for i, field in enumerate(fields[: len(passages) * 2])
    }
    chosen = draw(st.lists(st.sampled_from(passages), min_size=1, unique=True))
    grounds = draw(
        st.lists(st.sampled_from(Ground.values), min_size=len(chosen), max_size=len(chosen))
    )
    return Case(placed, dict(zip(chosen, grounds, strict=True)), draw(st.booleans()))


def _fields(case: Case) -> dict[str, object]:
    def at(field: str) -> str:
        return (
            f"met {case.placed[field]} erbij" if field in case.placed else "zonder bijzonderheden"
        )

    return {
        "purpose": f"Doel: {at('purpose')}.",
        "event_name": f"Congres {at('event')}",
        "funding": "third_party",
        "funding_party": f"Fonds {at('payer')}",
        "travellers": [{"role": f"adviseur {at('traveller')}", "category": "ambtenaar"}],
        "destinations": [{"city": "Hamburg", "country": "DE"}],
        "goals": [{"label": "A", "text": f"Leren {at('goal')}"}],
        "outcomes": [{"goal_label": "A", "text": f"Geleerd {at('outcome')}", "achieved": "yes"}],
        "programme": [{"title": f"Sessie {at('programme')}", "speakers": [at("speaker")]}],
        "contacts": [{"role": f"directeur {at('contact_role')}", "organisation": f"Bureau {at('contact_org')}",
                      "city": "Hamburg", "country": "DE"}],
        "follow_ups": [{"action": f"Terugbellen {at('action')}", "owner": f"team {at('owner')}",
                        "counterparties": [f"Stichting {at('counterparty')}"], "status": "open"}],
        "costs": [{"category": "transport", "actual_amount": "10.00", "currency": "EUR", "payer": at("payer")}],
    }  # fmt: skip


def _document(case: Case) -> bytes:
    lines = [f"Reisverslag werkbezoek {case.placed.get('title', 'Hamburg')}", ""]
    lines += [f"Gesproken met {passage} over walstroom." for passage in case.placed.values()]
    return "\n".join(lines).encode()


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _outputs(client: Client, trip_ids: list[int]) -> Iterator[tuple[str, str]]:
    pages = ["/", "/trips/", "/data/", "/data/trips.csv", "/data/trips.json", "/data/follow-ups.csv",
             "/data/feed.atom", "/robots.txt", "/api/v1/trips/", "/api/v1/follow-ups/",
             "/api/v1/organisations/", "/api/v1/destinations/"]  # fmt: skip
    for trip_id in trip_ids:
        pages += [f"/trips/{trip_id}/", f"/trips/{trip_id}/diwoo.xml", f"/api/v1/trips/{trip_id}/"]
    for url in pages:
        yield url, _body(client, url)
    robots = _body(client, "/robots.txt")
    for index in re.findall(r"Sitemap:\s*(\S+)", robots):
        index_xml = _body(client, index)
        yield index, index_xml
        for sitemap in re.findall(r"<loc>([^<]+)</loc>", index_xml):
            yield sitemap, _body(client, sitemap)
    for trip_id in trip_ids:
        for name in ("report.pdf", "document.pdf"):
            response = client.get(f"/trips/{trip_id}/{name}")
            if response.status_code == 404 and name == "document.pdf":
                continue  # a trip typed into the form has no document
            assert response.status_code == 200, (name, response.status_code)
            yield name, _pdf_text(_content(response))


def _body(client: Client, url: str) -> str:
    path = re.sub(r"^https?://[^/]+", "", url)
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return html.unescape(_content(response).decode("utf-8-sig"))


def _content(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else bytes(response.content)


def _leaks(text: str, passage: str) -> bool:
    return re.search(r"\s+".join(map(re.escape, passage.split())), text, re.IGNORECASE) is not None


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@settings(
    max_examples=20, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(case=cases())
def test_no_redacted_passage_reaches_any_public_output(register: Register, case: Case) -> None:
    with transaction.atomic():
        cache.clear()  # ids are reused after the rollback below: no view may come from an earlier example
        trip_ids = [_typed_in(register, case), _imported(register, case)]
        client = Client()
        outputs = list(_outputs(client, trip_ids))
        for passage in case.redacted:
            leaked = [name for name, text in outputs if _leaks(text, passage)]
            assert leaked == [], f"{passage!r} leaked into {leaked}"
            # Searching for it finds nothing (the list page itself repeats the visitor's own words: not a leak).
            assert search.search(passage).total == 0
            assert '"count": 0' in _body(client, f"/api/v1/trips/?q={passage}").replace(
                '"count":0', '"count": 0'
            )
        detail = _body(client, f"/trips/{trip_ids[0]}/")
        for passage in case.kept:
            assert _leaks(detail, passage), f"{passage!r} was not redacted but is missing"
        transaction.set_rollback(True)


def _typed_in(register: Register, case: Case) -> int:
    title = f"Werkbezoek Hamburg {case.placed.get('title', '')}".strip()
    if case.after_publication:
        trip_id = register.published(title, **_fields(case))
    else:
        trip_id = register.submitted(title, **_fields(case))
        register.keep_everything(trip_id)
    for passage, ground in case.redacted.items():
        register.redact(trip_id, passage, ground)  # every passage is placed in at least one field
    if not case.after_publication:
        register.step(trip_id, "publish", register.reviewer)
    return trip_id


def _imported(register: Register, case: Case) -> int:
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = ingest.import_document(
            _document(case), filename="verslag.txt", organisation=register.organisation,
            user=register.editor,
        )  # fmt: skip
    assert result.ok, result.message
    trip_id = result.trips[0].pk
    register.step(trip_id, "submit", register.editor)
    register.keep_everything(trip_id)
    for passage, ground in case.redacted.items():
        register.redact(trip_id, passage, ground)
    register.step(trip_id, "publish", register.reviewer)
    publication.get_source(trip_id)  # the document exists publicly, redacted
    return trip_id

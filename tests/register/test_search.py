"""Full-text search over published trips, on the engine of the database the suite runs on.

Run the suite on SQLite (the default) and with ``DATABASE_URL=postgres://…``: every test here then exercises
FTS5 and PostgreSQL full-text search for real.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.search import backends
from reisregister.search import service as search
from reisregister.search.models import SearchDocument
from reisregister.trips.models import Status, Trip
from tests.register.publishing import Register, full_trip


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def ids(page: search.SearchPage) -> list[int]:
    return [hit.trip_id for hit in page.hits]


def test_it_searches_with_the_engine_of_the_database(db: None) -> None:
    engine = type(backends.current()).__name__
    assert (
        engine == {"sqlite": "SQLiteBackend", "postgresql": "PostgreSQLBackend"}[connection.vendor]
    )


def test_the_full_text_structures_follow_the_index_table(register: Register) -> None:
    trip_id = register.published("Havenbezoek", purpose="Walstroom in de haven")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH 'walstroom'")
        else:
            cursor.execute(
                "SELECT document_id FROM search_text WHERE search_vector @@ to_tsquery('simple', 'walstroom')"
            )
        assert cursor.fetchall() == [(trip_id,)]


@pytest.mark.parametrize(
    ("written", "searched"), [("haven", "havens"), ("havens", "haven"), ("fietsen", "fiets")]
)
def test_stemming_finds_other_forms_of_a_word(
    register: Register, written: str, searched: str
) -> None:
    found = register.published("Werkbezoek", purpose=f"Een bezoek aan de {written} van Hamburg.")
    register.published("Ander bezoek", purpose="Over cultuur.")
    assert ids(search.search(searched)) == [found]


@pytest.mark.parametrize(
    "words",
    ["walstroom schepen", "intentieverklaring", "rondvaart", "Hamburg Port Authority", "werkbezoek organiseren",
     "Duitsland", "Germany", "Hydrogen Week", "beleidsadviseur", "Deense kennisinstelling"],
)  # fmt: skip
def test_it_finds_words_in_every_public_section(register: Register, words: str) -> None:
    found = register.published("Havens en waterstof", **full_trip())
    assert ids(search.search(words)) == [found]


def test_it_does_not_index_names_or_internal_text(register: Register) -> None:
    register.published(
        "Havens en waterstof", **full_trip(), source_text="Geheim conceptverslag van Pietersen"
    )
    assert search.search("Jansen").total == 0  # a traveller's name is shown, but not searchable
    assert search.search("conceptverslag").total == 0


def test_or_phrases_and_exclusions_narrow_the_results(register: Register) -> None:
    tram = register.published("Tram", purpose="Een nieuwe tram voor de stad")
    metro = register.published("Metro", purpose="De metro en betaalbare woningbouw")
    homes = register.published("Woningen", purpose="Woningbouw die betaalbare huur biedt")
    assert sorted(ids(search.search("tram or metro"))) == sorted([tram, metro])
    assert ids(search.search('"betaalbare woningbouw"')) == [metro]
    assert ids(search.search("woningbouw -metro")) == [homes]


def test_snippets_mark_the_matching_words(register: Register) -> None:
    register.published("Werkbezoek", purpose="Een bezoek aan de haven van Hamburg.")
    [hit] = search.search("havens").hits
    assert "<mark>haven</mark>" in hit.snippet_html


def test_snippets_show_script_in_a_report_as_text(register: Register) -> None:
    register.published("<script>alert(1)</script>", purpose="<script>alert('haven')</script>")
    [hit] = search.search("haven").hits
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html


def test_only_published_trips_are_found_or_counted(register: Register) -> None:
    published = register.published("Haven A", purpose="haven")
    register.draft("Haven B", purpose="haven")
    register.submitted("Haven C", purpose="haven")
    register.withdrawn("Haven D", purpose="haven")
    assert ids(search.search("haven")) == [published]
    assert search.search("").total == 1
    assert set(SearchDocument.objects.values_list("trip_id", flat=True)) == {published}


def test_a_withdrawn_trip_leaves_the_index_and_returns_when_published_again(
    register: Register,
) -> None:
    trip_id = register.published("Haven", purpose="haven")
    register.withdraw(trip_id)
    assert search.search("haven").total == 0
    register.step(trip_id, "republish", register.reviewer)
    assert ids(search.search("haven")) == [trip_id]


def test_a_lagging_index_cannot_show_a_trip_that_is_no_longer_published(register: Register) -> None:
    trip_id = register.published("Haven", purpose="haven")
    Trip.objects.filter(pk=trip_id).update(
        status=Status.WITHDRAWN
    )  # as if the sync after commit failed
    assert search.search("haven").total == 0
    assert search.search("").hits == ()


def test_filters_narrow_the_list(register: Register, almere: Organisation) -> None:
    hamburg = register.published("Hamburg", **full_trip())
    lyon = register.published(
        "Lyon", start_date=dt.date(2023, 3, 1), end_date=dt.date(2023, 3, 2), transport_mode="air",
        destinations=[{"city": "Lyon", "country": "FR"}], travellers=[{"role": "raadslid", "category": "raadslid"}],
    )  # fmt: skip
    cases = [
        (search.Filters(year=2024), [hamburg]),
        (search.Filters(year=2023), [lyon]),
        (search.Filters(country="DE"), [hamburg]),
        (search.Filters(country="fr"), [lyon]),
        (search.Filters(city="hamburg"), [hamburg]),
        (search.Filters(city="LYON"), [lyon]),
        (search.Filters(category="raadslid"), [lyon]),
        (search.Filters(category="bestuurder"), [hamburg]),
        (search.Filters(transport="train"), [hamburg]),
        (search.Filters(organisation="gm0518"), [hamburg, lyon]),  # newest first
        (search.Filters(organisation="gm0034"), []),
        (search.Filters(year=2024, country="FR"), []),
    ]
    for filters, expected in cases:
        page = search.search("", filters=filters)
        assert (ids(page), page.total) == (expected, len(expected)), filters


def test_filters_combine_with_words(register: Register) -> None:
    register.published("Hamburg", **full_trip())
    lyon = register.published(
        "Lyon", purpose="haven", destinations=[{"city": "Lyon", "country": "FR"}]
    )
    assert ids(search.search("haven", filters=search.Filters(country="FR"))) == [lyon]


def test_it_sorts_by_date_title_or_organisation(
    register: Register, almere: Organisation, charlie: User, db: None
) -> None:
    erin = User.objects.create_user("erin")
    almere.memberships.create(user=erin, role="reviewer")
    other = Register(almere, charlie, erin)
    b = register.published("Bravo", start_date=dt.date(2022, 5, 1))
    a = other.published("Alpha", start_date=dt.date(2024, 1, 1))
    c = register.published("charlie", start_date=None)
    assert ids(search.search("", sort="-date")) == [a, b, c]
    assert ids(search.search("")) == [a, b, c]
    assert ids(search.search("", sort="date")) == [c, b, a]
    assert ids(search.search("", sort="title")) == [a, b, c]
    assert ids(search.search("", sort="organisation")) == [a, b, c]  # Almere before Den Haag


def test_relevance_puts_a_title_match_first(register: Register) -> None:
    in_text = register.published("Werkbezoek", purpose="Ook waterstof kwam ter sprake.")
    in_title = register.published("Waterstof", purpose="Een bezoek.")
    assert ids(search.search("waterstof")) == [in_title, in_text]


def test_pages_split_the_results_without_overlap(register: Register) -> None:
    made = [register.published(f"Haven {i}", start_date=dt.date(2024, 1, i + 1)) for i in range(5)]
    pages = [search.search("haven", sort="-date", offset=offset, limit=2) for offset in (0, 2, 4)]
    assert [p.total for p in pages] == [5, 5, 5]
    assert [trip_id for p in pages for trip_id in ids(p)] == made[::-1]


def test_results_past_the_ranked_candidates_follow_newest_first(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANK_CANDIDATES", 2)
    made = [register.published(f"Haven {i}", purpose="haven " * (i + 1)) for i in range(5)]
    seen = [
        trip_id
        for offset in range(0, 6, 2)
        for trip_id in ids(search.search("haven", offset=offset, limit=2))
    ]
    assert sorted(seen) == sorted(made)
    assert seen[2:] == made[2::-1]


def test_a_query_of_stop_words_lists_everything(register: Register) -> None:
    register.published("Een", purpose="x")
    register.published("Twee", purpose="y")
    assert search.search("de het een").total == 2


def test_rebuild_indexes_every_published_trip_and_nothing_else(register: Register) -> None:
    published = register.published("Haven", purpose="haven")
    register.draft("Haven B", purpose="haven")
    SearchDocument.objects.all().delete()
    assert search.search("haven").total == 0
    assert search.rebuild() == 1
    assert ids(search.search("haven")) == [published]


def test_rebuild_drops_entries_of_trips_that_are_no_longer_published(register: Register) -> None:
    kept = register.published("Haven", purpose="haven")
    gone = register.published("Haven B", purpose="haven")
    # As if the sync after the withdrawal had failed:
    Trip.objects.filter(pk=gone).update(status=Status.WITHDRAWN)
    assert search.rebuild() == 1
    assert set(SearchDocument.objects.values_list("trip_id", flat=True)) == {kept}


def test_the_reindex_command_rebuilds_the_index(
    register: Register, capsys: pytest.CaptureFixture[str]
) -> None:
    published = register.published("Haven", purpose="haven")
    SearchDocument.objects.all().delete()
    call_command("reindex")
    assert "1 published trips indexed" in capsys.readouterr().out
    assert ids(search.search("haven")) == [published]


def test_the_reindex_command_syncs_one_trip(register: Register) -> None:
    published = register.published("Haven", purpose="haven")
    SearchDocument.objects.all().delete()
    call_command("reindex", trip=published)
    assert ids(search.search("haven")) == [published]

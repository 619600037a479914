"""The sitemaps the Woo-index harvests: an index, pages of at most N trips with their DiWoo records, robots.txt."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date
from lxml import etree

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.trips.models import AuditEvent, Trip
from tests.register.publishing import Register, full_trip
from tests.support import diwoo as xsd

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NS = {"s": SITEMAP_NS, "d": xsd.DIWOO_NS}
PUBLIC_URL = "https://reizen.example.nl"
INDEX = "/sitemapindex-diwoo-infocat018.xml"


@pytest.fixture(autouse=True)
def _small_pages(settings: Any) -> None:
    settings.PUBLIC_URL = PUBLIC_URL
    settings.WOO_SITEMAP_PAGE_SIZE = PAGE_SIZE


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


PAGE_SIZE = 3


def page_url(number: int) -> str:
    return f"/sitemap-diwoo-infocat018-{number}.xml"


def page_of(trip_id: int) -> int:
    # Pages cover fixed id ranges; ids are not 1, 2, 3... on PostgreSQL, whose sequences tests do not reset.
    return (trip_id - 1) // PAGE_SIZE + 1


def get_xml(client: Client, url: str, root: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    tree = etree.fromstring(response.getvalue())
    assert tree.tag == f"{{{SITEMAP_NS}}}{root}"
    return tree


def entry_of(client: Client, trip_id: int) -> Any:
    """The trip's <url> in the sitemap page that covers its id."""
    tree = get_xml(client, page_url(page_of(trip_id)), "urlset")
    (entry,) = tree.xpath("/s:urlset/s:url[s:loc = $loc]", namespaces=NS, loc=trip_urls(trip_id)[0])
    return entry


def locations(tree: Any) -> list[str]:
    return [str(loc) for loc in tree.xpath("//s:loc/text()", namespaces=NS)]


def trip_urls(*trip_ids: int) -> list[str]:
    return [f"{PUBLIC_URL}/trips/{trip_id}/" for trip_id in trip_ids]


def test_robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_the_work_area(
    db: None, client: Client
) -> None:
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {PUBLIC_URL}{INDEX}" in lines
    assert {"User-agent: *", "Disallow: /werk/", "Disallow: /admin/"} <= set(lines)
    assert "Disallow: /" not in lines


def test_an_empty_register_has_an_empty_index(db: None, client: Client) -> None:
    assert locations(get_xml(client, INDEX, "sitemapindex")) == []
    assert client.get(page_url(1)).status_code == 404


def test_pages_cover_id_ranges_and_list_published_trips_only(
    register: Register, client: Client
) -> None:
    published = [register.published(f"Reis {n}") for n in range(5)]
    hidden = [
        register.draft("Concept"),
        register.submitted("Ter beoordeling"),
        register.withdrawn("Weg"),
    ]
    pages = sorted({page_of(trip_id) for trip_id in published})
    index = get_xml(client, INDEX, "sitemapindex")
    assert locations(index) == [PUBLIC_URL + page_url(number) for number in pages]
    listed = [locations(get_xml(client, page_url(number), "urlset")) for number in pages]
    assert all(len(urls) <= PAGE_SIZE for urls in listed)
    assert [url for urls in listed for url in urls] == trip_urls(*published)
    for number in {page_of(trip_id) for trip_id in hidden} - set(pages):
        assert client.get(page_url(number)).status_code == 404
    for number in (0, max(pages) + 1):
        assert client.get(page_url(number)).status_code == 404


def test_every_entry_carries_a_valid_diwoo_record_of_its_trip(
    register: Register, client: Client
) -> None:
    trips = {
        register.published("Werkbezoek Hamburg", **full_trip()): "Werkbezoek Hamburg",
        register.published("Kort bezoek"): "Kort bezoek",
    }
    for trip_id, title in trips.items():
        entry = entry_of(client, trip_id)
        (record,) = entry.xpath("d:Document", namespaces=NS)
        xsd.assert_valid(record)
        identifier = record.xpath("d:DiWoo/d:identifiers/d:identifier/text()", namespaces=NS)
        assert identifier == trip_urls(trip_id)
        assert record.xpath(".//d:officieleTitel/text()", namespaces=NS) == [title]


def test_a_redacted_passage_shows_its_mark_in_the_sitemap(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Bezoek met Jansen", purpose="Jansen sprak")
    register.redact(trip_id, "Jansen")
    body = client.get(page_url(page_of(trip_id))).getvalue()
    assert b"Jansen" not in body
    assert b"Bezoek met [5.1.2e]" in body


def _back_dated(trip_id: int, days: int) -> dt.datetime:
    moment = timezone.now().replace(microsecond=0) - dt.timedelta(days=days)
    Trip.objects.filter(pk=trip_id).update(published_at=moment)
    AuditEvent.objects.filter(trip_id=trip_id).update(at=moment)
    return moment


def _lastmod(element: Any) -> dt.datetime:
    (value,) = element.xpath("s:lastmod/text()", namespaces=NS)
    return dt.datetime.fromisoformat(str(value))


def _index_lastmod(client: Client, trip_id: int) -> dt.datetime:
    index = get_xml(client, INDEX, "sitemapindex")
    loc = PUBLIC_URL + page_url(page_of(trip_id))
    (sitemap,) = index.xpath("s:sitemap[s:loc = $loc]", namespaces=NS, loc=loc)
    return _lastmod(sitemap)


def test_lastmod_is_when_the_trip_last_changed_publicly(register: Register, client: Client) -> None:
    older, newer = register.published("Oud", purpose="Jansen sprak"), register.published("Nieuw")
    two_days_ago, yesterday = _back_dated(older, 2), _back_dated(newer, 1)
    assert _lastmod(entry_of(client, older)) == two_days_ago
    assert _lastmod(entry_of(client, newer)) == yesterday
    assert _index_lastmod(client, newer) == yesterday
    register.redact(older, "Jansen")  # a redaction after publication changes what the public sees
    redacted = _lastmod(entry_of(client, older))
    assert redacted > yesterday
    assert _lastmod(entry_of(client, newer)) == yesterday
    assert _index_lastmod(client, older) == redacted


def test_a_withdrawal_moves_its_page_on_and_drops_the_trip(
    register: Register, client: Client
) -> None:
    kept, dropped = register.published("Blijft"), register.published("Gaat")
    _back_dated(kept, 2)
    _back_dated(dropped, 2)
    before = client.get(page_url(page_of(dropped)))["Last-Modified"]
    register.withdraw(dropped)
    after = client.get(page_url(page_of(dropped)), headers={"If-Modified-Since": before})
    if page_of(kept) == page_of(dropped):
        assert after.status_code == 200
        assert trip_urls(dropped)[0] not in locations(etree.fromstring(after.getvalue()))
    else:  # ids come from a sequence (PostgreSQL): the two may sit on different pages
        assert after.status_code == 404  # a page left without published trips is gone
    entry_of(client, kept)  # still listed: it finds exactly one entry


def test_the_index_and_pages_answer_304_when_nothing_changed(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Bezoek")
    yesterday = _back_dated(trip_id, 1)
    for url in (INDEX, page_url(page_of(trip_id))):
        response = client.get(url)
        assert response["Last-Modified"] == http_date(yesterday.timestamp()), url
        since = {"If-Modified-Since": response["Last-Modified"]}
        assert client.get(url, headers=since).status_code == 304, url


def test_the_page_size_stays_within_the_sitemap_protocol(settings: Any) -> None:
    from reisregister.publication.woo_views import page_size

    del settings.WOO_SITEMAP_PAGE_SIZE
    assert page_size() == 10_000
    settings.WOO_SITEMAP_PAGE_SIZE = 80_000
    assert page_size() == 50_000
    settings.WOO_SITEMAP_PAGE_SIZE = 0
    assert page_size() == 1


def test_sitemaps_are_read_only(db: None, client: Client) -> None:
    for url in (INDEX, page_url(1), "/robots.txt"):
        assert client.post(url).status_code == 405, url

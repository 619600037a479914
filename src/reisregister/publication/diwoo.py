"""DiWoo metadata of a published trip report, and the Woo-index sitemaps that carry it.

DiWoo 0.9.8 (https://standaarden.overheid.nl/diwoo/metadata/) is the national metadata standard for Woo
publications; the Woo-index harvests it from sitemaps in which every ``<url>`` holds a ``diwoo:Document``. The
values chosen for a trip report (category, document type, dates, organisations) are explained in
docs/decisions/0004-diwoo-information-category.md; the sitemaps in docs/woo.md.

The records are built from view objects of ``publication.service`` only, so every text in them is redacted.
Element names carry their ``diwoo:`` prefix literally and the namespace is declared once on the outermost
element: a sitemap of 50,000 records is then written record by record (``sitemap_chunks``) without a
namespace declaration on each record and without holding a tree of a million elements in memory.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from reisregister.publication import diwoo_lists as lists
from reisregister.publication.objects import PublicOrganisation

_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 does not allow (control characters from a converted Word document, say): left out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RECORDS_PER_CHUNK = 200
DESCRIPTION_MAX = 1000
_SENTINEL = 987_654_321  # an id to reverse URLs with, found again in the result


class Report(Protocol):
    """What a DiWoo record needs of a trip: a ``PublicTrip`` or a ``PublicTripSummary``."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def organisation(self) -> PublicOrganisation: ...
    @property
    def purpose(self) -> str: ...
    @property
    def published_at(self) -> dt.datetime | None: ...


# --------------------------------------------------------------------------- addresses


def absolute(path: str) -> str:
    """An address on this register as the outside world reaches it (PUBLIC_URL, no trailing slash)."""
    base = str(getattr(settings, "PUBLIC_URL", "")).rstrip("/")
    return base + path


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A reversed URL split around its id: reversing once per sitemap instead of three times per record
    (``reverse`` took a third of the time of a sitemap of 50,000 trips)."""

    head: str
    tail: str

    @classmethod
    def of(cls, name: str) -> _Pattern:
        head, tail = absolute(reverse(name, args=[_SENTINEL])).rsplit(str(_SENTINEL), 1)
        return cls(head, tail)

    def url(self, trip_id: int) -> str:
        return f"{self.head}{trip_id}{self.tail}"


@dataclass(frozen=True, slots=True)
class Addresses:
    """Where a trip's page and its PDF rendition are."""

    page: _Pattern
    pdf: _Pattern

    @classmethod
    def here(cls) -> Addresses:
        return cls(_Pattern.of("publication:trip-detail"), _Pattern.of("renditions:trip-pdf"))


# --------------------------------------------------------------------------- one record


def document(report: Report, addresses: Addresses | None = None) -> ET.Element:
    """The ``diwoo:Document`` of a published trip (its namespace declared by the caller).

    ValueError for a trip without a publication time: it has no date for the required document action.
    """
    if report.published_at is None:
        raise ValueError(f"trip {report.id} has no publication time")
    addresses = addresses or Addresses.here()
    published = timezone.localtime(report.published_at)
    root = ET.Element("diwoo:Document")
    record = _child(root, "DiWoo")
    _child(_child(record, "identifiers"), "identifier", addresses.page.url(report.id))
    for role in ("publisher", "verantwoordelijke", "opsteller"):
        _organisation(record, role, report.organisation)
    _child(_child(record, "titelcollectie"), "officieleTitel", report.title)
    if report.purpose.strip():
        _child(_child(record, "omschrijvingen"), "omschrijving", _description(report.purpose))
    classification = _child(record, "classificatiecollectie")
    categories = _child(classification, "informatiecategorieen")
    _value(categories, "informatiecategorie", lists.INFORMATION_CATEGORY)
    _value(_child(classification, "documentsoorten"), "documentsoort", lists.DOCUMENT_TYPE)
    _child(record, "creatiedatum", published.date().isoformat())
    _value(record, "language", lists.DUTCH)
    _value(record, "format", lists.HTML)
    action = _child(_child(record, "documenthandelingen"), "documenthandeling")
    _value(action, "soortHandeling", lists.ADOPTION)
    _child(action, "atTime", published.isoformat(timespec="seconds"))
    _organisation(action, "wasAssociatedWith", report.organisation)
    # The record describes the page (format HTML); the same report as PDF is a document it refers to.
    relation = _child(_child(record, "documentrelaties"), "documentrelatie")
    _value(relation, "role", lists.REFERS_TO)
    _child(relation, "relation", "PDF").set("resource", addresses.pdf.url(report.id))
    return root


def document_xml(report: Report) -> bytes:
    """A stand-alone DiWoo XML document for one published trip (``/trips/<id>/diwoo.xml``)."""
    root = document(report)
    root.set("xmlns:diwoo", lists.DIWOO_NS)
    return _XML_DECLARATION + _serialise(root).encode() + b"\n"


def _description(purpose: str) -> str:
    """The purpose, cut at a word after DESCRIPTION_MAX characters: a description, not the report, and a
    bound on the size of a sitemap page (the page itself has the whole text)."""
    purpose = " ".join(purpose.split())
    if len(purpose) <= DESCRIPTION_MAX:
        return purpose
    cut = purpose[:DESCRIPTION_MAX].rsplit(" ", 1)[0]
    return cut + " …"


def _child(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, "diwoo:" + name)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _value(parent: ET.Element, name: str, value: lists.Value) -> ET.Element:
    element = _child(parent, name, value.label)
    element.set("resource", value.uri)
    return element


def _organisation(parent: ET.Element, name: str, organisation: PublicOrganisation) -> None:
    element = _child(parent, name, organisation.name)
    uri = lists.organisation_uri(organisation.code)
    # A code outside TOOI (a test or a private body) is named by its label alone, never by a made-up URI.
    if uri is not None:
        element.set("resource", uri)


# --------------------------------------------------------------------------- sitemaps


def lastmod(moment: dt.datetime) -> str:
    """W3C date-time as sitemaps want it, in UTC to the second."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def sitemap_index(sitemaps: Iterable[tuple[str, dt.datetime]]) -> bytes:
    """A ``<sitemapindex>`` of (address, last modified) pairs."""
    root = ET.Element("sitemapindex", {"xmlns": lists.SITEMAP_NS})
    for location, modified in sitemaps:
        sitemap = ET.SubElement(root, "sitemap")
        ET.SubElement(sitemap, "loc").text = location
        ET.SubElement(sitemap, "lastmod").text = lastmod(modified)
    return _XML_DECLARATION + _serialise(root).encode() + b"\n"


def sitemap_chunks(records: Iterable[tuple[Report, dt.datetime]]) -> Iterator[bytes]:
    """A ``<urlset>`` with one ``<url>`` per published trip and its ``diwoo:Document``, written piecewise."""
    yield _XML_DECLARATION + (
        f'<urlset xmlns="{lists.SITEMAP_NS}" xmlns:diwoo="{lists.DIWOO_NS}">\n'.encode()
    )
    items, addresses = iter(records), Addresses.here()
    while chunk := list(islice(items, _RECORDS_PER_CHUNK)):
        yield "".join(_serialise(_url(r, modified, addresses)) for r, modified in chunk).encode()
    yield b"</urlset>\n"


def _serialise(element: ET.Element) -> str:
    # To text, encoded by the caller: ET writes bytes through a TextIOWrapper, a third slower.
    data: str = ET.tostring(element, encoding="unicode")
    return data


def _url(report: Report, modified: dt.datetime, addresses: Addresses) -> ET.Element:
    url = ET.Element("url")
    ET.SubElement(url, "loc").text = addresses.page.url(report.id)
    ET.SubElement(url, "lastmod").text = lastmod(modified)
    url.append(document(report, addresses))
    url.tail = "\n"
    return url

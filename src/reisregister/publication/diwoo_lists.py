"""The TOOI values a trip report's DiWoo record uses, copied from the value lists of DiWoo 0.9.8.

The lists (``diwoo-metadata-lijsten.xsd``) hold some 11,000 values and are test data here, not shipped: the few
values a trip report needs are written down below, with the label the list gives them. The tests validate every
record against the real lists, so a value that left the lists (a newer DiWoo version) fails there, not in a
harvester. Why these values: docs/decisions/0004-diwoo-information-category.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_VERSION = "0.9.8"

_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
_EU = "http://publications.europa.eu/resource/authority/"
_TOOI_ID = "https://identifier.overheid.nl/tooi/id/"


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a TOOI list: its URI (the ``resource`` attribute) and its label (the element's text)."""

    uri: str
    label: str


# scw_woo_informatiecategorieen/4: a trip report is none of the categories of art. 3.3 Woo; the register
# publishes it on its own initiative, under the general duty of art. 3.1.
INFORMATION_CATEGORY = Value(_KERN + "c_816e508d", "inspanningsverplichting art 3.1 Woo")
# Its number in the Woo-index's sitemap names (sitemapindex-diwoo-infocat<NNN>.xml): see docs/woo.md.
INFORMATION_CATEGORY_NUMBER = "018"
# ccw_plooi_documentsoorten/7 has no "verslag" or "reisverslag"; "rapport" is the general report.
DOCUMENT_TYPE = Value(_KERN + "c_3300f29a", "rapport")
# scw_talen/1: the trip's language is not stored; the register's reports are written in Dutch.
DUTCH = Value(_EU + "language/NLD", "Nederlands")
# ccw_plooi_filetypes/4: the record describes the trip's public page.
HTML = Value(_EU + "file-type/HTML", "HTML")
# ccw_plooi_documenthandelingen/2 knows only ondertekening, ontvangst and vaststelling; a reviewer's publication
# is the moment the organisation adopts the report as it is published.
ADOPTION = Value(_KERN + "c_641ecd76", "vaststelling")
# scw_documentrelatie/1: how the record points at the PDF rendition of the same report.
REFERS_TO = Value(_KERN + "c_75fac459", "verwijst naar")

# TOOI organisation codes and the register (URI path) each belongs to. The prefix decides: gm0518 is a
# municipality, pv27 a province, mnre1034 a ministry, ws0155 a water board, oorg10002 an "other government
# organisation" (the Tweede Kamer), zb000060 a ZBO, so0854 a co-operation body (joint arrangement), col01 a
# Caribbean public body.
_SCHEMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"gm\d+"), "gemeente"),
    (re.compile(r"pv\d+"), "provincie"),
    (re.compile(r"mnre\d+"), "ministerie"),
    (re.compile(r"ws\d+"), "waterschap"),
    (re.compile(r"oorg\d+"), "oorg"),
    (re.compile(r"zb\d+"), "zbo"),
    (re.compile(r"so\d+"), "so"),
    (re.compile(r"col\d+"), "col"),
)


def organisation_uri(code: str) -> str | None:
    """The TOOI URI of an organisation code (gm0518 -> .../tooi/id/gemeente/gm0518); None if not a TOOI code."""
    code = code.strip().lower()
    for pattern, scheme in _SCHEMES:
        if pattern.fullmatch(code):
            return f"{_TOOI_ID}{scheme}/{code}"
    return None

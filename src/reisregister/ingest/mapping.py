"""From the parser's ``reisparse.report/1`` dict to ``TripData``, the form the trips service takes.

Everything read from a document stays unconfirmed: rows get ``confirmed=False`` and their span and page; trip
fields go into ``unconfirmed_fields`` with their evidence in ``field_evidence`` where it can be found. The
parser gives no span for some values (period, travellers, transport, funding); for those we look the stated
text up in the report's text, nearest to the trip's other evidence, because a register page repeats names.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from django.conf import settings
from django.utils import formats, translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from reisparse.gazetteer import city_name, find_places
from reisregister.followups.models import FollowUpStatus
from reisregister.organisations.models import Organisation
from reisregister.trips.data import Row, TripData
from reisregister.trips.models import CostCategory, Funding, TransportMode, TravellerCategory

# Offices whose holders are public figures; anyone else travelling is a civil servant (or unknown).
# The function named first decides: "adviseur van de burgemeester" is staff, "Kamerlid,
# delegatieleider" a member of parliament.
_CIVIL_SERVANT = re.compile(
    r"\b(?:adviseur|advisor|adviser|medewerker|assistent|assistant|woordvoerder|spokesperson|"
    r"secretaris|secretary(?! of state)|griffier|clerk|ambtena(?:ar|ren)|official|officer|beleids|"
    r"directeur|director|manager|projectleider|programmamanager|staff|chauffeur|driver|stagiair|"
    r"trainee|intern\b)",
    re.IGNORECASE,
)
# Elected representatives: council, provincial and water board members, members of either chamber of
# parliament and of the European Parliament.
_COUNCIL = re.compile(
    r"raadslid|raadsleden|kamerlid|kamerleden|statenlid|statenleden|fractievoorzitter|"
    r"europarlementari[eë]r|\bmeps?\b|volksvertegenwoordiger|"
    r"\b(?:lid|leden)\b.*\b(?:gemeenteraad|raad(?! van)|provinciale staten|tweede kamer|eerste kamer|"
    r"parlement|algemeen bestuur)\b|"
    r"\bcouncil(?:l?or| member)s?\b|"
    r"\bmembers? of (?:the )?(?:city |municipal |european )?(?:council|parliament)|"
    r"\bmps?\b|\bsenators?\b",
    re.IGNORECASE,
)
_EXECUTIVE = re.compile(
    r"burgemeester|wethouder|gedeputeerde|\bminister\b|staatssecretaris|\b(?:euro)?commissaris\b|"
    r"dijkgraaf|\b(?:hoog)?heemra(?:ad|den)\b|gezaghebber|\bmayor\b|\balder(?:man|woman|men)\b|"
    r"\bgovernor\b|\bstate secretary\b|\bsecretary of state\b",
    re.IGNORECASE,
)
_OFFICE_HOLDERS = {TravellerCategory.EXECUTIVE, TravellerCategory.COUNCIL}

_TRANSPORT_WORDS = {
    TransportMode.AIR: r"vlieg|vlucht|flight|\bair|plane",
    TransportMode.TRAIN: r"trein|\btrain|\brail|\bice\b|thalys|eurostar",
    TransportMode.CAR: r"\bauto|\bcar\b|\bcars\b|dienstauto|taxi",
    TransportMode.BUS: r"\bbus|touringcar|\bcoach",
    TransportMode.BOAT: r"\bboot|\bboat|ferry|veerboot|\bschip|\bship",
}
_PARTLY = re.compile(r"\bdeels\b|gedeeltelijk|\bmede\b|\bpartly\b|\bpartially\b|\bpart\b", re.I)
_OWN = re.compile(
    r"^(?:de |the )?(?:eigen(?: budget)?|gemeente|provincie|waterschap|ministerie|college|"
    r"own(?: budget)?|municipality|city|province)$",
    re.I,
)

# Row kinds whose spans the parser gives: they anchor the search for values it gives no span for.
_SPAN_KINDS = ("goals", "programme", "contacts", "outcomes", "follow_ups", "costs")
# Trip fields that count as "from the document" when the parser filled them.
_DOCUMENT_FIELDS = (
    "purpose", "start_date", "end_date", "travel_days", "event_name", "event_url", "transport_mode",
    "funding", "funding_party", "cancelled", "cancellation_reason", "links",
)  # fmt: skip


def _clip(value: Any, length: int) -> str:
    return str(value or "").strip()[:length]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _time(value: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except ValueError:
        return None


class _Locator:
    """Finds stated text in the report's text, preferring the occurrence nearest to the trip's evidence."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.text: str = report.get("text") or ""
        starts = [
            row["span"][0]
            for kind in _SPAN_KINDS
            for row in report.get(kind) or []
            if row.get("span")
        ]
        self.anchor = sum(starts) / len(starts) if starts else None

    def find(self, needle: str | None) -> list[int] | None:
        needle = (needle or "").strip()
        if not needle:
            return None
        found = [m.span() for m in re.finditer(re.escape(needle), self.text)]
        if not found:
            found = [m.span() for m in re.finditer(re.escape(needle), self.text, re.IGNORECASE)]
        return self.nearest(found)

    def find_spaced(self, needle: str | None) -> list[int] | None:
        """Like ``find``, but also where the text breaks the value over lines: the parser folds white space
        ("senior\nadviseur fiets" is stated as "senior adviseur fiets")."""
        found = self.find(needle)
        words = (needle or "").split()
        if found or len(words) < 2:
            return found
        pattern = r"\s+".join(map(re.escape, words))
        return self.nearest([m.span() for m in re.finditer(pattern, self.text, re.IGNORECASE)])

    def nearest(self, spans: list[tuple[int, int]]) -> list[int] | None:
        """The span nearest to the trip's other evidence (the first without any)."""
        if not spans:
            return None
        anchor = self.anchor
        best = spans[0] if anchor is None else min(spans, key=lambda s: abs(s[0] - anchor))
        return list(best)


def _evidence(span: list[int] | None, page: int | None = None) -> Row:
    start, end = span if span else (None, None)
    return {"span_start": start, "span_end": end, "page": page, "confirmed": False}


def traveller_category(role: str | None) -> TravellerCategory:
    """bestuurder, raadslid (any elected representative), ambtenaar or other, from the function as
    stated: the function named first decides, staff when two start at the same word, and a function
    that is no office is staff."""
    role = (role or "").strip()
    if not role:
        return TravellerCategory.OTHER
    found = [
        (match.start(), rank, category)
        for rank, (category, pattern) in enumerate(
            (
                (TravellerCategory.CIVIL_SERVANT, _CIVIL_SERVANT),
                (TravellerCategory.COUNCIL, _COUNCIL),
                (TravellerCategory.EXECUTIVE, _EXECUTIVE),
            )
        )
        if (match := pattern.search(role))
    ]
    return min(found)[2] if found else TravellerCategory.CIVIL_SERVANT


def _traveller(row: dict[str, Any], locate: _Locator) -> Row:
    category = traveller_category(row.get("role"))
    public = category in _OFFICE_HOLDERS
    # A civil servant's name is personal data: keep the function only, also in the "as stated" text.
    text = row.get("text") if public or not row.get("name") else row.get("role")
    span = locate.find_spaced(row.get("text"))
    return {
        "text": _clip(text, 300),
        "role": _clip(row.get("role"), 200),
        "category": category,
        "name": _clip(row.get("name"), 200) if public else "",
        **_evidence(span),
    }


def transport_mode(stated: str | None) -> str:
    """The TransportMode for transport as stated ("vliegtuig", "trein en bus"); "" when not stated."""
    if not stated or not stated.strip():
        return TransportMode.UNKNOWN
    modes = [mode for mode, words in _TRANSPORT_WORDS.items() if re.search(words, stated, re.I)]
    if len(modes) > 1:
        return TransportMode.MIXED
    return modes[0] if modes else TransportMode.OTHER


def funding(
    stated: str | None, organisation: Organisation, report_organisation: str | None
) -> tuple[str, str]:
    """(funding, third party) from the payer as stated: own budget, a third party, or partly."""
    stated = (stated or "").strip()
    if not stated:
        return Funding.UNKNOWN, ""
    if _PARTLY.search(stated):
        return Funding.PARTLY, _clip(stated, 300)
    own_names = {organisation.name.casefold(), (report_organisation or "").casefold()}
    if organisation.home_city:
        own_names.add(f"gemeente {organisation.home_city}".casefold())
    if stated.casefold() in own_names or _OWN.match(stated):
        return Funding.OWN, ""
    return Funding.THIRD_PARTY, _clip(stated, 300)


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None


def _cost(row: dict[str, Any]) -> Row:
    category = row.get("category")
    return {
        "category": category if category in CostCategory.values else CostCategory.OTHER,
        "actual_amount": _amount(row.get("amount")),
        "currency": _clip(row.get("currency") or "EUR", 3).upper(),
        "payer": _clip(row.get("payer"), 200),
        "text": _clip(row.get("text"), 300),
        **_evidence(row.get("span")),
    }


def _destination(row: dict[str, Any], locate: _Locator) -> Row:
    """A destination with its evidence: the parser's span when the row has one; else where the parser's
    gazetteer reads this place in the text ("Wenen" for Vienna), nearest to the trip's other evidence; else
    the city's English or Dutch name wherever it stands."""
    city, country = _clip(row.get("city"), 200), _clip(row.get("country"), 2).upper()
    span = row.get("span")
    if not span:
        mentions = [
            m for m in find_places(locate.text)
            if m.place.country == country and (m.place.name == city if city else m.place.kind != "city")
        ]  # fmt: skip
        span = locate.nearest([(m.start, m.end) for m in mentions])
    if not span and city:
        span = locate.find(city) or locate.find(city_name(city, country, "nl"))
    return {
        "city": city,
        "country": country,
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        **_evidence(span, row.get("page")),
    }


def _goal(row: dict[str, Any]) -> Row:
    return {
        "label": _clip(row.get("label"), 10),
        "text": row["text"],
        **_evidence(row["span"], row.get("page")),
    }


def _programme_item(row: dict[str, Any]) -> Row:
    return {
        "date": _date(row.get("date")),
        "start_time": _time(row.get("start")),
        "end_time": _time(row.get("end")),
        "title": row["title"],
        "speakers": list(row.get("speakers") or []),
        **_evidence(row["span"], row.get("page")),
    }


def _contact(row: dict[str, Any]) -> Row:
    return {
        "text": row.get("text") or "",
        "role": _clip(row.get("role"), 300),
        "organisation": _clip(row.get("organisation"), 300),
        "city": _clip(row.get("city"), 200),
        "country": _clip(row.get("country"), 2).upper(),
        "count": row.get("count"),
        **_evidence(row["span"], row.get("page")),
    }


def _outcome(row: dict[str, Any]) -> Row:
    # The goal is named by its label; the trips service links it to the Goal row.
    return {
        "goal_label": _clip(row.get("goal"), 10),
        "text": row["text"],
        **_evidence(row["span"], row.get("page")),
    }


def _follow_up(row: dict[str, Any]) -> Row:
    return {
        "action": row["text"],
        "counterparties": list(row.get("counterparties") or []),
        "status": FollowUpStatus.OPEN,
        **_evidence(row["span"], row.get("page")),
    }


def _rows(report: dict[str, Any], locate: _Locator) -> dict[str, list[Row]]:
    def rows(kind: str) -> list[dict[str, Any]]:
        return list(report.get(kind) or [])

    return {
        "travellers": [_traveller(r, locate) for r in rows("travellers")],
        "destinations": [_destination(r, locate) for r in rows("destinations")],
        "goals": [_goal(r) for r in rows("goals")],
        "programme": [_programme_item(r) for r in rows("programme")],
        "contacts": [_contact(r) for r in rows("contacts")],
        "outcomes": [_outcome(r) for r in rows("outcomes")],
        "follow_ups": [_follow_up(r) for r in rows("follow_ups")],
        "costs": [_cost(r) for r in rows("costs")],
    }


def generated_title(report: dict[str, Any], *, filename: str = "") -> str:
    """A title for a report that states none: "Working visit Helsingborg, June 2022", in the register's language.

    Places too: "Werkbezoek Lissabon, juni 2022" in a Dutch register, "Working visit Lisbon" in an English one.
    """
    destinations = [d for d in report.get("destinations") or [] if d.get("city")]
    start = _date((report.get("period") or {}).get("start"))
    with translation.override(settings.LANGUAGE_CODE):
        lang: Literal["nl", "en"] = (
            "nl" if (translation.get_language() or "nl").startswith("nl") else "en"
        )
        cities = list(
            dict.fromkeys(city_name(d["city"], d.get("country") or "", lang) for d in destinations)
        )
        place = str(get_text_list(cities[:3], _("and"))) if cities else ""
        month = formats.date_format(start, "F Y") if start else ""
        if place and month:
            return _("Working visit %(place)s, %(month)s") % {"place": place, "month": month}
        if place or month:
            return _("Working visit %(what)s") % {"what": place or month}
        return (
            _("Working visit (%(file)s)") % {"file": filename} if filename else _("Working visit")
        )


def _purpose_span(report: dict[str, Any], locate: _Locator) -> list[int] | None:
    found = locate.find(report.get("purpose"))
    if found:
        return found
    section = next((s for s in report.get("sections") or [] if s.get("key") == "purpose"), None)
    return [section["start"], section["end"]] if section else None


def _field_evidence(
    report: dict[str, Any], data: TripData, locate: _Locator
) -> dict[str, list[int]]:
    period = locate.find((report.get("period") or {}).get("text"))
    event = report.get("event") or {}

    stated = locate.find_spaced  # values the parser may have read across a line break
    # A payer the parser summed up is evidenced by the words it summed up: "deels door X" (X paid part, the
    # body the rest) by X; "eigen budget" by the own money as stated ("voor eigen rekening", "het budget
    # voor internationale betrekkingen").
    funding_stated = report.get("funding") or ""
    payer = re.sub(r"^(?:deels|partly)\s+(?:door|by)\s+", "", funding_stated)
    funding_span = stated(funding_stated) or stated(payer)
    if not funding_span and funding_stated.casefold() in {"eigen budget", "own budget"}:
        own = re.finditer(
            r"(?:betaald|bekostigd|gefinancierd|kosten|paid|funded|costs)\b[^.;]{0,40}?\b"
            r"(?P<own>(?:eigen|own)\s+(?:budget|rekening|middelen|funds|account)|\w*budget"
            r"(?:\s+(?:voor|van|for)\s+(?:de\s+|het\s+|the\s+)?\w+(?:\s+\w+)?)?)",
            locate.text,
            re.IGNORECASE,
        )
        funding_span = locate.nearest([m.span("own") for m in own])
    spans = {
        "title": locate.find(report.get("title")),
        "purpose": _purpose_span(report, locate),
        "start_date": period,
        "end_date": period,
        "travel_days": period,
        "event_name": locate.find(event.get("name")),
        "event_url": locate.find(event.get("url")),
        "transport_mode": stated(report.get("transport")),
        "funding": funding_span,
        "funding_party": funding_span,
        "cancellation_reason": stated(report.get("cancellation_reason")),
    }
    spans["cancelled"] = spans["cancellation_reason"]
    return {name: span for name, span in spans.items() if span and name in data.unconfirmed_fields}


def to_trip_data(
    report: dict[str, Any], *, organisation: Organisation, filename: str = ""
) -> TripData:
    """The TripData for one parsed report (``Report.to_dict()``), every value unconfirmed."""
    locate = _Locator(report)
    period = report.get("period") or {}
    event = report.get("event") or {}
    paid, party = funding(report.get("funding"), organisation, report.get("organisation"))
    url = _clip(event.get("url"), 501)
    data = TripData(
        title=_clip(report.get("title"), 300)
        or _clip(generated_title(report, filename=filename), 300),
        purpose=(report.get("purpose") or "").strip(),
        start_date=_date(period.get("start")),
        end_date=_date(period.get("end")),
        travel_days=list(period.get("travel_days") or []),
        year_inferred=bool(period.get("year_inferred")),
        event_name=_clip(event.get("name"), 300),
        # A clipped web address is a broken one: drop it rather than store half.
        event_url=url if len(url) <= 500 else "",
        transport_mode=transport_mode(report.get("transport")),
        funding=paid,
        funding_party=party,
        cancelled=bool(report.get("cancelled")),
        cancellation_reason=(report.get("cancellation_reason") or "").strip(),
        links=list(report.get("links") or []),
        source_text=report.get("text") or "",
    )
    for kind, rows in _rows(report, locate).items():
        setattr(data, kind, rows)
    data.unconfirmed_fields = [name for name in _DOCUMENT_FIELDS if getattr(data, name)]
    if report.get("title"):
        data.unconfirmed_fields.insert(0, "title")
    data.field_evidence = _field_evidence(report, data, locate)
    return data

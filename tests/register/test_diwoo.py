"""DiWoo metadata per published trip (/trips/<id>/diwoo.xml), validated against the DiWoo 0.9.8 schema."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date
from lxml import etree

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation, OrganisationKind
from reisregister.organisations.service import ensure
from reisregister.publication import diwoo_lists
from reisregister.publication import service as publication
from reisregister.trips.models import AuditEvent, Trip
from tests.register.publishing import Register, full_trip
from tests.support import diwoo as xsd

NS = {"d": xsd.DIWOO_NS}
PUBLIC_URL = "https://reizen.example.nl"


@pytest.fixture(autouse=True)
def _public_url(settings: Any) -> None:
    settings.PUBLIC_URL = PUBLIC_URL


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def record(client: Client, trip_id: int) -> Any:
    response = client.get(f"/trips/{trip_id}/diwoo.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    xsd.assert_valid(root)
    return root


def text(root: Any, xpath: str) -> str:
    found = root.xpath(xpath, namespaces=NS)
    assert len(found) == 1, xpath
    return str(found[0] if isinstance(found[0], str) else found[0].text)


def test_the_schema_itself_refuses_a_record_without_a_publisher() -> None:
    # Guards the guard: validation that accepted anything would make every test below pass.
    bare = etree.fromstring(
        f'<diwoo:Document xmlns:diwoo="{xsd.DIWOO_NS}"><diwoo:DiWoo><diwoo:titelcollectie>'
        "<diwoo:officieleTitel>x</diwoo:officieleTitel></diwoo:titelcollectie></diwoo:DiWoo></diwoo:Document>"
    )
    with pytest.raises(AssertionError, match="publisher"):
        xsd.assert_valid(bare)


def test_a_full_trip_has_a_valid_record_with_every_woo_field(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    root = record(client, trip_id)
    published = publication.get_trip(trip_id).published_at
    assert published is not None
    d = "/d:Document/d:DiWoo/"
    assert text(root, d + "d:identifiers/d:identifier") == f"{PUBLIC_URL}/trips/{trip_id}/"
    assert text(root, d + "d:titelcollectie/d:officieleTitel") == "Werkbezoek Hamburg"
    assert text(root, d + "d:omschrijvingen/d:omschrijving").startswith("Kennis opdoen")
    gm0518 = "https://identifier.overheid.nl/tooi/id/gemeente/gm0518"
    for role in ("publisher", "verantwoordelijke", "opsteller"):
        assert text(root, f"{d}d:{role}/@resource") == gm0518
        assert text(root, f"{d}d:{role}") == "Gemeente Den Haag"
    category = d + "d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie"
    assert text(root, category + "/@resource").endswith("/c_816e508d")
    assert text(root, category) == "inspanningsverplichting art 3.1 Woo"
    assert text(root, d + "d:classificatiecollectie/d:documentsoorten/d:documentsoort") == "rapport"
    assert text(root, d + "d:creatiedatum") == timezone.localtime(published).date().isoformat()
    assert text(root, d + "d:language/@resource").endswith("/language/NLD")
    assert text(root, d + "d:format/@resource").endswith("/file-type/HTML")
    action = d + "d:documenthandelingen/d:documenthandeling/"
    assert text(root, action + "d:soortHandeling") == "vaststelling"
    assert dt.datetime.fromisoformat(text(root, action + "d:atTime")) == published.replace(
        microsecond=0
    )
    assert text(root, action + "d:wasAssociatedWith/@resource") == gm0518


def test_a_trip_with_only_a_title_has_a_valid_record(register: Register, client: Client) -> None:
    root = record(client, register.published("Kort bezoek"))
    assert root.xpath("//d:omschrijvingen", namespaces=NS) == []


def test_a_redacted_passage_shows_its_mark_in_the_record(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Bezoek met Jansen", purpose="Jansen sprak over walstroom")
    assert "Jansen" in text(record(client, trip_id), "//d:officieleTitel")
    register.redact(trip_id, "Jansen")  # after publication: the cached record must not outlive it
    root = record(client, trip_id)
    assert text(root, "//d:officieleTitel") == "Bezoek met [5.1.2e]"
    assert text(root, "//d:omschrijving") == "[5.1.2e] sprak over walstroom"
    assert b"Jansen" not in etree.tostring(root)


def test_characters_xml_cannot_hold_are_left_out(register: Register, client: Client) -> None:
    trip_id = register.published("Bezoek\x01", purpose="Eerste\x02regel\x0bTweede\x0cregel")
    root = record(client, trip_id)
    assert text(root, "//d:officieleTitel") == "Bezoek"
    assert text(root, "//d:omschrijving") == "Eersteregel Tweede regel"


def test_a_long_purpose_is_cut_at_a_word_for_the_description(
    register: Register, client: Client
) -> None:
    purpose = "walstroom " * 150  # 1,500 characters
    description = text(
        record(client, register.published("Bezoek", purpose=purpose)), "//d:omschrijving"
    )
    assert description.endswith("walstroom …")
    assert len(description) <= 1002


def _reviewer_of(organisation: Organisation) -> Register:
    editor = User.objects.create_user(username=f"editor-{organisation.tooi_code}")
    reviewer = User.objects.create_user(username=f"reviewer-{organisation.tooi_code}")
    Membership.objects.create(user=editor, organisation=organisation, role=Role.EDITOR)
    Membership.objects.create(user=reviewer, organisation=organisation, role=Role.REVIEWER)
    return Register(organisation, editor, reviewer)


@pytest.mark.parametrize(
    ("name", "code", "kind", "uri"),
    [
        ("Provincie Noord-Holland", "pv27", OrganisationKind.PROVINCE, "provincie/pv27"),
        ("Ministerie van BZK", "mnre1034", OrganisationKind.MINISTRY, "ministerie/mnre1034"),
        ("Waterschap AGV", "ws0155", OrganisationKind.WATER_BOARD, "waterschap/ws0155"),
        ("Tweede Kamer", "oorg10002", OrganisationKind.PARLIAMENT, "oorg/oorg10002"),
        ("Gemeente Utrecht", "GM0344", OrganisationKind.MUNICIPALITY, "gemeente/gm0344"),
    ],
)
@pytest.mark.django_db
def test_every_kind_of_public_body_is_named_by_its_tooi_uri(
    client: Client, name: str, code: str, kind: str, uri: str
) -> None:
    register = _reviewer_of(ensure(name, code, kind=kind))
    root = record(client, register.published("Dienstreis"))
    assert text(root, "//d:publisher/@resource") == "https://identifier.overheid.nl/tooi/id/" + uri
    assert text(root, "//d:publisher") == name


def test_a_body_without_a_tooi_code_is_named_by_its_label_alone(db: None, client: Client) -> None:
    register = _reviewer_of(ensure("Stichting Voorbeeld", "test-01", kind=OrganisationKind.OTHER))
    root = record(client, register.published("Dienstreis"))
    assert root.xpath("//d:publisher/@resource", namespaces=NS) == []
    assert text(root, "//d:publisher") == "Stichting Voorbeeld"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("gm0518", "gemeente/gm0518"),
        ("pv26", "provincie/pv26"),
        ("mnre1010", "ministerie/mnre1010"),
        ("ws0636", "waterschap/ws0636"),
        ("zb000060", "zbo/zb000060"),
        ("so0854", "so/so0854"),
        ("col01", "col/col01"),
        (" Oorg10002 ", "oorg/oorg10002"),
        ("gm", None),
        ("0518", None),
        ("gm0518x", None),
    ],
)
def test_a_tooi_code_maps_to_its_register_by_prefix(code: str, expected: str | None) -> None:
    uri = diwoo_lists.organisation_uri(code)
    assert uri == (
        None if expected is None else "https://identifier.overheid.nl/tooi/id/" + expected
    )


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_an_unpublished_trip_has_no_record(register: Register, client: Client, state: str) -> None:
    trip_id = getattr(register, state)("Niet openbaar")
    assert client.get(f"/trips/{trip_id}/diwoo.xml").status_code == 404


def test_a_trip_that_does_not_exist_has_no_record(db: None, client: Client) -> None:
    assert client.get("/trips/999999/diwoo.xml").status_code == 404


def test_the_record_is_read_only(register: Register, client: Client) -> None:
    trip_id = register.published("Bezoek")
    assert client.post(f"/trips/{trip_id}/diwoo.xml").status_code == 405


def _published_yesterday(trip_id: int) -> dt.datetime:
    """Move the trip's publication a day back, so that a change now is a later second."""
    yesterday = timezone.now().replace(microsecond=0) - dt.timedelta(days=1)
    Trip.objects.filter(pk=trip_id).update(published_at=yesterday)
    AuditEvent.objects.filter(trip_id=trip_id).update(at=yesterday)
    return yesterday


def test_the_record_says_when_it_last_changed_and_answers_304(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Bezoek", purpose="Jansen sprak")
    yesterday = _published_yesterday(trip_id)
    first = client.get(f"/trips/{trip_id}/diwoo.xml")
    assert first["Last-Modified"] == http_date(yesterday.timestamp())
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(f"/trips/{trip_id}/diwoo.xml", headers=since).status_code == 304
    register.redact(trip_id, "Jansen")
    changed = client.get(f"/trips/{trip_id}/diwoo.xml", headers=since)
    assert changed.status_code == 200
    assert b"[5.1.2e] sprak" in changed.content


def test_the_record_points_to_the_pdf_rendition(register: Register, client: Client) -> None:
    trip_id = register.published("Bezoek")
    root = record(client, trip_id)
    relation = "//d:documentrelaties/d:documentrelatie/"
    assert text(root, relation + "d:role") == "verwijst naar"
    assert (
        text(root, relation + "d:relation/@resource") == f"{PUBLIC_URL}/trips/{trip_id}/report.pdf"
    )


def test_the_sitemap_carries_the_same_record_as_the_trips_own_file(
    register: Register, client: Client, settings: Any
) -> None:
    settings.WOO_SITEMAP_PAGE_SIZE = 10
    trip_id = register.published("Werkbezoek Hamburg", **full_trip(purpose="Jansen  sprak\nlang"))
    register.redact(trip_id, "Jansen")
    own = record(client, trip_id)
    page = (trip_id - 1) // 10 + 1
    sitemap = etree.fromstring(client.get(f"/sitemap-diwoo-infocat018-{page}.xml").getvalue())
    (embedded,) = sitemap.xpath("//d:Document", namespaces=NS)
    c14n = {"method": "c14n", "exclusive": True}
    assert etree.tostring(embedded, **c14n) == etree.tostring(own, **c14n)


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_without_the_xsds_the_schema_tests_skip_but_fail_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv(xsd.ENV_VAR, str(tmp_path))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="DiWoo XSDs not found"):
        xsd.schema()

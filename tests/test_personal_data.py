"""The personal-data detector ``reisparse.personal``: each detector on its own, office holders who keep
their names, and the shape of the findings (exact, ordered, without overlaps)."""

from __future__ import annotations

import itertools
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest

from reisparse.personal import Finding, KeepList, Kind, find_personal_data, warm
from reisparse.personal import cache as deduce_cache
from reisparse.personal.addresses import find_addresses
from reisparse.personal.engine import engine
from reisparse.personal.model import Candidate
from reisparse.personal.patterns import (
    elfproef,
    find_bsns,
    find_emails,
    find_ibans,
    find_licence_plates,
    find_phones,
    iban_is_valid,
)
from reisparse.personal.spans import resolve


def _texts(text: str, candidates: list[Candidate]) -> list[str]:
    return [text[c.start : c.end] for c in candidates]


def _names(text: str, keep: KeepList | None = None) -> list[str]:
    return [f.text for f in find_personal_data(text, keep=keep) if f.kind is Kind.NAME]


def _kept(text: str, keep: KeepList | None = None) -> dict[str, str]:
    return {f.text: f.kept for f in find_personal_data(text, keep=keep) if f.kind is Kind.NAME}


@pytest.fixture(scope="module")
def _deduce() -> None:
    warm()


needs_deduce = [pytest.mark.usefixtures("_deduce"), pytest.mark.slow]


# --------------------------------------------------------------------------- BSN and IBAN


@pytest.mark.parametrize("number", ["725763863", "162275869", "9878.25.707"])
def test_the_elfproef_accepts_a_valid_bsn(number: str) -> None:
    assert elfproef(number)


@pytest.mark.parametrize(
    "number", ["204518733", "123456789", "000000000", "12345678", "1234567890"]
)
def test_the_elfproef_rejects_other_numbers(number: str) -> None:
    assert not elfproef(number)


def test_it_finds_a_bsn_but_not_any_nine_digit_number() -> None:
    text = "BSN 725763863, zaaknummer 204518733, order 4500123789, telefoon 0612345678."
    assert _texts(text, list(find_bsns(text))) == ["725763863"]


def test_it_does_not_take_a_labelled_reference_number_for_a_bsn() -> None:
    text = "Factuurnummer 725763863 is voldaan."  # passes the elfproef, but is an invoice number
    assert list(find_bsns(text)) == []


@pytest.mark.parametrize(
    "iban",
    [
        "NL03 RABO 0312 4567 89",
        "NL67INGB0006543210",
        "BE68 5390 0754 7034",
        "GB29NWBK60161331926819",
    ],
)
def test_the_iban_check_accepts_valid_accounts(iban: str) -> None:
    assert iban_is_valid(iban)


@pytest.mark.parametrize(
    "iban", ["NL12 ABNA 0123 4567 89", "NL03 RABO 0312 4567 88", "NL03 RABO 0312 4567"]
)
def test_the_iban_check_rejects_a_wrong_check_digit_or_length(iban: str) -> None:
    assert not iban_is_valid(iban)


def test_it_finds_an_iban_in_groups_without_the_word_after_it() -> None:
    text = "Graag overmaken op NL03 RABO 0312 4567 89 EN niet op NL12 ABNA 0123 4567 89."
    assert _texts(text, list(find_ibans(text))) == ["NL03 RABO 0312 4567 89"]


# --------------------------------------------------------------------------- phone numbers and e-mail


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 2345 6789",
        "+31 6 1234 5678",
        "+31 (0)6 87654321",
        "0031 6 12345678",
        "010-2674411",
        "070 353 2021",
        "(070) 353 2021",
        "+44 20 7946 0958",
        "+1 (412) 555-0187",
        "+46 (0)40-34 10 00",
    ],
)
def test_it_finds_dutch_and_international_phone_numbers(number: str) -> None:
    text = f"Bereikbaar op {number}."
    assert _texts(text, list(find_phones(text))) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Het bezoek was van 14-06-2024 tot 16-06-2024.",
        "Vastgesteld op 2024-07-01, dossier 2024-0612-17.",
        "Kosten € 1.245,60 en EUR 0,23 per km; begroting 2019-2023.",
        "Postbus 16200, 3500 CE Utrecht; Frederiks gate 2, 0244 Oslo.",
        "Vertrek 06:15 uur, vlucht KL1675, kostenplaats 4410230.",
        "Algemeen nummer 14 010, klachten 0800-1351.",
    ],
)
def test_it_does_not_take_dates_years_amounts_or_postcodes_for_phone_numbers(text: str) -> None:
    assert list(find_phones(text)) == []


def test_it_needs_a_label_for_a_foreign_national_number() -> None:
    assert _texts("phone 0117 496 0321", list(find_phones("phone 0117 496 0321"))) == [
        "0117 496 0321"
    ]
    assert list(find_phones("zie 0117 496 0321")) == []


def test_it_finds_personal_e_mail_addresses_but_not_functional_mailboxes() -> None:
    text = (
        "Mail lotte.kramer@amersfoort.example, info@amersfoort.example of pers@amersfoort.example."
    )
    assert _texts(text, list(find_emails(text))) == ["lotte.kramer@amersfoort.example"]


# --------------------------------------------------------------------------- plates and addresses


@pytest.mark.parametrize(
    "plate", ["12-ABC-3", "GB-123-X", "7-TZK-81", "XD-487-B", "AB-12-CD", "99-XX-99"]
)
def test_it_finds_dutch_licence_plates(plate: str) -> None:
    text = f"Kenteken {plate}."
    assert _texts(text, list(find_licence_plates(text))) == [plate]


@pytest.mark.parametrize(
    "text", ["Op 2024-06-04 om 12-30.", "COVID-19 en CO2-uitstoot", "H22-expo, A4-E19"]
)
def test_it_does_not_take_dates_or_codes_for_licence_plates(text: str) -> None:
    assert list(find_licence_plates(text)) == []


def test_it_finds_a_home_address_but_not_an_organisations_address() -> None:
    text = (
        "Woonadres: Kerkstraat 14, 3511 LK Utrecht\n"
        "Het stadhuis, Spui 70, 2511 BT Den Haag, en Hotel Astoria, Nieuwe Gracht 21, 3512 LC Utrecht.\n"
        "Host family at 27 Elm Grove, Bristol BS6 7QA."
    )
    assert _texts(text, list(find_addresses(text))) == [
        "Kerkstraat 14, 3511 LK Utrecht",
        "27 Elm Grove, Bristol BS6 7QA",
    ]


def test_an_address_over_two_lines_gives_one_finding_per_line() -> None:
    text = "Ophaaladres:\nLaan van Meerdervoort 1021b\n2564 AZ Den Haag\n"
    assert _texts(text, list(find_addresses(text))) == [
        "Laan van Meerdervoort 1021b",
        "2564 AZ Den Haag",
    ]


# --------------------------------------------------------------------------- names


@pytest.mark.usefixtures("_deduce")
@pytest.mark.slow
class TestNames:
    def test_it_finds_foreign_names_in_an_english_list(self) -> None:
        text = "13:30 Keynote Opening with: Moa Sundberg, Ethan Kent and Ryan Smolar"
        assert _names(text) == ["Moa Sundberg", "Ethan Kent", "Ryan Smolar"]

    def test_it_finds_names_in_a_dutch_met_list(self) -> None:
        text = "10:00 Rondetafel met: Lien Janssens, Wout Vermeulen en Hanne De Smet"
        assert _names(text) == ["Lien Janssens", "Wout Vermeulen", "Hanne De Smet"]

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("ontvangen door mevrouw H. Dijkstra van de ambassade", "H. Dijkstra"),
            ("een gesprek met dhr. Bakker over walstroom", "Bakker"),
            (
                "en met de heer Van den Berg van het Netherlands Business Support Office",
                "Van den Berg",
            ),
            ("Welkom door prof. dr. ir. K.L. van der Meer, decaan", "K.L. van der Meer"),
            ("We were welcomed by Mr Okafor, harbour master.", "Okafor"),
            ("Dr. Priya Raman of the University of Essex explained", "Priya Raman"),
            ("Het verslag is opgesteld door mevr. Noor Haddou.", "Noor Haddou"),
        ],
    )
    def test_it_finds_names_after_honorifics_without_the_honorific(
        self, text: str, name: str
    ) -> None:
        assert _names(text) == [name]

    def test_it_finds_names_with_initials_and_tussenvoegsels(self) -> None:
        text = "- J.M. de Vries-Bakker (delegatieleider)\n- A.C. ten Brink\n- W.F.M. van der Heijden-Smit\n"
        assert _names(text) == [
            "J.M. de Vries-Bakker",
            "A.C. ten Brink",
            "W.F.M. van der Heijden-Smit",
        ]

    def test_it_finds_a_name_before_its_function_on_a_contact_line(self) -> None:
        text = (
            "Anna Bradley (Head of Innovation, Port of Tallinn)\n"
            "Lars Eriksen – Director of Planning, City of Aarhus\n"
            "- Babajide Adeyemi, data analyst\n"
            "Director Placemaking X\n"
        )
        assert _names(text) == ["Anna Bradley", "Lars Eriksen", "Babajide Adeyemi"]

    def test_it_finds_a_name_broken_over_two_lines(self) -> None:
        assert _names("Chauffeur was Henk\nMulder van de bodedienst.") == ["Henk\nMulder"]

    def test_it_finds_other_mentions_of_a_name_and_its_surname(self) -> None:
        text = (
            "We met Astrid Nielsen at City Hall. Nielsen gave a tour; Astrid Nielsen sent the map."
        )
        assert _names(text) == ["Astrid Nielsen", "Nielsen", "Astrid Nielsen"]

    @pytest.mark.parametrize(
        "text",
        [
            "Wednesday June 15th\n9:00 Placemaking Europe Annual Leader's Meeting",
            "Het bezoek eindigde in Den Haag en Den Bosch; vertrek uit Nice en Saint Petersburg.",
            "Bezoek aan het Van Gogh Museum, het Anne Frank Huis en de Johan Cruijff ArenA.",
            "We visited the Francis Crick\nInstitute and took part in Nelson Mandela Day.",
            "Partners: Transport for London, Siemens Mobility and Johnson Controls.",
            "Het bureau De Boer & Partners en de Jan Pieterszoon Coenstraat.",
            "De staatssecretaris van Klimaat en Milieu; the Deputy Mayor for Environment.",
        ],
    )
    def test_it_does_not_take_dates_places_or_organisations_for_names(self, text: str) -> None:
        assert _names(text) == []


# --------------------------------------------------------------------------- office holders


@pytest.mark.usefixtures("_deduce")
@pytest.mark.slow
class TestOfficeHolders:
    def test_it_keeps_a_titled_office_holder_with_the_title_as_reason(self) -> None:
        text = "Deelnemers: burgemeester Marieke Dekker en beleidsmedewerker Linda Boersma."
        assert _kept(text) == {"Marieke Dekker": "burgemeester", "Linda Boersma": ""}

    @pytest.mark.parametrize(
        ("text", "name", "reason"),
        [
            ("Mayor Hanneke Vos visited Tallinn.", "Hanneke Vos", "Mayor"),
            ("Mayor Vos met Deputy Mayor Kristjan Tamm.", "Kristjan Tamm", "Deputy Mayor"),
            ("wethouder Economie Ahmed El Idrissi presenteerde", "Ahmed El Idrissi", "wethouder"),
            (
                "onder leiding van minister voor Buitenlandse Handel Esther Lammers.",
                "Esther Lammers",
                "minister",
            ),
            (
                "de commissaris van de Koning Jaap Mulder",
                "Jaap Mulder",
                "commissaris van de Koning",
            ),
            ("de Nederlandse ambassadeur, mevrouw\nH. Dijkstra, gaf", "H. Dijkstra", "ambassadeur"),
            ("Minister van Houten and Governor Lopez agreed.", "van Houten", "Minister"),
            ("Wethouder Onderwijs\nJeroen Visser bezocht Bonaire.", "Jeroen Visser", "wethouder"),
        ],
    )
    def test_it_keeps_a_name_right_after_an_office_title(
        self, text: str, name: str, reason: str
    ) -> None:
        assert _kept(text)[name].casefold() == reason.casefold()

    def test_it_keeps_every_council_member_after_a_plural_title(self) -> None:
        text = "de raadsleden Youssef Amrani en Petra Blom, en griffier Marco Jansen"
        assert _kept(text) == {
            "Youssef Amrani": "raadslid",
            "Petra Blom": "raadslid",
            "Marco Jansen": "",
        }

    def test_it_keeps_other_mentions_of_a_kept_name(self) -> None:
        text = (
            "Wethouder Sander Kok reisde naar Accra. Kok sprak met de burgemeester.\n\nSander Kok\n"
        )
        assert [(f.text, f.kept) for f in find_personal_data(text)] == [
            ("Sander Kok", "wethouder"),
            ("Kok", "wethouder"),
            ("Sander Kok", "wethouder"),
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "de burgemeester van Accra en the Mayor of Tallinn",
            "Vice-mayor Pontevedra Spain",
            "Gezaghebber, Openbaar Lichaam Bonaire",
            "Wethouder Economie\n\nAmbtelijk contactpersoon: team Economie",
        ],
    )
    def test_a_title_without_a_name_keeps_nothing(self, text: str) -> None:
        assert _names(text) == []

    def test_it_keeps_names_from_the_keep_list(self) -> None:
        text = "Gesprek met Jan Jansen en Piet de Vries. Jansen zegde steun toe."
        keep = KeepList(names=("Jan Jansen",), extra={"Piet de Vries": "public figure"})
        assert _kept(text, keep) == {
            "Jan Jansen": "keep list",
            "Piet de Vries": "public figure",
            "Jansen": "keep list",
        }

    def test_it_keeps_nobody_by_title_when_configured_off(self) -> None:
        text = "burgemeester Marieke Dekker en Dekker"
        assert _kept(text, KeepList(keep_titled_office_holders=False)) == {
            "Marieke Dekker": "",
            "Dekker": "",
        }


# --------------------------------------------------------------------------- findings as a whole


def test_the_longest_candidate_wins_an_overlap() -> None:
    text = "IBAN NL03 RABO 0312 4567 89"
    candidates = [Candidate(Kind.PHONE, 15, 27), Candidate(Kind.IBAN, 5, 27)]
    assert resolve(text, candidates) == [Finding(Kind.IBAN, "NL03 RABO 0312 4567 89", 5, 27)]


def test_a_kept_name_wins_a_tie_and_whitespace_is_trimmed() -> None:
    text = "  Jan Jansen \n"
    candidates = [
        Candidate(Kind.NAME, 0, 13, strength=3),
        Candidate(Kind.NAME, 2, 12, "wethouder", 3),
    ]
    assert resolve(text, candidates) == [Finding(Kind.NAME, "Jan Jansen", 2, 12, "wethouder")]


@pytest.mark.usefixtures("_deduce")
@pytest.mark.slow
def test_findings_are_exact_sorted_and_non_overlapping() -> None:
    text = (
        "Contact: Eva Koster, e.koster@groningen.example, 06-18273645.\n"
        "Woonadres: Kerkstraat 14, 3511 LK Utrecht. IBAN NL03 RABO 0312 4567 89, BSN 725763863,\n"
        "kenteken 12-ABC-3. Ontvangen door burgemeester Marieke Dekker.\n"
    )
    findings = find_personal_data(text)
    assert [(f.kind.value, f.text) for f in findings] == [
        ("name", "Eva Koster"),
        ("email", "e.koster@groningen.example"),
        ("phone", "06-18273645"),
        ("address", "Kerkstraat 14, 3511 LK Utrecht"),
        ("iban", "NL03 RABO 0312 4567 89"),
        ("bsn", "725763863"),
        ("licence_plate", "12-ABC-3"),
        ("name", "Marieke Dekker"),
    ]
    assert all(text[f.start : f.end] == f.text == f.text.strip() for f in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


@pytest.mark.usefixtures("_deduce")
@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["", "   \n\n", "0" * 5000, "06-" * 3000, "A. " * 3000, "@" * 2000]
)
def test_it_copes_with_empty_and_degenerate_text(text: str) -> None:
    findings = find_personal_data(text)
    assert all(text[f.start : f.end] == f.text for f in findings)


@pytest.mark.usefixtures("_deduce")
@pytest.mark.slow
def test_the_name_detector_is_created_once_across_threads() -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(engine())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(e) for e in seen}) == 1 and seen[0] is engine()


# --------------------------------------------------------------------------- deduce's cache


def _lookup(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "items.txt").write_text("Jan\n")
    return {
        "lookup_path": tmp_path,
        "cache_path": tmp_path,
        "tokenizer": None,
        "deduce_version": "3.0.6",
    }


def test_a_corrupt_deduce_cache_is_rebuilt_and_replaced_whole(tmp_path: Path) -> None:
    kwargs = _lookup(tmp_path)
    cache_file = tmp_path / "cache" / "lookup_structs.pickle"
    cache_file.parent.mkdir()
    cache_file.write_bytes(b"\xff half written")
    builds: list[dict[str, Any]] = []

    def build(**kw: Any) -> str:
        builds.append(kw)
        return "structures"

    assert deduce_cache.load_or_build(build, kwargs) == "structures"
    assert builds[0]["build"] is True and builds[0]["save_cache"] is False
    saved = pickle.loads(cache_file.read_bytes())
    assert saved["lookup_structs"] == "structures" and saved["deduce_version"] == "3.0.6"
    assert [p.name for p in cache_file.parent.iterdir() if p.suffix == ".tmp"] == []


def test_the_deduce_cache_is_judged_by_its_file_time_not_its_recorded_time(tmp_path: Path) -> None:
    kwargs = _lookup(tmp_path)
    cache_file = tmp_path / "cache" / "lookup_structs.pickle"
    cache_file.parent.mkdir()
    # Recorded long ago (as a process in another time zone would), but written after the sources.
    old = {
        "deduce_version": "3.0.6",
        "saved_datetime": "2000-01-01 00:00:00",
        "lookup_structs": "cached",
    }
    cache_file.write_bytes(pickle.dumps(old))

    def build(**kw: Any) -> str:
        raise AssertionError("a fresh cache must not be rebuilt")

    assert deduce_cache.load_or_build(build, kwargs) == "cached"

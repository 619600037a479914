"""The register speaks Dutch (the default) and English: every marked string has a Dutch translation, the
compiled catalogues match their sources, and the language follows the visitor's choice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from scripts.compile_messages import ROOT, compile_all, po_files

LOCALE = ROOT / "locale"
LANGUAGES = ("nl", "en")
# Python's %-format (with an optional name, flags, width and precision) and str.format's {0}/{name}.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifeEgGxXorc]|\{[^{}]*\}")
DUTCH, ENGLISH = "Direct naar de inhoud", "Skip to content"


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text.replace("%%", "")))


def test_both_languages_have_a_catalogue_and_a_compiled_one() -> None:
    for language in LANGUAGES:
        assert (LOCALE / language / "LC_MESSAGES" / "django.po").is_file()
        assert (LOCALE / language / "LC_MESSAGES" / "django.mo").is_file()


def test_the_committed_mo_files_are_what_compile_messages_makes_of_the_po_files(
    tmp_path: Path,
) -> None:
    fresh = compile_all(ROOT, destination=tmp_path)
    assert len(fresh) == len(po_files()) >= len(LANGUAGES)
    for path in fresh:
        committed = ROOT / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"run `make messages`: {committed}"


def test_the_dutch_catalogue_has_no_untranslated_fuzzy_or_obsolete_entries() -> None:
    po = catalogue("nl")
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert len(po.translated_entries()) > 400


def test_the_english_catalogue_holds_the_same_strings_as_the_dutch_one() -> None:
    assert keys(catalogue("en")) == keys(catalogue("nl"))


def test_both_catalogues_declare_their_language_and_two_plural_forms() -> None:
    for language in LANGUAGES:
        metadata = catalogue(language).metadata
        assert metadata["Language"] == language
        assert metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translation_keeps_the_placeholders_of_its_source(language: str) -> None:
    wrong = []
    for entry in catalogue(language).translated_entries():
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        wrong += [
            (source, text) for source, text in pairs if placeholders(source) != placeholders(text)
        ]
    assert wrong == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str | None, str]]:
    """The strings makemessages finds in the code now, extracted into a copy of the package so the
    committed catalogues stay untouched."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext (xgettext) is needed in CI to check the catalogues")
        pytest.skip("GNU gettext (xgettext) is not installed; makemessages cannot run")
    work = tmp_path_factory.mktemp("makemessages")
    package = work / "reisregister"
    shutil.copytree(ROOT, package, ignore=shutil.ignore_patterns("__pycache__", "locale", "var"))
    # makemessages writes into LOCALE_PATHS[0]: point it at the copy.
    (work / "i18n_settings.py").write_text(
        f"from reisregister.settings import *  # noqa: F403\nLOCALE_PATHS = [{str(package / 'locale')!r}]\n"
    )
    environ = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(work), *sys.path]),
        DJANGO_SETTINGS_MODULE="i18n_settings",
        REISREGISTER_HOME=str(work),
        DATABASE_URL=f"sqlite:///{work}/unused.sqlite3",
    )
    command = ["makemessages", "--locale", "nl", "--ignore", "*/tests/*", "-e", "html,txt,py"]
    subprocess.run(
        [sys.executable, "-m", "django", *command],
        cwd=package,
        env=environ,
        check=True,
        capture_output=True,
    )
    return keys(polib.pofile(str(package / "locale" / "nl" / "LC_MESSAGES" / "django.po")))


def test_every_string_marked_in_the_code_is_in_the_dutch_catalogue(
    extracted: set[tuple[str | None, str]],
) -> None:
    missing = sorted(extracted - keys(catalogue("nl")), key=str)
    assert missing == [], "run `make messages` and translate the new strings"


def test_the_dutch_catalogue_holds_no_strings_the_code_no_longer_uses(
    extracted: set[tuple[str | None, str]],
) -> None:
    assert sorted(keys(catalogue("nl")) - extracted, key=str) == [], "run `make messages`"


@pytest.mark.django_db
def test_the_home_page_is_dutch_by_default_and_for_a_dutch_browser() -> None:
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "nl"}, {"HTTP_ACCEPT_LANGUAGE": "de"}):
        page = Client().get("/", **headers)  # type: ignore[arg-type]
        html = page.content.decode()
        assert DUTCH in html
        assert '<html lang="nl">' in html


@pytest.mark.django_db
def test_the_home_page_is_english_for_an_english_browser() -> None:
    html = Client().get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ENGLISH in html
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_the_language_switch_turns_the_site_english_and_back() -> None:
    client = Client()
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert switched.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert ENGLISH in client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert DUTCH in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

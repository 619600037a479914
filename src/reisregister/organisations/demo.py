"""Demo data for ``make run``: four public bodies, an account per role, and synthetic reports imported through
the real import pipeline and moved through the real workflow.

Idempotent: a second run finds everything in place and creates nothing. Refused in production, because the
demo accounts have fixed passwords that are printed on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.translation import gettext as _

from reisregister.accounts.models import Membership, Role, User
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation, OrganisationKind
from reisregister.organisations.service import ensure
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import service as trips
from reisregister.trips.models import Trip

# Development only: printed by ``reisregister demo`` and refused in production.
DEMO_PASSWORD = "reisregister-demo"

DEMO_CORPUS = Path(__file__).resolve().parent / "demo_corpus"
# The parser's test corpus, present in a source checkout (not in an installed package).
TEST_CORPUS = Path(__file__).resolve().parents[3] / "tests" / "corpus"

DEN_HAAG, ALMERE, UTRECHT, TWEEDE_KAMER = "gm0518", "gm0034", "gm0344", "oorg10002"


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    code: str
    prefix: str
    home_city: str
    kind: str = OrganisationKind.MUNICIPALITY


ORGANISATIONS = (
    DemoOrganisation("Gemeente Den Haag", DEN_HAAG, "denhaag", "Den Haag"),
    DemoOrganisation("Gemeente Almere", ALMERE, "almere", "Almere"),
    DemoOrganisation("Gemeente Utrecht", UTRECHT, "utrecht", "Utrecht"),
    # TOOI "overige overheidsorganisaties" code of the Tweede Kamer.
    DemoOrganisation(
        "Tweede Kamer der Staten-Generaal",
        TWEEDE_KAMER,
        "tweedekamer",
        "Den Haag",
        OrganisationKind.PARLIAMENT,
    ),
)
# Editors and reviewers everywhere; an administrator where the demo shows the admin's extra powers.
ROLES_BY_CODE: dict[str, tuple[Role, ...]] = {
    DEN_HAAG: (Role.EDITOR, Role.REVIEWER, Role.ADMIN),
    ALMERE: (Role.EDITOR, Role.REVIEWER),
    UTRECHT: (Role.EDITOR, Role.REVIEWER, Role.ADMIN),
    TWEEDE_KAMER: (Role.EDITOR, Role.REVIEWER),
}
SUPERUSER = "beheerder"

# Where each document ends up in the workflow; about two thirds are published.
DRAFT, SUBMITTED, PUBLISHED, WITHDRAWN = "draft", "submitted", "published", "withdrawn"
WITHDRAWAL_REASON = (
    "Demo: the report named a contact person by name; withdrawn until that is removed."
)

DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    # (path relative to the demo corpus, or "tests/corpus/..." for the parser's corpus; organisation; state)
    ("denhaag-kopenhagen-klimaatadaptatie.txt", DEN_HAAG, PUBLISHED),
    ("denhaag-brussel-eurocities.txt", DEN_HAAG, PUBLISHED),
    ("denhaag-washington-justice.txt", DEN_HAAG, SUBMITTED),
    ("almere-freiburg-duurzame-wijken.txt", ALMERE, PUBLISHED),
    ("almere-osaka-expo.txt", ALMERE, PUBLISHED),
    ("almere-wenen-sociale-woningbouw.md", ALMERE, DRAFT),
    ("utrecht-gdansk-velo-city.txt", UTRECHT, PUBLISHED),
    ("utrecht-leuven-kennisregio.txt", UTRECHT, PUBLISHED),
    ("utrecht-barcelona-superblocks.html", UTRECHT, SUBMITTED),
    ("utrecht-lissabon-geannuleerd.txt", UTRECHT, PUBLISHED),
    ("tweede-kamer-werkbezoek-berlijn.txt", TWEEDE_KAMER, PUBLISHED),
    ("tweede-kamer-werkbezoek-caribisch-nederland.txt", TWEEDE_KAMER, PUBLISHED),
    ("tweede-kamer-werkbezoek-stockholm-en.txt", TWEEDE_KAMER, DRAFT),
    ("tests/corpus/nl-werkbezoek-parlement/source.txt", TWEEDE_KAMER, PUBLISHED),
    ("tests/corpus/markdown-report/source.md", ALMERE, PUBLISHED),
    ("tests/corpus/nl-reisverslag-ocr/source.txt", UTRECHT, DRAFT),
    ("tests/corpus/nl-reisverslag-clean/source.txt", DEN_HAAG, PUBLISHED),
    ("tests/corpus/en-trip-report/source.txt", DEN_HAAG, PUBLISHED),
    ("tests/corpus/en-readout/source.txt", DEN_HAAG, WITHDRAWN),
    ("tests/corpus/caribbean/source.txt", DEN_HAAG, PUBLISHED),
    ("tests/corpus/cancelled-trip/source.txt", UTRECHT, PUBLISHED),
    ("tests/corpus/encoding-cp1252/source.txt", ALMERE, SUBMITTED),
    ("tests/corpus/multi-country/source.txt", UTRECHT, PUBLISHED),
    ("tests/corpus/nl-nieuwsbericht/source.txt", UTRECHT, PUBLISHED),
    ("tests/corpus/no-year/source.txt", ALMERE, DRAFT),
    ("tests/corpus/weekday-year/source.txt", ALMERE, PUBLISHED),
    ("tests/corpus/html-report/source.html", DEN_HAAG, SUBMITTED),
    ("tests/corpus/register-page-html/source.html", DEN_HAAG, PUBLISHED),
    ("tests/corpus/register-page-text/source.txt", ALMERE, PUBLISHED),
)


class DemoRefused(Exception):
    """The demo would create accounts with published passwords: never in production."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    organisation: str
    role: str


@dataclass
class DemoResult:
    accounts: list[DemoAccount] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    trips_by_state: dict[str, int] = field(default_factory=dict)


def run(*, reset: bool = False) -> DemoResult:
    """Create (or find) the demo organisations, accounts and trips. ``reset`` first removes the demo
    organisations' trips and documents and the demo accounts."""
    if settings.PRODUCTION:
        raise DemoRefused(
            _("the demo creates accounts with published passwords; it never runs in production")
        )
    if reset:
        _reset()
    result = DemoResult()
    organisations = {
        o.code: ensure(o.name, o.code, kind=o.kind, home_city=o.home_city) for o in ORGANISATIONS
    }
    people = _ensure_accounts(organisations, result)
    for relative, code, state in DOCUMENTS:
        _import(relative, organisations[code], people[code], state, result)
    return result


def _ensure_accounts(
    organisations: dict[str, Organisation], result: DemoResult
) -> dict[str, dict[Role, User]]:
    people: dict[str, dict[Role, User]] = {}
    prefixes = {o.code: o.prefix for o in ORGANISATIONS}
    for code, roles in ROLES_BY_CODE.items():
        people[code] = {}
        for role in roles:
            user = _ensure_user(f"{prefixes[code]}-{role.value}")
            Membership.objects.get_or_create(
                user=user, organisation=organisations[code], defaults={"role": role}
            )
            people[code][role] = user
            result.accounts.append(
                DemoAccount(user.username, DEMO_PASSWORD, organisations[code].name, str(role.label))
            )
    _ensure_user(SUPERUSER, superuser=True)
    result.accounts.append(DemoAccount(SUPERUSER, DEMO_PASSWORD, _("all"), _("superuser")))
    return people


def _ensure_user(username: str, *, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@demo.example",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _path(relative: str) -> Path:
    if relative.startswith("tests/corpus/"):
        return TEST_CORPUS / relative.removeprefix("tests/corpus/")
    return DEMO_CORPUS / relative


def _import(
    relative: str,
    organisation: Organisation,
    people: dict[Role, User],
    state: str,
    result: DemoResult,
) -> None:
    path = _path(relative)
    if not path.is_file():
        result.missing.append(relative)
        return
    # The parser's corpus names every file source.*: name it after its case instead.
    filename = f"{path.parent.name}{path.suffix}" if path.stem == "source" else path.name
    imported = import_document(
        path.read_bytes(), filename=filename, organisation=organisation, user=people[Role.EDITOR]
    )
    if imported.status == ImportStatus.FAILED:
        result.failed.append((relative, imported.message))
        return
    if imported.status == ImportStatus.DUPLICATE:
        # Leave existing trips where they are: someone may have moved them on while trying the demo.
        result.already_there.append(relative)
    else:
        result.imported.append(relative)
        for trip in imported.trips:
            _move_to(trip, state, people)
    for trip in imported.trips:
        status = Trip.objects.values_list("status", flat=True).get(pk=trip.pk)
        result.trips_by_state[status] = result.trips_by_state.get(status, 0) + 1


def _move_to(trip: Trip, state: str, people: dict[Role, User]) -> None:
    """Walk the trip through the workflow as the people who would do it, so the history reads right."""
    if state == DRAFT:
        return
    editor, reviewer = people[Role.EDITOR], people[Role.REVIEWER]
    trips.transition(trip.pk, "submit", user=editor)
    if state == SUBMITTED:
        return  # its redaction suggestions wait for the demo reviewer
    # The demo reviewer redacts everything the detector suggests, so the public pages show black boxes.
    redaction.scan(Trip.objects.get(pk=trip.pk))
    redaction.decide_all_pending(trip.pk, decision=Decision.ACCEPTED, user=reviewer)
    trips.transition(trip.pk, "publish", user=reviewer)
    if state == WITHDRAWN:
        trips.transition(trip.pk, "withdraw", user=reviewer, reason=WITHDRAWAL_REASON)


def _reset() -> None:
    codes = [o.code for o in ORGANISATIONS]
    with transaction.atomic():
        doomed = Trip.objects.filter(organisation__tooi_code__in=codes)
        trip_ids = list(doomed.values_list("pk", flat=True))
        doomed.delete()
        documents = SourceDocument.objects.filter(organisation__tooi_code__in=codes)
        files = [(d.file.storage, d.file.name) for d in documents if d.file]
        documents.delete()
        usernames = [f"{o.prefix}-{role.value}" for o in ORGANISATIONS for role in Role] + [
            SUPERUSER
        ]
        User.objects.filter(username__in=usernames).delete()
        transaction.on_commit(lambda: _after_reset(files, trip_ids))


def _after_reset(files: list[tuple[Storage, str]], trip_ids: list[int]) -> None:
    for storage, name in files:
        storage.delete(name)
    # The search index must forget the deleted trips too.
    from reisregister.search import service as search

    for trip_id in trip_ids:
        search.sync_trip(trip_id)

"""``reisregister demo``: demo organisations, accounts and trips, through the real import and workflow."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from reisregister.accounts.models import Membership, User
from reisregister.accounts.service import can_edit, can_review
from reisregister.ingest.models import SourceDocument
from reisregister.organisations import demo
from reisregister.organisations.models import Organisation
from reisregister.organisations.service import by_code
from reisregister.trips.models import AuditEvent, Status, Trip

FEW = (
    ("denhaag-brussel-eurocities.txt", demo.DEN_HAAG, demo.PUBLISHED),
    ("almere-wenen-sociale-woningbouw.md", demo.ALMERE, demo.DRAFT),
    ("utrecht-leuven-kennisregio.txt", demo.UTRECHT, demo.SUBMITTED),
    ("tests/corpus/en-readout/source.txt", demo.DEN_HAAG, demo.WITHDRAWN),
)


@pytest.fixture
def few_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    # Most tests need the workflow, not the parser's whole corpus: keep them quick.
    monkeypatch.setattr(demo, "DOCUMENTS", FEW)


def _counts() -> dict[str, int]:
    models = (Organisation, User, Membership, Trip, SourceDocument, AuditEvent)
    return {model.__name__: model.objects.count() for model in models}


def test_running_the_demo_twice_creates_nothing_new(db: None) -> None:
    first = demo.run()
    before = _counts()

    second = demo.run()

    assert _counts() == before
    assert first.failed == [] and first.missing == []
    assert second.imported == []
    assert len(second.already_there) == len(demo.DOCUMENTS)


def test_it_publishes_about_two_thirds_of_the_demo_trips(db: None) -> None:
    demo.run()

    published = Trip.objects.filter(status=Status.PUBLISHED).count()

    assert 0.55 <= published / Trip.objects.count() <= 0.8


def test_it_creates_the_four_demo_organisations(db: None, few_documents: None) -> None:
    demo.run()

    assert by_code("gm0518").name == "Gemeente Den Haag"
    assert by_code("gm0518").home_city == "Den Haag"
    assert {o.tooi_code for o in Organisation.objects.all()} >= {
        "gm0518",
        "gm0034",
        "gm0344",
        "oorg10002",
    }


def test_every_demo_account_logs_in_with_the_printed_password(
    db: None, few_documents: None
) -> None:
    result = demo.run()

    for account in result.accounts:
        assert Client().login(username=account.username, password=account.password), (
            account.username
        )


def test_demo_roles_are_scoped_to_their_organisation(db: None, few_documents: None) -> None:
    demo.run()
    editor, reviewer = (
        User.objects.get(username="denhaag-editor"),
        User.objects.get(username="denhaag-reviewer"),
    )

    assert can_edit(editor, by_code("gm0518"))
    assert not can_edit(editor, by_code("gm0034"))
    assert not can_review(editor, by_code("gm0518"))
    assert can_review(reviewer, by_code("gm0518"))


def test_demo_trips_went_through_the_workflow_as_the_right_people(
    db: None, few_documents: None
) -> None:
    demo.run()
    published = Trip.objects.get(status=Status.PUBLISHED)

    steps = [
        (event.action, event.actor.username if event.actor else None)
        for event in published.audit_events.all()
    ]

    assert steps == [
        ("imported", "denhaag-editor"),
        ("submit", "denhaag-editor"),
        ("publish", "denhaag-reviewer"),
    ]
    assert Trip.objects.get(status=Status.WITHDRAWN).withdrawn_reason
    assert Trip.objects.filter(status=Status.DRAFT).count() == 1
    assert Trip.objects.filter(status=Status.SUBMITTED).count() == 1


def test_a_second_run_leaves_trips_that_people_moved_on_alone(
    db: None, few_documents: None
) -> None:
    demo.run()
    draft = Trip.objects.get(status=Status.DRAFT)
    draft.delete()
    Trip.objects.filter(status=Status.WITHDRAWN).update(status=Status.DRAFT)

    demo.run()

    assert Trip.objects.filter(status=Status.DRAFT).count() == 1


def test_reset_removes_the_demo_data_and_makes_it_again(db: None, few_documents: None) -> None:
    demo.run()
    User.objects.filter(username="almere-editor").update(first_name="Changed")
    before = _counts()

    result = demo.run(reset=True)

    assert _counts() == before
    assert len(result.imported) == len(FEW)
    assert User.objects.get(username="almere-editor").first_name == ""


def test_the_command_prints_the_accounts_with_their_passwords(
    db: None, few_documents: None
) -> None:
    out = StringIO()

    call_command("demo", stdout=out, stderr=StringIO())

    printed = out.getvalue()
    assert "denhaag-editor" in printed
    assert "tweedekamer-reviewer" in printed
    assert demo.DEMO_PASSWORD in printed


def test_it_refuses_to_run_in_production(db: None, settings: object) -> None:
    settings.PRODUCTION = True  # type: ignore[attr-defined]

    with pytest.raises(CommandError):
        call_command("demo", stdout=StringIO())

    assert not User.objects.exists()

"""The members screen in the browser: an admin manages members by keyboard alone, and axe finds no WCAG 2.1 AA
violations on the screen, its error and invitation states, the removal question and the set-password page."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation
from tests.browser.steps import (
    OpenPage,
    choose_by_keyboard,
    switch_language,
    tab_to,
    visit,
)
from tests.register.conftest import dana  # noqa: F401 (a fixture: the admin of Den Haag)
from tests.support.axe import assert_accessible

pytestmark = pytest.mark.browser

MEMBERS = reverse("members:list", kwargs={"tooi_code": "gm0518"})


@pytest.fixture(autouse=True)
def _mail(settings: object) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]


def _submit_by_keyboard(page: Page, button: str) -> None:
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_an_admin_adds_a_member_by_keyboard_alone_and_the_page_passes_axe(
    open_page: OpenPage,
    dana: User,  # noqa: F811
    alice: User,
    charlie: User,
    den_haag: Organisation,
) -> None:
    page = open_page(dana)
    visit(page, reverse("trips:dashboard"))
    tab_to(page, f"header a[href='{reverse('members:index')}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**{MEMBERS}")
    assert_accessible(page, "members (nl)")

    tab_to(page, "#id_add-identifier")
    page.keyboard.type("charlie")
    tab_to(page, "#id_add-role")
    choose_by_keyboard(page, "#id_add-role", "reviewer")
    _submit_by_keyboard(page, "#add-member-form button[type=submit]")

    row = page.locator(f"#member-{charlie.pk}")
    expect(row).to_be_visible()
    expect(row.locator("select")).to_have_value("reviewer")
    expect(page.locator(".messages")).to_contain_text("charlie")
    assert Membership.objects.get(user=charlie, organisation=den_haag).role == Role.REVIEWER
    assert_accessible(page, "members after adding (nl)")

    # The new member's role changes by keyboard too.
    tab_to(page, f"#member-{charlie.pk} select")
    choose_by_keyboard(page, f"#member-{charlie.pk} select", "admin")
    _submit_by_keyboard(page, f"#member-{charlie.pk} .role-form button")
    expect(page.locator(f"#member-{charlie.pk} select")).to_have_value("admin")
    assert Membership.objects.get(user=charlie, organisation=den_haag).role == Role.ADMIN

    switch_language(page, "en")
    assert_accessible(page, "members (en)")


def test_the_error_and_invitation_states_pass_axe(
    open_page: OpenPage,
    dana: User,  # noqa: F811
    alice: User,
) -> None:
    page = open_page(dana)
    visit(page, MEMBERS)

    page.locator("#id_add-identifier").fill("nobody-by-this-name")
    with page.expect_navigation():
        page.locator("#add-member-form button[type=submit]").click()
    expect(page.locator("#id_add-identifier")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "members with an error in the add form")

    page.locator("#id_invite-username").fill("fenna")
    page.locator("#id_invite-email").fill("not an address")
    with page.expect_navigation():
        page.locator("#invite-member-form button[type=submit]").click()
    expect(page.locator("#id_invite-email")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "members with an error in the invitation form")

    page.locator("#id_invite-email").fill("fenna@example.org")
    with page.expect_navigation():
        page.locator("#invite-member-form button[type=submit]").click()
    link = page.locator("#invitation-link")
    expect(link).to_be_visible()
    assert_accessible(page, "members with the invitation link")
    path = re.sub(r"^https?://[^/]+", "", link.input_value())

    visit(page, reverse("members:remove", args=["gm0518", alice.pk]))
    assert_accessible(page, "the removal question")

    # The invitee's page, as the e-mail's link opens it.
    assert path in mail.outbox[0].body
    invitee = open_page()
    visit(invitee, path)
    expect(invitee.locator("#id_new_password1")).to_be_visible()
    assert_accessible(invitee, "the set-password page")

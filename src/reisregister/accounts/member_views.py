"""The members screen (/werk/organisatie/<tooi_code>/leden/): an organisation's admins see who works for it,
add existing users, invite new ones, change roles and remove members.

Anyone who is not an admin of the organisation gets a 404, as in the rest of the work area: the screen does not
confirm what it would show. Every change goes through ``accounts.service`` (which checks the role again, keeps
the last admin and logs the change), is a POST and ends in a redirect with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reisregister.accounts import invitations
from reisregister.accounts import service as accounts
from reisregister.accounts.forms import AddMemberForm, InviteForm, RoleForm
from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation

# The link of the last invitation, shown once on the page after the redirect, then forgotten.
_SESSION_KEY = "accounts_invitation"


@dataclass
class MemberRow:
    membership: Membership
    form: RoleForm
    pending: bool
    is_self: bool
    last_admin: bool

    @property
    def user(self) -> User:
        return self.membership.user


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The organisations the user administers; straight on to the members when there is only one."""
    organisations = list(accounts.organisations_for(_user(request), Role.ADMIN))
    if not organisations:
        raise Http404(_("No such page."))
    if len(organisations) == 1:
        return redirect("members:list", tooi_code=organisations[0].tooi_code)
    return render(request, "accounts/organisations.html", {"organisations": organisations})


@login_required
@require_GET
def member_list(request: HttpRequest, tooi_code: str) -> HttpResponse:
    return _render(request, _organisation(request, tooi_code))


@login_required
@require_POST
def add(request: HttpRequest, tooi_code: str) -> HttpResponse:
    organisation = _organisation(request, tooi_code)
    form = AddMemberForm(request.POST, prefix="add")
    if form.is_valid():
        try:
            membership = accounts.add_member(
                _user(request),
                organisation,
                form.cleaned_data["identifier"],
                form.cleaned_data["role"],
            )
        except ValidationError as exc:
            form.add_error("identifier", exc)
        else:
            messages.success(request, _now_message(membership))
            return _back(request, organisation, membership.user_id)
    return _render(request, organisation, add_form=form, status=400)


@login_required
@require_POST
def invite(request: HttpRequest, tooi_code: str) -> HttpResponse:
    organisation = _organisation(request, tooi_code)
    form = InviteForm(request.POST, prefix="invite")
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = accounts.invite_member(
                _user(request), organisation,
                username=data["username"], email=data["email"], role=data["role"],
                first_name=data["first_name"], last_name=data["last_name"],
                base_url=request.build_absolute_uri("/"),
            )  # fmt: skip
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            _announce(request, invitation)
            return _back(request, organisation, invitation.membership.user_id)
    return _render(request, organisation, invite_form=form, status=400)


@login_required
@require_POST
def resend(request: HttpRequest, tooi_code: str, user_id: int) -> HttpResponse:
    organisation = _organisation(request, tooi_code)
    try:
        invitation = accounts.resend_invitation(
            _user(request), organisation, user_id, base_url=request.build_absolute_uri("/")
        )
    except Membership.DoesNotExist:
        raise Http404(_("No such member.")) from None
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return _back(request, organisation, user_id)
    _announce(request, invitation)
    return _back(request, organisation, user_id)


@login_required
@require_POST
def change_role(request: HttpRequest, tooi_code: str, user_id: int) -> HttpResponse:
    organisation = _organisation(request, tooi_code)
    form = RoleForm(request.POST, prefix=f"member-{user_id}")
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles in the list."))
        return _back(request, organisation, user_id)
    try:
        membership = accounts.change_role(
            _user(request), organisation, user_id, form.cleaned_data["role"]
        )
    except Membership.DoesNotExist:
        raise Http404(_("No such member.")) from None
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _now_message(membership))
    return _back(request, organisation, user_id)


@login_required
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, tooi_code: str, user_id: int) -> HttpResponse:
    """GET asks to confirm; POST removes."""
    organisation = _organisation(request, tooi_code)
    if request.method == "POST":
        try:
            user = accounts.remove_member(_user(request), organisation, user_id)
        except Membership.DoesNotExist:
            raise Http404(_("No such member.")) from None
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return _back(request, organisation, user_id)
        messages.success(
            request,
            _("%(user)s is no longer a member of %(organisation)s.")
            % {"user": user.get_username(), "organisation": organisation},
        )
        return _back(request, organisation)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), organisation=organisation, user_id=user_id
    )
    context = {
        "organisation": organisation,
        "membership": membership,
        "last_admin": accounts.is_last_admin(membership),
        "is_self": membership.user_id == request.user.pk,
    }
    return render(request, "accounts/member_remove.html", context)


# --------------------------------------------------------------------------- helpers


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User), "the members screen is behind login_required"
    return user


def _organisation(request: HttpRequest, tooi_code: str) -> Organisation:
    # As everywhere in the work area: what the user may not manage does not exist for them. One query finds the
    # organisation and checks the role.
    organisation = (
        accounts.organisations_for(_user(request), Role.ADMIN).filter(tooi_code=tooi_code).first()
    )
    if organisation is None:
        raise Http404(_("No such organisation."))
    return organisation


def _back(
    request: HttpRequest, organisation: Organisation, user_id: int | None = None
) -> HttpResponseRedirect:
    """To the list (at the member's row), or to the work area when the user just gave up being an admin."""
    if not accounts.can_manage_members(_user(request), organisation):
        return redirect(settings.LOGIN_REDIRECT_URL)
    url = reverse("members:list", kwargs={"tooi_code": organisation.tooi_code})
    return redirect(f"{url}#member-{user_id}" if user_id else url)


def _now_message(membership: Membership) -> str:
    return _("%(user)s is now %(role)s of %(organisation)s.") % {
        "user": membership.user.get_username(),
        "role": membership.get_role_display(),
        "organisation": membership.organisation,
    }


def _announce(request: HttpRequest, invitation: accounts.Invitation) -> None:
    user = invitation.membership.user
    values = {
        "user": user.get_username(),
        "role": invitation.membership.get_role_display(),
        "email": user.email,
    }
    if invitation.sent:
        messages.success(
            request,
            _(
                "%(user)s is invited as %(role)s. An e-mail with a link to choose a password was sent to "
                "%(email)s."
            )
            % values,
        )
    else:
        messages.warning(
            request,
            _(
                "%(user)s is invited as %(role)s, but the e-mail to %(email)s could not be sent. Give "
                "them the link below yourself."
            )
            % values,
        )
    request.session[_SESSION_KEY] = {
        "organisation": invitation.membership.organisation_id,
        "username": user.get_username(),
        "link": invitation.link,
    }


def _add_errors(form: Form, exc: ValidationError) -> None:
    """The service's errors beside the fields they name; the rest above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _render(
    request: HttpRequest,
    organisation: Organisation,
    *,
    add_form: AddMemberForm | None = None,
    invite_form: InviteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    memberships = list(accounts.members(user, organisation))
    admins = sum(m.role == Role.ADMIN for m in memberships)
    rows = [
        MemberRow(
            membership=m,
            form=RoleForm(prefix=f"member-{m.user_id}", initial={"role": m.role}),
            pending=accounts.invitation_pending(m.user),
            is_self=m.user_id == user.pk,
            last_admin=m.role == Role.ADMIN and admins == 1,
        )
        for m in memberships
    ]
    context: dict[str, Any] = {
        "organisation": organisation,
        "rows": rows,
        "add_form": add_form or AddMemberForm(prefix="add"),
        "invite_form": invite_form or InviteForm(prefix="invite"),
        "invitation": _invitation_once(request, organisation),
        "link_days": invitations.valid_days(),
        "work_url": resolve_url(settings.LOGIN_REDIRECT_URL),
    }
    return render(request, "accounts/members.html", context, status=status)


def _invitation_once(request: HttpRequest, organisation: Organisation) -> dict[str, Any] | None:
    stored: dict[str, Any] | None = request.session.get(_SESSION_KEY)
    if not stored or stored.get("organisation") != organisation.pk:
        return None
    del request.session[_SESSION_KEY]
    return stored

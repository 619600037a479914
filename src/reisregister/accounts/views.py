"""Log in (throttled), log out (POST only) and set a password from an invitation link.

Roles and permissions live in ``accounts.service``; the members screen is ``accounts.member_views``.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reisregister.accounts import throttle

TOO_MANY_REQUESTS = 429


class LoginView(auth_views.LoginView):
    """Django's login view with throttling. While locked, the password is not even checked, and the answer is
    the same for every user name, existing or not."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Django puts the target under the field's name ("next") but not the name itself, which the form's
        # hidden field needs to send the target on.
        context = super().get_context_data(**kwargs)
        context["redirect_field_name"] = self.redirect_field_name
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))
        lock = throttle.lock(username, throttle.client_address(request))
        if lock is not None:
            return self._locked(username, lock)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.reset(
            str(self.request.POST.get("username", "")), throttle.client_address(self.request)
        )
        return super().form_valid(form)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        username = str(self.request.POST.get("username", ""))
        # An empty field is a slip, not a guess: only attempts with both fields filled in count.
        if username and self.request.POST.get("password"):
            throttle.record_failure(username, throttle.client_address(self.request))
        return super().form_invalid(form)

    def _locked(self, username: str, lock: throttle.Lock) -> HttpResponse:
        # An unbound form: binding it would run authenticate() and check the password after all.
        form = self.get_form_class()(self.request, initial={"username": username})
        minutes = max(1, math.ceil(settings.LOGIN_FAILURE_WINDOW / 60))
        if lock is throttle.Lock.ADDRESS:
            message = ngettext(
                "Too many failed attempts to log in from your network. Wait %(minutes)d minute and try "
                "again.",
                "Too many failed attempts to log in from your network. Wait %(minutes)d minutes and try "
                "again.",
                minutes,
            )
        else:
            message = ngettext(
                "Too many failed attempts to log in. Wait %(minutes)d minute and try again.",
                "Too many failed attempts to log in. Wait %(minutes)d minutes and try again.",
                minutes,
            )
        context = self.get_context_data(form=form, locked_message=message % {"minutes": minutes})
        return self.render_to_response(context, status=TOO_MANY_REQUESTS)


class LogoutView(auth_views.LogoutView):
    """Log out by POST only: Django answers GET with 405, so a link or an image cannot log anyone out."""


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link in an invitation: choose a password, then log in. Django's password-reset token makes the link
    work once (it depends on the password and the last login) and only for ``PASSWORD_RESET_TIMEOUT``."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:login")
    post_reset_login = False

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set. Log in with your user name %(username)s and the new password.")
            % {"username": form.user.get_username()},
        )
        return response

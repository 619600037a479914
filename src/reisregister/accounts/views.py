"""Log in (throttled) and log out (POST only). Roles and permissions live in ``accounts.service``."""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from reisregister.accounts import throttle

TOO_MANY_REQUESTS = 429


class LoginView(auth_views.LoginView):
    """Django's login view with throttling. While locked, the password is not even checked, and the answer is
    the same for every user name, existing or not."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))
        if throttle.is_locked(username, throttle.client_address(request)):
            return self._locked(username)
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

    def _locked(self, username: str) -> HttpResponse:
        # An unbound form: binding it would run authenticate() and check the password after all.
        form = self.get_form_class()(self.request, initial={"username": username})
        minutes = max(1, math.ceil(settings.LOGIN_FAILURE_WINDOW / 60))
        message = ngettext(
            "Too many failed attempts to log in. Wait %(minutes)d minute and try again.",
            "Too many failed attempts to log in. Wait %(minutes)d minutes and try again.",
            minutes,
        ) % {"minutes": minutes}
        context = self.get_context_data(form=form, locked_message=message)
        return self.render_to_response(context, status=TOO_MANY_REQUESTS)


class LogoutView(auth_views.LogoutView):
    """Log out by POST only: Django answers GET with 405, so a link or an image cannot log anyone out."""

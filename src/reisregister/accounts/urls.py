"""``/accounts/login/``, ``/accounts/logout/`` (POST) and ``/accounts/wachtwoord/<uid>/<token>/``, where an
invited user chooses a password. The members screen has its own URLs in the work area (``member_urls``)."""

from __future__ import annotations

from django.urls import path

from reisregister.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set-password"),
]

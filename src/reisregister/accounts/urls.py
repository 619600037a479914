"""``/accounts/login/`` and ``/accounts/logout/`` (POST)."""

from __future__ import annotations

from django.urls import path

from reisregister.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
]

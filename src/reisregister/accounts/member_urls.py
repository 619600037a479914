"""The members screen in the work area, mounted at /werk/organisatie/. URL names are a contract other apps use."""

from __future__ import annotations

from django.urls import URLPattern, path

from reisregister.accounts import member_views as views

app_name = "members"
urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("<str:tooi_code>/leden/", views.member_list, name="list"),
    path("<str:tooi_code>/leden/toevoegen/", views.add, name="add"),
    path("<str:tooi_code>/leden/uitnodigen/", views.invite, name="invite"),
    path("<str:tooi_code>/leden/<int:user_id>/rol/", views.change_role, name="role"),
    path("<str:tooi_code>/leden/<int:user_id>/verwijderen/", views.remove, name="remove"),
    path("<str:tooi_code>/leden/<int:user_id>/uitnodiging/", views.resend, name="resend"),
]

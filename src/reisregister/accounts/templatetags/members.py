"""``{% members_url user as url %}``: where the header's "Members" link goes, or "" for a user who administers
no organisation (the link is for admins only)."""

from __future__ import annotations

from django import template
from django.urls import reverse

from reisregister.accounts import service as accounts
from reisregister.accounts.models import Role, User

register = template.Library()


@register.simple_tag
def members_url(user: object) -> str:
    if not isinstance(user, User) or not accounts.organisations_for(user, Role.ADMIN).exists():
        return ""
    return reverse("members:index")

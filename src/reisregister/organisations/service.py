"""Organisations: look-ups by TOOI code and the home city used for distances and destinations."""

from __future__ import annotations

from django.utils.text import slugify

from reisregister.organisations.models import Organisation, OrganisationKind


class UnknownOrganisation(LookupError):
    pass


def by_code(code: str) -> Organisation:
    """The organisation with this TOOI code (``gm0518``) or slug; UnknownOrganisation otherwise."""
    found = (
        Organisation.objects.filter(tooi_code__iexact=code).first()
        or Organisation.objects.filter(slug=code).first()
    )
    if found is None:
        raise UnknownOrganisation(code)
    return found


def ensure(
    name: str, tooi_code: str, *, kind: str = OrganisationKind.MUNICIPALITY, home_city: str = ""
) -> Organisation:
    """Create the organisation if it does not exist yet (idempotent; used by the demo and by tests)."""
    organisation, _ = Organisation.objects.get_or_create(
        tooi_code=tooi_code,
        defaults={"name": name, "kind": kind, "slug": slugify(name), "home_city": home_city},
    )
    return organisation

"""Absolute addresses in API responses: under PUBLIC_URL, the register's address as the public knows it (the
API may be reached through a proxy whose host name the application cannot see)."""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse


def absolute(path: str) -> str:
    return f"{settings.PUBLIC_URL}{path}"


def url(name: str, *args: object, query: dict[str, str] | None = None) -> str:
    address = absolute(reverse(name, args=args))
    if query:
        params = QueryDict(mutable=True)
        params.update({key: value for key, value in query.items() if value})
        address += f"?{params.urlencode()}" if params else ""
    return address


def with_params(path: str, params: QueryDict, **changes: object) -> str:
    """``path`` with the request's query, some parameters changed (None removes one)."""
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return absolute(f"{path}?{encoded}" if encoded else path)

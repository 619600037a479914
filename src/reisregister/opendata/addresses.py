"""Absolute addresses for data that leaves the site: exports, the feed and the schema need them, and a file on
someone's disk has no page to be relative to. The base is ``settings.PUBLIC_URL``."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, reverse

_MARKER = 918273645


def absolute(path: str) -> str:
    return _base() + path


def trip_url(trip_id: int) -> str:
    prefix, suffix = _trip_url_parts(_base(), get_script_prefix())
    return f"{prefix}{trip_id}{suffix}"


def host() -> str:
    """The public host name without port (the authority of tag: URIs)."""
    return urlsplit(_base()).hostname or "localhost"


def _base() -> str:
    return str(getattr(settings, "PUBLIC_URL", "http://127.0.0.1:8000")).rstrip("/")


@lru_cache(maxsize=16)
def _trip_url_parts(base: str, script_prefix: str) -> tuple[str, str]:
    # reverse() costs about a fifth of a millisecond, and an export asks for 100,000 addresses: resolve the
    # pattern once per base and split it around a marker id.
    prefix, suffix = reverse("publication:trip-detail", args=[_MARKER]).split(str(_MARKER))
    return base + prefix, suffix

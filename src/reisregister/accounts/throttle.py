"""Login throttling: count failed logins per user name and per client address in Django's cache.

``settings.LOGIN_FAILURE_LIMIT`` failures for one user name, or from one address, within
``settings.LOGIN_FAILURE_WINDOW`` seconds lock further attempts until the window has passed. The lock applies
to user names that do not exist just the same, so the answer never tells whether an account exists.
A successful login clears both counters.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_PREFIX = "reisregister:login-failures"


def client_address(request: HttpRequest) -> str:
    """The address the request came from. Behind a reverse proxy, ``LOGIN_CLIENT_ADDRESS_HEADER`` names the
    header the proxy sets (``HTTP_X_FORWARDED_FOR``); its last entry is the one the proxy itself saw, so a
    client cannot choose its own address by sending that header."""
    header = getattr(settings, "LOGIN_CLIENT_ADDRESS_HEADER", "")
    if header:
        forwarded = str(request.META.get(header, ""))
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


def _keys(username: str, address: str) -> list[str]:
    # Hash the user name: cache keys must be short and free of spaces and control characters.
    name = hashlib.sha256(username.strip().casefold().encode("utf-8")).hexdigest()
    return [f"{_PREFIX}:user:{name}", f"{_PREFIX}:address:{address}"]


def is_locked(username: str, address: str) -> bool:
    """Whether further attempts for this user name or from this address are refused for now."""
    counts = cache.get_many(_keys(username, address))
    return any(count >= settings.LOGIN_FAILURE_LIMIT for count in counts.values())


def record_failure(username: str, address: str) -> None:
    """Count one failed attempt. The window starts at the first failure and is not extended by later ones."""
    for key in _keys(username, address):
        # add() is a no-op when the key exists, so the first failure fixes the window's end.
        if not cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW):
            try:
                cache.incr(key)
            except ValueError:
                # The key expired between add() and incr(): this failure opens a new window.
                cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)


def reset(username: str, address: str) -> None:
    """Forget the failures of this user name and address (after a successful login). Clearing the address
    too keeps an office behind one shared address from locking itself out with a day's typing errors; the
    per-user-name limit still caps the guesses at any one account."""
    cache.delete_many(_keys(username, address))

"""Login throttling: count failed logins per (user name, client address) and per client address in Django's cache.

Two counters, both over ``settings.LOGIN_FAILURE_WINDOW`` seconds from their first failure:

- ``settings.LOGIN_FAILURE_LIMIT`` failures (default 5) for one user name *from one address* lock further attempts
  for that user name from that address. Someone guessing at an account is stopped; the same person logging in
  from elsewhere, and colleagues behind the same proxy or NAT with other user names, are not.
- ``settings.LOGIN_ADDRESS_FAILURE_LIMIT`` failures (default 50) from one address, whatever the user names, lock
  every attempt from that address: the ceiling against spraying one password over many user names. It is much
  higher than the first, so one office behind a shared address does not lock itself out with typing errors.

The locks apply to user names that do not exist just the same, so the answer never tells whether an account
exists. A successful login clears its own (user name, address) counter, but not the address's: otherwise an
attacker holding one valid account could log in between rounds of guesses and spray without limit.
"""

from __future__ import annotations

import enum
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_PREFIX = "reisregister:login-failures"
DEFAULT_ADDRESS_LIMIT = 50


class Lock(enum.Enum):
    """Why attempts are refused for now."""

    USER_NAME = "user-name"  # too many failures for this user name from this address
    ADDRESS = "address"  # too many failures from this address, for any user names


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


def address_limit() -> int:
    """The per-address ceiling; never below the per-user-name limit, which would make that one meaningless."""
    limit = int(getattr(settings, "LOGIN_ADDRESS_FAILURE_LIMIT", DEFAULT_ADDRESS_LIMIT))
    return max(limit, settings.LOGIN_FAILURE_LIMIT)


def _pair_key(username: str, address: str) -> str:
    # Hash: cache keys must be short and free of spaces and control characters. The NUL cannot occur in either
    # part, so ("a", "bc") and ("ab", "c") stay apart.
    pair = f"{username.strip().casefold()}\0{address}"
    return f"{_PREFIX}:pair:{hashlib.sha256(pair.encode('utf-8')).hexdigest()}"


def _address_key(address: str) -> str:
    return f"{_PREFIX}:address:{hashlib.sha256(address.encode('utf-8')).hexdigest()}"


def lock(username: str, address: str) -> Lock | None:
    """Why further attempts for this user name from this address are refused for now, or None."""
    pair, whole = _pair_key(username, address), _address_key(address)
    counts = cache.get_many([pair, whole])
    if counts.get(whole, 0) >= address_limit():
        return Lock.ADDRESS
    if counts.get(pair, 0) >= settings.LOGIN_FAILURE_LIMIT:
        return Lock.USER_NAME
    return None


def record_failure(username: str, address: str) -> None:
    """Count one failed attempt. The window starts at the first failure and is not extended by later ones."""
    for key in (_pair_key(username, address), _address_key(address)):
        # add() is a no-op when the key exists, so the first failure fixes the window's end.
        if not cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW):
            try:
                cache.incr(key)
            except ValueError:
                # The key expired between add() and incr(): this failure opens a new window.
                cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)


def reset(username: str, address: str) -> None:
    """Forget the failures of this user name from this address (after a successful login). The address's own
    count stays until its window ends (see the module's docstring)."""
    cache.delete(_pair_key(username, address))

"""Typed helpers to read settings from environment variables, with safe development defaults.

Every variable is documented in docs/configuration.md. Values that are unsafe in production are refused there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    """A string; ``<NAME>_FILE`` may point at a file holding the value (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str, base_dir: Path) -> dict[str, Any]:
    """``sqlite:///relative/or/absolute/path`` or ``postgres://user:password@host:port/name``."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        raw = unquote(parts.path)
        # sqlite:///var/db.sqlite3 is relative to the project; sqlite:////abs/path is absolute.
        path = Path(raw[1:]) if raw.startswith("/") else Path(raw)
        if not path.is_absolute():
            path = base_dir / path
        # The default database lives in ./var; create the folder so a fresh checkout needs no set-up.
        path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            # WAL lets readers work during writes; synchronous=NORMAL is safe with WAL and halves commit cost.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:// or postgres://, got {parts.scheme!r}"
    )


DEV_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"


ENVIRONMENTS = ("development", "production")


def environment(raw: str) -> str:
    """``development`` or ``production``, in any case. Anything else is refused rather than guessed: a
    "staging" or "Prod" that silently ran with DEBUG and the development key would be the worst reading."""
    value = raw.strip().lower()
    if value not in ENVIRONMENTS:
        raise ImproperlyConfigured(
            f"REISREGISTER_ENV must be development or production, got {raw!r} "
            "(a staging or acceptance site runs as production)"
        )
    return value


def check_production(settings: dict[str, Any]) -> None:
    """Refuse to start in production with settings that are only safe on a developer's machine."""
    problems = []
    if settings["DEBUG"]:
        problems.append("DEBUG must be false")
    key = settings["SECRET_KEY"]
    if not key or key == DEV_SECRET_KEY or len(key) < 40:
        problems.append("SECRET_KEY must be set to a random value of at least 40 characters")
    hosts = settings["ALLOWED_HOSTS"]
    if not hosts or "*" in hosts:
        problems.append("ALLOWED_HOSTS must list the host names the site is served on")
    # Behind a proxy that ends TLS the cookies must still be secure: the browser talks HTTPS to the proxy.
    insecure = [n for n in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE") if not settings.get(n)]
    if insecure:
        problems.append(" and ".join(insecure) + " must be true")
    if problems:
        raise ImproperlyConfigured("unsafe production settings: " + "; ".join(problems))

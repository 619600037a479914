"""Settings come from the environment; production refuses values that are only safe on a developer's machine.

Each case starts a fresh interpreter: settings are read once per process, at ``django.setup()``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STRONG_KEY = "k3y-" + "x7Qp9vRz2LmN4tWb8YcH6dFs1JgK5aE0uI3oP" * 2
SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: getattr(s, k, None) for k in ("
    "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', "
    "'SECURE_HSTS_SECONDS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'SESSION_COOKIE_SAMESITE')}))"
)


def _start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "REISREGISTER_ENV")
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="reisregister.settings",
        REISREGISTER_HOME=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    lines = [line for line in result.stderr.splitlines() if "ImproperlyConfigured" in line]
    assert lines, result.stderr
    return lines[-1]


def _production(**env: str) -> dict[str, str]:
    values = {
        "REISREGISTER_ENV": "production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "reisregister.example",
    }
    values.update(env)
    return values


def test_development_needs_no_configuration(tmp_path: Path) -> None:
    result = _start(tmp_path)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["DEBUG"] is True


def test_production_starts_with_safe_values_and_secure_cookies(tmp_path: Path) -> None:
    result = _start(tmp_path, **_production())

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["DEBUG"] is False
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True
    assert shown["SESSION_COOKIE_HTTPONLY"] is True
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SECURE_HSTS_SECONDS"] >= 31536000
    assert shown["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert shown["X_FRAME_OPTIONS"] == "DENY"


def test_cookies_are_secure_whenever_debug_is_off(tmp_path: Path) -> None:
    result = _start(tmp_path, DEBUG="false")

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True


@pytest.mark.parametrize(
    "key", ["", "short-but-set", "development-only-secret-key-do-not-use-in-production"]
)
def test_production_refuses_a_missing_or_weak_secret_key(tmp_path: Path, key: str) -> None:
    line = _error_line(_start(tmp_path, **_production(SECRET_KEY=key)))

    assert "SECRET_KEY must be set" in line


def test_production_refuses_debug(tmp_path: Path) -> None:
    line = _error_line(_start(tmp_path, **_production(DEBUG="true")))

    assert "DEBUG must be false" in line


@pytest.mark.parametrize("hosts", ["", "*"])
def test_production_refuses_missing_allowed_hosts(tmp_path: Path, hosts: str) -> None:
    line = _error_line(_start(tmp_path, **_production(ALLOWED_HOSTS=hosts)))

    assert "ALLOWED_HOSTS must list" in line


def test_production_names_every_problem_on_one_line(tmp_path: Path) -> None:
    line = _error_line(_start(tmp_path, REISREGISTER_ENV="production", DEBUG="true"))

    assert "DEBUG" in line
    assert "SECRET_KEY" in line
    assert "ALLOWED_HOSTS" in line


@pytest.mark.parametrize("name", ["staging", "prod", "acceptatie"])
def test_an_unknown_environment_is_refused_rather_than_run_as_development(
    tmp_path: Path, name: str
) -> None:
    line = _error_line(_start(tmp_path, REISREGISTER_ENV=name))

    assert "REISREGISTER_ENV must be development or production" in line


def test_the_environment_name_is_read_in_any_case(tmp_path: Path) -> None:
    result = _start(tmp_path, **_production(REISREGISTER_ENV="Production"))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["DEBUG"] is False


@pytest.mark.parametrize("name", ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"])
def test_production_refuses_cookies_that_travel_unencrypted(tmp_path: Path, name: str) -> None:
    line = _error_line(_start(tmp_path, **_production(**{name: "false"})))

    assert f"{name} must be true" in line


def test_a_malformed_boolean_is_refused(tmp_path: Path) -> None:
    line = _error_line(_start(tmp_path, DEBUG="maybe"))

    assert "DEBUG must be true or false" in line


def test_redis_url_gives_every_process_one_shared_cache(tmp_path: Path) -> None:
    # Several gunicorn workers share the login limit and the public page cache only through Redis.
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
    except OSError:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "Redis is not reachable at 127.0.0.1:6379; CI must provide it", pytrace=False
            )
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "reisregister.settings",
               "REISREGISTER_HOME": str(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/14"}  # fmt: skip
    code = (
        "import django, sys; django.setup(); from django.core.cache import cache; "
        "cache.set('reisregister-test', sys.argv[1], 30) if sys.argv[1] else None; "
        "from django.core.cache import caches; "
        "print(type(caches['default']).__name__, cache.get('reisregister-test'))"
    )
    run = [sys.executable, "-c", code]
    write = subprocess.run(
        [*run, "gedeeld"], env=environ, capture_output=True, text=True, timeout=60, check=False
    )
    read = subprocess.run(
        [*run, ""], env=environ, capture_output=True, text=True, timeout=60, check=False
    )
    assert write.returncode == 0, write.stderr
    assert read.stdout.split() == ["RedisCache", "gedeeld"], read.stderr

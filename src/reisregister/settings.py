"""Django settings, all from environment variables (see docs/configuration.md).

``REISREGISTER_ENV=production`` switches on the production checks: no DEBUG, a real SECRET_KEY, explicit
ALLOWED_HOSTS, secure cookies. The default is ``development``, which needs no configuration at all.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from reisregister.conf import (
    DEV_SECRET_KEY,
    check_production,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    environment,
)

PACKAGE_DIR = Path(__file__).resolve().parent
# Where the database, uploads and collected static files live by default: ./var of the working directory.
BASE_DIR = Path(env_str("REISREGISTER_HOME", str(Path.cwd()))).resolve()
VAR_DIR = BASE_DIR / "var"

ENVIRONMENT = environment(env_str("REISREGISTER_ENV", "development"))
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", "sqlite:///var/reisregister.sqlite3"), BASE_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "reisregister.accounts",
    "reisregister.organisations",
    "reisregister.trips",
    "reisregister.followups",
    "reisregister.ingest",
    "reisregister.search",
    "reisregister.publication",
    "reisregister.redaction",
    "reisregister.opendata",
    "reisregister.api",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "reisregister.urls"
WSGI_APPLICATION = "reisregister.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ]
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "trips:dashboard"
LOGOUT_REDIRECT_URL = "publication:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling: this many failures for one user name from one address within the window lock that pair
# (colleagues behind the same NAT can still log in); the address limit stops one password tried on many accounts.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 50)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60)
# Behind a reverse proxy, the header that carries the client's address (e.g. X-Forwarded-For); empty: REMOTE_ADDR.
LOGIN_CLIENT_ADDRESS_HEADER = env_str("LOGIN_CLIENT_ADDRESS_HEADER", "")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded documents: the parser's own limit applies too (REISPARSE_MAX_BYTES).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 50 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Outside production static files come straight from the source folders; production runs collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if not PRODUCTION
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "reisregister@localhost")

# Cookies and headers: strict whenever DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_str("LOG_LEVEL", "INFO" if PRODUCTION else "WARNING"),
    },
}

# Publication (issue 4): where the register is reachable from outside (feeds, sitemaps, DiWoo metadata and the
# API need absolute addresses), the licence of the open data, and whose names stay unredacted.
PUBLIC_URL = env_str("REISREGISTER_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
DATA_LICENCE = env_str("REISREGISTER_DATA_LICENCE", "CC0-1.0")
KEEP_SPEAKER_NAMES = env_bool("REISREGISTER_KEEP_SPEAKER_NAMES", True)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Integration tokens only (docs/decisions/0005): no session authentication, so no CSRF on the API.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "reisregister.api.authentication.IntegrationTokenAuthentication"
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": [
        "reisregister.api.throttling.PublicRateThrottle",
        "reisregister.api.throttling.IntegrationRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "120/min"),
        "integration": env_str("API_THROTTLE_INTEGRATION", "600/min"),
    },
    "UNAUTHENTICATED_USER": None,
    # Every error as an RFC 9457 problem detail (application/problem+json).
    "EXCEPTION_HANDLER": "reisregister.api.problems.handle",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Reisregister API",
    "DESCRIPTION": "Published official trips of public bodies, redacted under the Woo; write access for "
    "integrations of an organisation. Errors are RFC 9457 problem details. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Separate request and response components: read-only fields never appear in a request body.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "TAGS": [
        {
            "name": "published register",
            "description": "Public, read-only: published trips only, redacted.",
        },
        {
            "name": "integrations",
            "description": "Write access with an integration token of one organisation.",
        },
        {"name": "problems", "description": "The problem types of the error responses."},
    ],
}

if PRODUCTION:
    check_production(globals())

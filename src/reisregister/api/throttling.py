"""Rate limits: the "anon" rate per client address for requests without a token, the "integration" rate per
token for requests with one (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]). A request over the limit gets a 429
problem with Retry-After.

The rate is read when a request comes in, not when the class is defined, so changed settings (tests, a
reloaded configuration) take effect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from reisregister.api.authentication import token_of

if TYPE_CHECKING:  # rest_framework.views imports this module through its settings
    from rest_framework.views import APIView


def _rate(scope: str) -> str | None:
    rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope)
    return str(rate) if rate else None


class PublicRateThrottle(AnonRateThrottle):
    scope = "anon"

    def get_rate(self) -> str | None:
        return _rate(self.scope)


class IntegrationRateThrottle(SimpleRateThrottle):
    scope = "integration"

    def get_rate(self) -> str | None:
        return _rate(self.scope)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        token = token_of(request)
        if token is None:
            return None  # anonymous: PublicRateThrottle counts it
        return self.cache_format % {"scope": self.scope, "ident": token.pk}

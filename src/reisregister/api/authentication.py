"""``Authorization: Bearer <key>`` (or ``Token <key>``): the integration token's technical user becomes
``request.user`` and the token ``request.auth``. Without the header a request is anonymous (the public
endpoints need none); a header with an unknown or switched-off key is a 401, never silently anonymous."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from reisregister.accounts.models import User
from reisregister.api import tokens
from reisregister.api.models import IntegrationToken

KEYWORDS = (b"bearer", b"token")


class IntegrationTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, IntegrationToken] | None:
        words = get_authorization_header(request).split()
        if not words or words[0].lower() not in KEYWORDS:
            return None
        if len(words) != 2:
            raise AuthenticationFailed(_("Give the key after “Bearer”, without spaces."))
        try:
            key = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("The key is not known or was switched off.")) from None
        token = tokens.authenticate(key)
        if token is None:
            raise AuthenticationFailed(_("The key is not known or was switched off."))
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes REST framework answer 401 (with this challenge) rather than 403 to a request without a key.
        return 'Bearer realm="reisregister"'


def token_of(request: Request) -> IntegrationToken | None:
    return request.auth if isinstance(request.auth, IntegrationToken) else None

"""The OpenAPI schema at /api/v1/schema/ (YAML; ``?format=json`` or ``Accept: application/vnd.oai.openapi+json``
for JSON): the same document as docs/api/openapi.yaml, always in English."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView


@extend_schema(exclude=True)
class SchemaView(SpectacularAPIView):
    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            # Rendered inside the block: the descriptions are lazy translations.
            render = getattr(response, "render", None)
            if render is not None:
                render()
        return response

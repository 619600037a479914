"""Write the OpenAPI schema of the REST API (drf-spectacular, generated from the views) to docs/api/openapi.yaml.

CI regenerates it in tests/api/test_openapi_schema.py and fails when the committed file differs; run this
script after changing the API and commit the result. The schema is generated in English (its descriptions are
translatable strings) and is validated against the OpenAPI 3.0 meta-schema first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parent.parent / "docs" / "api" / "openapi.yaml"


def schema() -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reisregister.settings")
    import django

    django.setup()
    from django.utils import translation
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    with translation.override("en"):
        generated: dict[str, Any] = SchemaGenerator().get_schema(  # type: ignore[no-untyped-call]
            request=None, public=True
        )
    validate_schema(generated)  # type: ignore[no-untyped-call]
    return generated


def render() -> str:
    generated = schema()
    from drf_spectacular.renderers import OpenApiYamlRenderer

    text: bytes = OpenApiYamlRenderer().render(generated, renderer_context={})  # type: ignore[no-untyped-call]
    return text.decode("utf-8")


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()

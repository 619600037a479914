"""Serializer fields whose OpenAPI description differs from drf-spectacular's default."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

# A time of day as reports state it, without a zone: "09:30" or "09:30:00". (OpenAPI's "time" format is RFC
# 3339's full-time, which requires a zone offset.)
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$"


@extend_schema_field({"type": "string", "pattern": TIME_PATTERN, "example": "09:30:00"})
class LocalTimeField(serializers.TimeField):
    pass

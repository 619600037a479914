"""Source documents: the files trips were imported from, with what the parser made of them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _upload_to(instance: SourceDocument, filename: str) -> str:
    # Content-addressed: the same bytes are stored once per organisation, whatever their name.
    return f"sources/{instance.organisation_id}/{instance.sha256[:2]}/{instance.sha256}"


class SourceDocument(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("organisation"),
    )
    file = models.FileField(_("file"), upload_to=_upload_to, max_length=300)
    original_filename = models.CharField(_("file name"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    media_type = models.CharField(_("media type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    ocr = models.BooleanField(_("read with OCR"), default=False)
    parser_output = models.JSONField(
        _("parser output"), default=list, help_text=_("The reisparse.report/1 objects.")
    )
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "sha256"], name="one_document_per_content"
            )
        ]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.original_filename or self.sha256[:12]

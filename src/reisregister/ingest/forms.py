"""The upload form: one or many documents for one of the user's organisations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reisregister.organisations.models import Organisation

# What the parser reads; it decides by the bytes, this only helps the browser's file picker.
ACCEPT = ".pdf,.docx,.html,.htm,.txt,.md,.markdown,.tif,.tiff,.png,.jpg,.jpeg"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; an empty one is let through (``allow_empty_file``) so that it fails on its own line of
    the results instead of rejecting the whole selection."""

    widget = MultipleFileInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [f for f in files if f]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    documents = MultipleFileField(
        label=_("Documents"),
        help_text=_(
            "PDF, Word (DOCX), web page (HTML), text, Markdown or a scan (TIFF, PNG, JPEG)."
        ),
        error_messages={"required": _("Choose at least one document.")},
        widget=MultipleFileInput(attrs={"accept": ACCEPT, "class": "upload__input"}),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations

    def clean_documents(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["documents"]
        limit = settings.UPLOAD_MAX_BYTES
        too_large = [f.name or "" for f in files if (f.size or 0) > limit]
        if too_large:
            raise forms.ValidationError(
                gettext("Larger than %(limit)s: %(files)s. Leave these out or make them smaller.")
                % {"limit": filesizeformat(limit), "files": ", ".join(too_large)},
                code="too_large",
            )
        return files

"""Forms of the members screen. They check the shape of what was typed; ``accounts.service`` checks the rules
(who may do this, whether the user exists, the last administrator) and its errors are added to these forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from reisregister.accounts.models import Role, User

ROLE_HELP = _(
    "Editors write and import trip reports; reviewers also check, redact and publish them; "
    "administrators can also manage the members."
)


def _role_field(**kwargs: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Role"), choices=Role.choices, coerce=Role, initial=Role.EDITOR, **kwargs
    )


class AddMemberForm(forms.Form):
    """An existing user, by user name or e-mail address."""

    identifier = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        error_messages={"required": _("Give a user name or an e-mail address.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    role = _role_field(help_text=ROLE_HELP)


class InviteForm(forms.Form):
    """Someone without an account: a new user, who chooses a password through the e-mailed link."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[User.username_validator],
        help_text=_("What the person logs in with: letters, digits and @ . + - _ only."),
        error_messages={"required": _("Choose a user name.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The link to choose a password is sent here."),
        error_messages={
            "required": _("Give an e-mail address: the invitation is sent there."),
            "invalid": _("This is not an e-mail address. Write it like name@example.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "size": "40"}),
    )
    role = _role_field(help_text=ROLE_HELP)


class RoleForm(forms.Form):
    """One member's role, in the list of members."""

    role = _role_field()

"""Submit a rendered form the way a browser without JavaScript would: every field with its current value.

``fields_of(html)`` reads the inputs, selects and textareas of one <form> (not those inside <template>,
which only JavaScript uses), so tests change a few values and post the rest unchanged.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import Client

from reisregister.accounts.models import User
from reisregister.trips.models import Trip
from tests.register.conftest import client_for

Fields = dict[str, list[str]]


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.template_depth = 0
        self.fields: Fields = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and (self.form_id is None or a.get("id") == self.form_id):
            self.in_form = True
        if tag == "template":
            self.template_depth += 1
        if not self.in_form or self.template_depth or "disabled" in a:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
                return
            self._add(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select:
            value = a.get("value")
            self._option = value
            if self._select_first is None:
                self._select_first = value if value is not None else ""
            if "selected" in a:
                self._add(self._select, value or "")
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.template_depth -= 1
        elif tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # Browsers drop the one newline that follows <textarea>.
            text = "".join(self._text)
            self._add(self._textarea, text[1:] if text.startswith("\n") else text)
            self._textarea = None


def fields_of(html: str | bytes, form_id: str | None = "trip-form") -> Fields:
    reader = _FormReader(form_id)
    reader.feed(html.decode() if isinstance(html, bytes) else html)
    return reader.fields


def as_post(
    fields: Fields, changes: dict[str, str | list[str]] | None = None, *, drop: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    """The fields with some values replaced (``changes``) and some left out (``drop``: an unticked box)."""
    data = {name: list(values) for name, values in fields.items() if name not in drop}
    for name, value in (changes or {}).items():
        data[name] = value if isinstance(value, list) else [value]
    return data


def english_client(user: User) -> Client:
    """A signed-in client that asks for English pages, so tests read the source strings whatever the
    Dutch translations say."""
    client = client_for(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


NEW_TRIP = "/werk/trips/new/"


def post_new_trip(
    client: Client, changes: dict[str, str | list[str]]
) -> tuple[int, str, Trip | None]:
    """Fill in the new-trip form as rendered, with ``changes``, and submit it: (status, page, newest trip)."""
    response = client.post(NEW_TRIP, as_post(fields_of(client.get(NEW_TRIP).content), changes))
    return response.status_code, response.content.decode(), Trip.objects.order_by("-pk").first()

"""The identity form: only the fields the chosen brokers need, each with its own inline error.

Errors say what a field accepts and never repeat what was typed (it is personal). The result is
validated by the same pydantic model as profile files, so the TUI cannot store what a file may not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from broker_catalog import patterns
from broker_catalog.schema import US_STATES, IdentityField
from exposure.app.letter_targets import OPTIONAL_FIELDS
from exposure.profile.model import CONTROL_MESSAGE, Address, Identity
from exposure.tui.i18n import _

_ZIP = patterns.ZIP_RE
_PHONE = patterns.PHONE_RE
_EMAIL = patterns.EMAIL_RE
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# input id -> (label, check); a check returns an error message or None.
Check = Callable[[str], str | None]


def _required(text: str) -> str | None:
    return _("Required for the brokers you chose.") if not text else None


def _zip(text: str) -> str | None:
    return None if _ZIP.match(text) else _("Five digits, or ZIP+4 like 12345-6789.")


def _phone(text: str) -> str | None:
    return (
        None if _PHONE.match(text) else _("Digits, spaces and + ( ) - only, e.g. +1 512 555 0100.")
    )


def _email(text: str) -> str | None:
    return None if _EMAIL.match(text) else _("An e-mail address like name@example.org.")


def _date(text: str) -> str | None:
    if not _ISO_DATE.fullmatch(text):
        return _("A date written YYYY-MM-DD, e.g. 1990-04-01.")
    try:
        born = dt.date.fromisoformat(text)
    except ValueError:  # written right, but there is no such day (1988-02-30)
        return _("That date does not exist: check the day and the month.")
    return _("That date is in the future.") if born > dt.date.today() else None


def _optional(text: str) -> str | None:
    return None


FIELDS: dict[str, tuple[str, Check]] = {
    "full_name": (_("Full name"), _required),
    "former_names": (_("Former names (optional; separate with commas)"), _optional),
    "line1": (_("Street and number"), _required),
    "line2": (_("Apartment, unit (optional)"), _optional),
    "city": (_("City"), _required),
    "postal_code": (_("ZIP code"), _zip),
    "email": (_("E-mail"), _email),
    "phone": (_("Phone"), _phone),
    "date_of_birth": (_("Date of birth (YYYY-MM-DD)"), _date),
}
INPUTS: dict[IdentityField, tuple[str, ...]] = {
    IdentityField.FULL_NAME: ("full_name",),
    IdentityField.FORMER_NAMES: ("former_names",),
    IdentityField.POSTAL_ADDRESS: ("line1", "line2", "city", "postal_code"),
    IdentityField.EMAIL: ("email",),
    IdentityField.PHONE: ("phone",),
    IdentityField.DATE_OF_BIRTH: ("date_of_birth",),
}


def _initial(identity: Identity) -> dict[str, str]:
    current = next((a for a in identity.addresses if a.current), None)
    return {
        "full_name": identity.full_name or "",
        "former_names": ", ".join(identity.former_names),
        "line1": current.lines[0] if current else "",
        "line2": ", ".join(current.lines[1:]) if current else "",
        "city": current.city if current else "",
        "state": current.state if current else "",
        "postal_code": current.postal_code if current else "",
        "email": identity.emails[0] if identity.emails else "",
        "phone": identity.phones[0] if identity.phones else "",
        "date_of_birth": identity.date_of_birth.isoformat() if identity.date_of_birth else "",
    }


class IdentityForm(Vertical):
    """Call :meth:`collect` to validate; it returns the merged identity or None."""

    DEFAULT_CSS = """
    IdentityForm {
        height: auto;
        Input { width: 60; max-width: 100%; }
        Select { width: 24; }
        .field-error { color: $text-error; height: auto; display: none; }
        .hint { color: $text-muted; }
    }
    """

    def __init__(
        self, fields: list[IdentityField], identity: Identity | None, state: str | None = None
    ) -> None:
        """``state``: the state answered in the questions, the address's until one is saved."""
        super().__init__(id="identity-form")
        self.fields = fields
        self.identity = identity or Identity()
        self._values = _initial(self.identity)
        if not self._values["state"] and state in US_STATES:
            self._values["state"] = state or ""

    def compose(self) -> ComposeResult:
        if not self.fields:
            yield Static(
                _(
                    "These brokers need nothing you type here: any number they ask for gets a "
                    "blank line on the printed letter. Press Ctrl+N."
                ),
                classes="hint",
            )
        for field in self.fields:
            for name in INPUTS[field]:
                label, _check = FIELDS[name]
                optional = field in OPTIONAL_FIELDS or name == "line2"
                yield Label(label if optional else f"{label} *", classes="field-label")
                yield Input(self._values[name], id=f"id-{name}")
                yield Static("", id=f"err-{name}", classes="field-error")
                if name == "city":
                    yield Label(_("State") + " *", classes="field-label")
                    states = [(code, code) for code in sorted(US_STATES)]
                    value = self._values["state"] or Select.NULL
                    yield Select(states, value=value, id="id-state", prompt=_("choose"))
                    yield Static("", id="err-state", classes="field-error")

    def changed(self) -> bool:
        """True when something typed here differs from the details the form started with."""
        if any(i.value.strip() != self._values[(i.id or "")[3:]] for i in self.query(Input)):
            return True
        states = self.query("#id-state").results(Select)
        return any(
            (s.value if isinstance(s.value, str) else "") != self._values["state"] for s in states
        )

    def _text(self, name: str) -> str:
        return self.query_one(f"#id-{name}", Input).value.strip()

    def collect(self) -> Identity | None:
        """Check every shown field, show inline errors, and return the identity if all fit."""
        ok = True
        names = [n for f in self.fields for n in INPUTS[f]]
        for name in names:
            text = self._text(name)
            _label, check = FIELDS[name]
            optional = name in ("former_names", "line2")
            problem = None if optional and not text else (_required(text) or check(text))
            self._error(name, problem)
            ok = ok and problem is None
        state = None
        if IdentityField.POSTAL_ADDRESS in self.fields:
            value = self.query_one("#id-state", Select).value
            state = value if isinstance(value, str) else None
            problem = None if state else _("Choose the state of this address.")
            self._error("state", problem)
            ok = ok and problem is None
        if not ok:
            self._focus_first_error(names)
            return None
        return self._merged(state)

    def _focus_first_error(self, names: list[str]) -> None:
        """Put the cursor in the first field in error, in the form's order (the state last
        among the address fields, after the city)."""
        order = [n for name in names for n in ([name, "state"] if name == "city" else [name])]
        for name in order:
            if self.query_one(f"#err-{name}", Static).display:
                widget = self.query_one(f"#id-{name}")
                widget.focus()
                widget.scroll_visible(animate=False)
                return

    def _error(self, name: str, problem: str | None) -> None:
        error = self.query_one(f"#err-{name}", Static)
        error.update(problem or "")
        error.display = problem is not None

    def _merged(self, state: str | None) -> Identity | None:
        """The old identity with the shown fields replaced; unshown ones are kept as they were."""
        old = self.identity
        update: dict[str, object] = {}
        for field in self.fields:
            match field:
                case IdentityField.FULL_NAME:
                    update["full_name"] = self._text("full_name")
                case IdentityField.FORMER_NAMES:
                    names = self._text("former_names").split(",")
                    update["former_names"] = [n.strip() for n in names if n.strip()]
                case IdentityField.POSTAL_ADDRESS:
                    lines = [self._text("line1"), *filter(None, [self._text("line2")])]
                    current = {
                        "lines": lines,
                        "city": self._text("city"),
                        "state": state,
                        "postal_code": self._text("postal_code"),
                        "current": True,
                    }
                    past = [a.model_dump() for a in old.addresses if not a.current]
                    update["addresses"] = [current, *past]
                case IdentityField.EMAIL:
                    update["emails"] = [self._text("email"), *old.emails[1:]]
                case IdentityField.PHONE:
                    update["phones"] = [self._text("phone"), *old.phones[1:]]
                case IdentityField.DATE_OF_BIRTH:
                    update["date_of_birth"] = self._text("date_of_birth")
        try:
            data = {**old.model_dump(), **update}
            data["addresses"] = [Address.model_validate(a) for a in data["addresses"]]
            return Identity.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            where = {str(e["loc"][0]) for e in errors}
            broken = {str(e["loc"][0]) for e in errors if CONTROL_MESSAGE in e["msg"]}
            message = _("Some details do not fit: {fields}.").format(
                fields=", ".join(sorted(where))
            )
            if broken:  # name the field and the problem, never the value
                message += " " + _("{fields}: {problem}.").format(
                    fields=", ".join(sorted(broken)), problem=_(CONTROL_MESSAGE)
                )
            self.app.notify(message, severity="error")
            return None

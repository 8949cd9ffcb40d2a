"""Marking a request: an optional note (kept encrypted), and for a denial, the reason given;
for an extension, the new date the broker gave (optional: the law's extension otherwise)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from exposure.ledger.lifecycle import DenialReason, Status
from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _
from exposure.tui.words import REASON_WORDS, STATUS_WORDS


@dataclass(frozen=True)
class MarkChoice:
    note: str | None
    reason: DenialReason | None
    until: dt.date | None


class MarkDialog(Dialog[MarkChoice | None]):
    """Dismisses with the note (and reason or date), or None when the person cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", _("Cancel"))]

    def __init__(self, what: str, status: Status) -> None:
        super().__init__()
        self._what = what
        self._status = status

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(
                _("Mark {what} as {status}").format(
                    what=self._what, status=STATUS_WORDS[self._status]
                ),
                classes="dialog-title",
                markup=False,
            )
            yield Static(
                _(
                    "Dated today. A note is optional and kept encrypted; it never goes into a "
                    "letter."
                ),
                classes="dialog-body",
            )
            if self._status is Status.DENIED:
                yield Label(_("The reason they gave"))
                yield Select(
                    [(REASON_WORDS[r], r) for r in DenialReason],
                    value=DenialReason.NO_MATCH,
                    allow_blank=False,
                    id="reason",
                )
            if self._status is Status.EXTENDED:
                yield Label(_("New deadline they gave, YYYY-MM-DD (empty: the law's extension)"))
                yield Input(id="until", placeholder="YYYY-MM-DD")
            yield Label(_("Note (optional)"))
            yield Input(id="note")
            yield Static("", id="mark-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Mark"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        note = self.query_one("#note", Input).value.strip() or None
        reason: DenialReason | None = None
        until: dt.date | None = None
        if self.query("#reason"):
            chosen = self.query_one("#reason", Select).value
            reason = chosen if isinstance(chosen, DenialReason) else DenialReason.OTHER
        if self.query("#until"):
            text = self.query_one("#until", Input).value.strip()
            if text:
                try:
                    until = dt.date.fromisoformat(text)
                except ValueError:
                    self.query_one("#mark-error", Static).update(
                        _("Type the date as YYYY-MM-DD, or leave it empty.")
                    )
                    return
        self.dismiss(MarkChoice(note, reason, until))

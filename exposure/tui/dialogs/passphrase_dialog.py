"""Asks for the vault passphrase when there is no secure keyring to hold the vault's key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _


class PassphraseDialog(Dialog[str | None]):
    """Dismisses with the typed passphrase, or None when the person cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", _("Cancel")),
    ]

    def __init__(self, prompt: str, note: str = "") -> None:
        super().__init__()
        self._prompt = prompt
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("Vault passphrase"), classes="dialog-title")
            if self._note:
                yield Static(self._note, classes="dialog-body", markup=False)
            yield Static(self._prompt, classes="dialog-body", markup=False)
            yield Input(password=True, id="passphrase", placeholder=_("passphrase"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.dismiss(self.query_one("#passphrase", Input).value)
        else:
            self.dismiss(None)

"""Yes or no, before anything that cannot be undone (wiping the vault, sending e-mail)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _


class ConfirmDialog(Dialog[bool]):
    """Dismisses with True only on an explicit yes; escape and "no" mean no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(False)", _("Cancel")),
        Binding("y", "dismiss(True)", _("Yes"), show=False),
        Binding("n", "dismiss(False)", _("No"), show=False),
    ]

    def __init__(self, title: str, body: str, yes: str, *, no: str | None = None) -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._yes = yes
        self._no = no or _("Cancel")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._body, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._yes, id="yes", variant="error")
                yield Button(self._no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

"""Where to write one file (the calendar, the report): a path, prefilled with a sensible one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _


class PathDialog(Dialog[Path | None]):
    """Dismisses with the chosen file path, or None when the person cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", _("Cancel"))]

    def __init__(self, title: str, body: str, default: Path, suffix: str) -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._default = default
        self._suffix = suffix

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._body, classes="dialog-body", markup=False)
            yield Input(str(self._default), id="path", placeholder=_("file"))
            yield Static("", id="path-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Write"), id="write", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        error = self.query_one("#path-error", Static)
        if not text:
            error.update(_("Type a file name to write to."))
            return
        path = Path(text).expanduser()
        if path.is_dir():
            error.update(_("That is a folder; type a file name in it."))
            return
        if path.suffix.lower() != self._suffix:
            path = path.with_name(path.name + self._suffix)
        self.dismiss(path)

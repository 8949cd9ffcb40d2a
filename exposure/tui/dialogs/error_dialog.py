"""Errors as dialogs, never tracebacks.

A :class:`~broker_catalog.errors.UserFacingError` carries a message written for people, and
that is what is shown. Anything else shows only its type: its text may quote personal data.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from broker_catalog.errors import UserFacingError
from exposure.tui.i18n import _


def describe(error: BaseException | None) -> str:
    if isinstance(error, UserFacingError):
        return error.message
    name = type(error).__name__ if error is not None else "unknown"
    return _(
        "Something unexpected went wrong ({name}). Nothing was sent. Run 'exposure --debug' "
        "from a terminal for details."
    ).format(name=name)


def show_error(app: App[Any], error: BaseException | None, title: str | None = None) -> None:
    app.push_screen(ErrorDialog(title or _("That did not work"), describe(error)))


class ErrorDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss(None)", _("Close")),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box error"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._message, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

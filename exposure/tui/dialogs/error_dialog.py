"""Errors as dialogs, never tracebacks.

A :class:`~broker_catalog.errors.UserFacingError` carries a message written for people, and
that is what is shown. Anything else is said in words from its kind (a full disk, a refused
file, a network failure, no password store): never its text, which may quote personal data, nor
its class name, which means nothing to the person reading.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from broker_catalog.errors import UserFacingError
from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _


def _what(error: BaseException | None) -> str | None:
    """What went wrong, in words, for the kinds of failure a person can do something about."""
    if error is None:
        return None
    module = type(error).__module__.split(".")[0]
    if module in ("keyring", "keyrings", "secretstorage", "jeepney"):
        return _(
            "No password store is available on this computer, or it is locked. Unlock your "
            "desktop session, or save without one: a passphrase is asked instead."
        )
    if isinstance(error, PermissionError):
        return _("The computer refused access to a file or folder (permission denied).")
    if isinstance(error, FileNotFoundError):
        return _("A file or folder it needed was not found.")
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return _("The disk is full.")
    if isinstance(error, TimeoutError):
        return _("The other computer took too long to answer.")
    if isinstance(error, ConnectionError) or module in ("httpx", "httpcore", "smtplib", "ssl"):
        return _("The connection to the other computer failed.")
    if isinstance(error, OSError):
        return _("Reading or writing a file failed.")
    if isinstance(error, MemoryError):
        return _("The computer ran out of memory.")
    return None


def describe(error: BaseException | None) -> str:
    if isinstance(error, UserFacingError):
        return error.message
    what = _what(error)
    if what is not None:
        return what + " " + _("Nothing was sent.")
    return _(
        "Something unexpected went wrong. Nothing was sent. Run 'exposure --debug' from a "
        "terminal for details."
    )


def show_error(app: App[Any], error: BaseException | None, title: str | None = None) -> None:
    app.push_screen(ErrorDialog(title or _("That did not work"), describe(error)))


class ErrorDialog(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss(None)", _("Close")),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
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

"""What every dialog shares: it opens on a clean screen.

Notifications still on screen from before (a "saved" toast, a warning) would sit on top of the
dialog's box and hide its text or buttons, so opening a dialog clears them: what they said
belonged to the screen underneath.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    def __init__(self) -> None:
        super().__init__(classes="dialog")

    @on(events.Mount)
    def _clear_notifications(self) -> None:
        # Textual calls this as well as a subclass's own on_mount (handlers run along the MRO).
        self.app.clear_notifications()
        # Keys typed while the dialog came up are its own (a passphrase typed ahead).
        release = getattr(self.app, "release_keys", None)
        if release is not None:
            release()

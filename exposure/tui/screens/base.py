"""What every journey screen shares: the session, and errors from its workers as dialogs."""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from exposure.tui.session import Session


class JourneyScreen(Screen[None]):
    """A step of the journey. Workers it starts report failures here, not as tracebacks."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @on(events.Mount)
    def _when_mounted(self) -> None:
        # Runs after the screen's own on_mount (Textual calls handlers along the MRO, the
        # subclass first), so its fields exist and have focus: keys typed while it loaded go
        # to it now.
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        release = getattr(self.app, "release_keys", None)
        if release is not None and self.app.screen is self:
            release()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            from exposure.tui.dialogs.error_dialog import show_error  # only when needed

            show_error(self.app, event.worker.error)

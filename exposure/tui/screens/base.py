"""What every journey screen shares: the session, and errors from its workers as dialogs."""

from __future__ import annotations

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from exposure.tui.dialogs.error_dialog import show_error
from exposure.tui.session import Session


class JourneyScreen(Screen[None]):
    """A step of the journey. Workers it starts report failures here, not as tracebacks."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            show_error(self.app, event.worker.error)

"""A footer that draws its key legend once per change, and tells the app when it is on screen.

Textual's footer rebuilds its keys after every change of bindings, and a screen's first moments
change them several times (mounting, focusing a button): each rebuild is queued, and the legend
appeared only after the last of five. Here a change while a rebuild is queued joins it (the
rebuild reads the bindings when it runs, so it shows the latest).

The catalog load that follows the first screen holds the interpreter for a while (unpickling is
one long call), so it waits for the legend: the person sees the whole first screen first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class LegendShown(Message):
    """The footer's keys were painted (sent once per footer)."""


class LegendFooter(Footer):
    _queued = False
    _told = False

    def __init__(self) -> None:
        super().__init__()
        # Keys from the first frame: the footer is composed after its screen, whose bindings
        # are known by then (Textual's footer waits for a change to draw any).
        self.set_reactive(Footer._bindings_ready, True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._queued:
            return
        self._queued = screen.app.app_focus and self.is_attached and screen is self.screen
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        self._queued = False
        await super().recompose()
        if self.children and not self._told:
            self._told = True
            self.call_after_refresh(self.post_message, LegendShown())

"""A light push button for the first screen: focusable, Enter or a click presses it.

Textual's Button brings a large stylesheet of its own (variants, hover, active, borders), and
parsing and applying it made up much of the welcome screen's first frame. The welcome screen's
three choices need only a label, focus and a press; their look is in app.tcss (``.choice``).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static


class Choice(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", show=False)]

    class Pressed(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, label: str, *, id: str, primary: bool = False) -> None:
        super().__init__(
            label, id=id, markup=False, classes="choice -primary" if primary else "choice"
        )

    def action_press(self) -> None:
        self.post_message(self.Pressed(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()

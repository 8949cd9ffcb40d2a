"""Radio buttons, checkboxes and selection lists whose state shows without colour.

Textual draws the same glyph for on and off and tells them apart by colour only, which fails
with NO_COLOR, on a washed-out projector and for colour-blind people. These draw the mark only
when the item is on: ``▐●▌`` chosen, ``▐ ▌`` not.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.selection_list import Selection

T = TypeVar("T")


class MarkedRadioButton(RadioButton):
    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()


class MarkedCheckbox(Checkbox):
    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class MarkedSelectionList(SelectionList[T]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        option = self.get_option_at_index(index) if 0 <= index < self.option_count else None
        if (
            len(segments) > 2
            and segments[0].text == Checkbox.BUTTON_LEFT
            and isinstance(option, Selection)
            and option.value not in self.selected
        ):
            inner = segments[1]
            segments[1] = Segment(" ", inner.style, inner.control)
            return Strip(segments, strip.cell_length)
        return strip

"""Choosing any status that can follow the current one (the less common ones: in progress,
needs verification, follow-up sent, complaint filed, relisted…), from the lifecycle's list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from exposure.ledger.lifecycle import Status
from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _
from exposure.tui.words import STATUS_WORDS


class StatusDialog(Dialog[Status | None]):
    """Dismisses with the chosen status, or None when the person cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", _("Cancel"))]

    def __init__(self, current: Status, allowed: list[Status]) -> None:
        super().__init__()
        self._current = current
        self._allowed = allowed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("What happened?"), classes="dialog-title")
            yield Static(
                _("The request is {status} now. It can become (Enter chooses):").format(
                    status=STATUS_WORDS[self._current]
                ),
                classes="dialog-body",
            )
            yield OptionList(
                *(Option(STATUS_WORDS[s], s.value) for s in self._allowed), id="status-choice"
            )

    def on_mount(self) -> None:
        options = self.query_one("#status-choice", OptionList)
        options.highlighted = 0 if self._allowed else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Status(event.option.id or ""))

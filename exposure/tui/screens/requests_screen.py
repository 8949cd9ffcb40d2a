"""Step 5a, Requests: pick the brokers to write to, pre-selected from the action plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Header, SelectionList, Static
from textual.widgets.selection_list import Selection

from exposure.app.letter_targets import request_candidates
from exposure.engine.targets import letter_targets
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.screens.identity_screen import IdentityScreen
from exposure.tui.session import Session
from exposure.tui.widgets.level import level
from exposure.tui.widgets.toggles import MarkedSelectionList
from exposure.tui.words import ACTION_WORDS


class RequestsScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", _("Next: your details"), priority=True),
        Binding("a", "all", _("All")),
        Binding("n", "none", _("None")),
        Binding("escape", "app.show('dashboard')", _("Dashboard")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        candidates = request_candidates(session.known_audit, session.known_catalog)
        # Brokers the person asked for from a detail page come first, then the plan's.
        self.candidates = list(dict.fromkeys([*session.chosen, *candidates]))
        self.preselected = set(letter_targets(session.known_audit)) | set(session.chosen)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Requests, step 1 of 3: choose the brokers to write to"), classes="title")
        yield Static(
            _(
                "Ticked: the brokers your action plan says to write to. Space ticks or unticks; "
                "Ctrl+N goes on to the details these brokers need."
            ),
            classes="hint",
        )
        yield MarkedSelectionList[str](*self._selections(), id="broker-choice")
        yield Static("", id="choice-count")
        yield Footer()

    def _selections(self) -> list[Selection[str]]:
        audit = self.session.known_audit
        results = {b.id: b for b in audit.brokers}
        out = []
        for broker_id in self.candidates:
            result = results[broker_id]
            action = ACTION_WORDS.get(result.action or "", _("request"))
            prompt = Content.assemble(level(result.likelihood), " ", result.name, f" · {action}")
            out.append(Selection(prompt, broker_id, broker_id in self.preselected))
        return out

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._count()

    def _count(self) -> None:
        n = len(self.query_one(SelectionList).selected)
        self.query_one("#choice-count", Static).update(
            _("{n} of {total} brokers chosen.").format(n=n, total=len(self.candidates))
        )

    def on_selection_list_selected_changed(self) -> None:
        self._count()

    def action_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_none(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_next(self) -> None:
        chosen: list[str] = list(self.query_one(SelectionList[str]).selected)
        if not chosen:
            self.notify(_("Choose at least one broker."), severity="warning")
            return
        order = {b: n for n, b in enumerate(self.candidates)}
        self.app.push_screen(IdentityScreen(self.session, sorted(chosen, key=order.__getitem__)))

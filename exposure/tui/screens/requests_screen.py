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

    def __init__(self, session: Session, only: str | None = None) -> None:
        """``only``: a broker the person asked to write to from its page; it alone is ticked."""
        super().__init__(session)
        candidates = request_candidates(session.known_audit, session.known_catalog)
        first = [only] if only else []
        # The broker asked for from its page comes first, then the plan's.
        self.candidates = list(dict.fromkeys([*first, *session.chosen, *candidates]))
        self.only = only
        self.preselected = (
            {only} if only else set(letter_targets(session.known_audit)) | set(session.chosen)
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Requests, step 1 of 3: choose the brokers to write to"), classes="title")
        ticked = (
            _("Ticked: the broker whose page you came from.")
            if self.only
            else _("Ticked: the brokers your action plan says to write to.")
        )
        yield Static(
            ticked
            + " "
            + _("Space ticks or unticks; Ctrl+N goes on to the details these brokers need."),
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

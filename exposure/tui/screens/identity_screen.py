"""Step 5b, Requests: only the identity fields the chosen brokers need, validated inline.

This is the only place the TUI asks who someone is. The details stay in memory for the
letters; they reach the disk only if the person saves (encrypted, in the vault).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Input, Static

from exposure.app.letter_targets import needed_identity
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.screens.preview_screen import PreviewScreen
from exposure.tui.session import Session
from exposure.tui.widgets.identity_form import IdentityForm


class IdentityScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", _("Next: preview"), priority=True),
        Binding("escape", "app.pop_screen", _("Back")),
    ]

    def __init__(self, session: Session, brokers: list[str]) -> None:
        super().__init__(session)
        self.brokers = brokers
        self.fields = needed_identity(session.known_catalog, brokers)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Requests, step 2 of 3: the details these brokers need"), classes="title")
        yield Static(
            _(
                "Only what the {n} broker(s) you chose need to find your records. Each letter "
                "carries only its own broker's fields; numbers such as a Social Security number "
                "are never asked: the printed letter has a blank line for them. Nothing here is "
                "saved unless you save (encrypted). * = required."
            ).format(n=len(self.brokers)),
            classes="hint",
        )
        with VerticalScroll(id="identity-scroll"):
            state = self.session.profile.facts.get("state")
            yield IdentityForm(
                self.fields,
                self.session.profile.identity,
                state if isinstance(state, str) else None,
            )
        yield Footer()

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def changed(self) -> bool:
        """Details typed here and not saved (the demo person's are fictional)."""
        return self.session.source != "demo" and self.query_one(IdentityForm).changed()

    def action_next(self) -> None:
        identity = self.query_one(IdentityForm).collect()
        if identity is None:
            self.notify(
                _("Some details need fixing; see the messages under them."), severity="error"
            )
            return
        self.session.profile = self.session.profile.model_copy(update={"identity": identity})
        self.app.push_screen(PreviewScreen(self.session, self.brokers))

"""The kiosk's own two steps around the shared questions screen: a welcome for the next
participant, and their results with a way to save their papers before the next one starts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from exposure.engine.result import Audit
from exposure.render.wording import Wording
from exposure.tui.i18n import _


class KioskWelcomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "app.begin", _("Start"))]

    def __init__(self, workshop: str, counted: int) -> None:
        super().__init__()
        self.workshop = workshop
        self.counted = counted

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome"):
            yield Static(self.workshop, id="kiosk-name", markup=False)
            yield Static(
                _(
                    "Which data brokers likely hold your records, and how to get out. "
                    "No names, addresses or phone numbers: only facts about your life. "
                    "Nothing you answer is kept."
                )
            )
            yield Static(_("{n} participant(s) so far.").format(n=self.counted), id="kiosk-count")
            yield Button(_("Start (Enter)"), id="begin", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        await self.app.run_action("begin")


class KioskResultsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "app.next_participant", _("Next participant"), priority=True),
        Binding("ctrl+s", "app.save_papers", _("Save my papers"), priority=True),
    ]

    def __init__(self, audit: Audit, words: Wording) -> None:
        super().__init__()
        self.audit = audit
        self.words = words

    def compose(self) -> ComposeResult:
        w = self.words
        yield Header()
        with VerticalScroll(id="kiosk-results"):
            yield Static(w.headline(self.audit), id="headline", markup=False)
            yield Static(_("How to get out:"), classes="kiosk-heading")
            for n, action in enumerate(self.audit.plan, 1):
                lines = [f"{n}. {w.title(action)}", *(f"   - {s}" for s in w.steps(action))]
                yield Static("\n".join(lines), markup=False, classes="kiosk-action")
            yield Static(w.based_on(self.audit), markup=False, id="estimate-note")
        with Horizontal(id="step-buttons"):
            yield Button(_("Save my papers (Ctrl+S)"), id="save", compact=True)
            yield Button(
                _("Done: next participant (Ctrl+N)"), id="next", variant="primary", compact=True
            )
        yield Footer()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        action = "save_papers" if event.button.id == "save" else "next_participant"
        await self.app.run_action(action)

"""Step 4, broker detail: what it holds, why you are likely in it, its government ties with
sources, and how to get out (or what helps when there is no consumer route)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from exposure.tui.broker_text import broker_markdown
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session


class BrokerScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", _("Back")),
        Binding("r", "request", _("Request a letter")),
    ]

    def __init__(self, session: Session, broker_id: str) -> None:
        super().__init__(session)
        self.broker_id = broker_id

    def compose(self) -> ComposeResult:
        catalog = self.session.known_catalog
        broker = catalog.by_id[self.broker_id]
        text = broker_markdown(
            broker, self.session.broker_result(self.broker_id), self.session.words
        )
        yield Header()
        with VerticalScroll(id="broker-detail"):
            yield Markdown(text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#broker-detail", VerticalScroll).focus()

    async def action_request(self) -> None:
        """Open Requests with this broker ticked, whatever the plan said."""
        if self.broker_id not in self.session.chosen:
            self.session.chosen.append(self.broker_id)
        await self.app.run_action("app.show('requests')")

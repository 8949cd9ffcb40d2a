"""Step 4, broker detail: what it holds, why you are likely in it, its government ties with
sources, and how to get out (or what helps when there is no consumer route)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from exposure.tui.broker_text import broker_markdown, links
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session


class BrokerScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", _("Back")),
        Binding("r", "request", _("Request a letter")),
        Binding("o", "links", _("Links: open, copy")),
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
        """Open Requests with this broker alone ticked: the person asked for this one."""
        await self.app.run_action(f"app.request_broker('{self.broker_id}')")

    def action_links(self) -> None:
        from exposure.tui.dialogs.links_dialog import LinksDialog

        broker = self.session.known_catalog.by_id[self.broker_id]
        found = links(broker)
        if not found:
            self.notify(_("This page has no links."))
            return
        self.app.push_screen(LinksDialog(broker.name, found))

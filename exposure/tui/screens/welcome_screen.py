"""Step 1, Welcome: what the tool does, that the check needs no personal data, where data is
kept and how to wipe it; then start, open the saved profile, or try the demo."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from exposure.language import current
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.widgets.choice import Choice
from exposure.tui.widgets.legend_footer import LegendFooter

INTRO = _(
    "U.S. immigration enforcement buys data from commercial data brokers: utility and phone "
    "records, phone location, licence plates, social media, faces, work and credit files. "
    "exposure estimates which brokers most likely hold your records, explains why, and helps "
    "you ask them to delete it."
)
NO_PII = _(
    'The check needs no personal data. The questions are about your life (for example "is '
    'there an electric account in your name?"), never your name, address or status. Your name '
    "and address are asked only if you write requests, and only what those brokers need."
)
KEPT = _(
    "Everything stays on this computer; nothing is sent unless you send it, and there is no "
    "telemetry. If you save, your answers are encrypted in the vault at {path}."
)
WIPE = _(
    "To delete everything saved, and its key, press W here (or run 'exposure profile wipe'). "
    "No passphrase is needed to wipe."
)


# Offered in the other language's own words, so a person who does not read this one finds it.
OTHER_LANGUAGE = (
    ("English", "English: press L.") if current() == "es" else ("Español", "Español: pulse L.")
)


class WelcomeScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.start", _("Start")),
        Binding("o", "app.open_saved", _("Open saved")),
        Binding("d", "app.demo", _("Demo")),
        Binding("w", "app.wipe", _("Wipe data")),
        Binding("q", "app.quit", _("Quit")),
        Binding("f2", "app.toggle_theme", _("Light/dark")),
        Binding("l", "app.language", OTHER_LANGUAGE[0], show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome"):
            yield Static(
                _("See which data brokers likely hold your records, and get out."),
                classes="title",
            )
            yield Static(OTHER_LANGUAGE[1], id="language", markup=False)
            # One widget for the whole text, headings in bold: the first screen paints sooner
            # with fewer widgets to style and lay out (Content takes no markup from the text).
            yield Static(
                Content.assemble(
                    INTRO,
                    "\n\n",
                    (_("No personal data for the check"), "bold"),
                    "\n",
                    NO_PII,
                    "\n\n",
                    (_("Where your data is kept"), "bold"),
                    "\n",
                    KEPT.format(path=self.session.vault_path),
                    "\n\n",
                    (_("How to wipe it"), "bold"),
                    "\n",
                    WIPE,
                ),
                id="welcome-text",
            )
            yield Static(_("Loading the broker catalog…"), id="status")
        with Horizontal(id="choices"):
            yield Choice(_("Start the questions (S)"), id="start", primary=True)
            yield Choice(_("Open saved profile (O)"), id="open")
            yield Choice(_("Try the demo (D)"), id="demo")
        yield LegendFooter()

    def on_mount(self) -> None:
        self.query_one("#start", Choice).focus()
        if self.session.catalog is not None:
            self.catalog_ready()

    def catalog_ready(self) -> None:
        catalog = self.session.catalog
        if catalog is None:
            return
        text = _("Catalog {version}: {count} brokers, {facts} questions in {topics} steps.")
        topics = len({f.topic for f in catalog.facts})
        for status in self.query("#status").results(Static):  # none before the first mount
            status.update(
                text.format(
                    version=catalog.info.version,
                    count=len(catalog),
                    facts=len(catalog.facts),
                    topics=topics,
                )
            )

    async def on_choice_pressed(self, event: Choice.Pressed) -> None:
        action = {"start": "start", "open": "open_saved", "demo": "demo"}[event.choice.id or ""]
        await self.app.run_action(f"app.{action}")

"""A broker's page: its links read (and copy) as written and open from a key, and "request a
letter" starts the request with that broker alone."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Markdown, SelectionList

from broker_catalog.catalog import Catalog
from exposure.render.wording import Wording
from exposure.tui.app import ExposureApp
from exposure.tui.broker_text import broker_markdown, links
from exposure.tui.dialogs.links_dialog import LinksDialog
from exposure.tui.screens.broker_screen import BrokerScreen
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.requests_screen import RequestsScreen
from tests.exposure.tui.test_journey import drive, settle, until

BROKER = "equifax"  # web forms with hyphens in their addresses


def test_links_show_as_written_without_escapes(catalog: Catalog) -> None:
    broker = catalog.by_id[BROKER]
    urls = [url for _what, url in links(broker)]
    hyphenated = [u for u in urls if "-" in u]
    assert hyphenated, "the test needs a link with a hyphen"
    text = broker_markdown(broker, None, Wording(catalog))
    for method in broker.opt_out.methods if broker.opt_out else ():
        if method.url:
            assert f"<{method.url}>" in text  # an autolink: its text is the URL itself


def test_the_page_shows_plain_urls_and_opens_or_copies_them(
    make_app: Any, monkeypatch: Any
) -> None:
    opened: list[str] = []

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        # The browser is the operating system's: record what would be opened instead.
        monkeypatch.setattr(app, "open_url", lambda url, **_kw: opened.append(url))
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        await app.run_action(f"broker('{BROKER}')")
        await until(pilot, lambda: isinstance(app.screen, BrokerScreen))
        await settle(app, pilot)
        page = app.screen
        shown = "\n".join(
            str(block._content)  # type: ignore[attr-defined]  # the text as rendered
            for block in page.query_one(Markdown).query("MarkdownBlock")
        )
        assert "\\-" not in shown
        assert "credit-report-services" in shown
        footer_keys = [b.description for _, b, _, _ in page.active_bindings.values() if b.show]
        assert any("open, copy" in d for d in footer_keys)  # the key is in the legend
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, LinksDialog))
        dialog = app.screen
        assert isinstance(dialog, LinksDialog)
        first = dialog.links[0][1]
        await pilot.press("c")
        assert app.clipboard == first
        await pilot.press("enter")
        assert opened == [first]
        await pilot.press("escape")
        assert app.screen is page

    drive(make_app(demo=True), scenario)


def test_request_a_letter_from_a_broker_ticks_that_broker_alone(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        await app.run_action(f"broker('{BROKER}')")
        await until(pilot, lambda: isinstance(app.screen, BrokerScreen))
        await settle(app, pilot)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
        await settle(app, pilot)
        assert app.screen.query_one(SelectionList).selected == [BROKER]
        # Back on the dashboard, Requests again ticks the plan's brokers as before.
        await app.run_action("show('requests')")
        await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
        await settle(app, pilot)
        assert len(app.screen.query_one(SelectionList).selected) > 1

    drive(make_app(demo=True), scenario)

"""Every screen's key legend fits at 80 and 100 columns: each key the footer shows is whole and
on screen (nothing scrolled off the right edge, nothing cut), in English and in Spanish."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from broker_catalog.catalog import Catalog
from exposure.profile.files import demo_profile
from tests.exposure.tui.test_journey import settle
from tests.exposure.tui.test_ledger import make_vault

Check = Callable[[Any, str], None]


async def until_on(pilot: Pilot[None], screen: str) -> None:
    """By class name: the Spanish app's classes come from a fresh import of the package."""
    for _ in range(200):
        if type(pilot.app.screen).__name__ == screen:
            await settle(pilot.app, pilot)  # type: ignore[arg-type]
            return
        await pilot.pause(0.05)
    raise AssertionError(f"the app did not reach {screen}")


def legend_fits(app: Any, where: str) -> None:
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    shown = [b for _, b, _, _ in app.screen.active_bindings.values() if b.show]
    assert keys, f"{where}: the footer shows no keys"
    assert len({b.action for b in shown}) <= len(keys), f"{where}: keys missing from the footer"
    right = footer.region.right
    for key in keys:
        region = key.region
        label = f"{key.key_display} {key.description}"
        assert region.width > 0, f"{where}: {label!r} is not on screen"
        assert region.right <= right, f"{where}: {label!r} is cut at the right edge"
        # Whole: as wide as its key and description need (Textual cuts a squeezed one).
        need = len(key.key_display) + len(key.description) + 1
        assert region.width >= need, f"{where}: {label!r} is cut ({region.width} < {need})"
    assert footer.max_scroll_x == 0, f"{where}: the legend scrolls"


async def walk(app: Any, pilot: Pilot[None], check: Check) -> None:
    """Every journey screen in turn, each checked where it stands."""
    from exposure.tui.messages import ProfileChosen  # no words in it: same in both languages

    check(app, "welcome")
    await pilot.press("s")
    await until_on(pilot, "QuestionsScreen")
    check(app, "questions")
    await app.run_action("show('welcome')")
    app.post_message(ProfileChosen(demo_profile(), "saved", app.session.vault))
    await until_on(pilot, "DashboardScreen")
    check(app, "dashboard")
    await pilot.press("tab", "enter")
    await until_on(pilot, "BrokerScreen")
    check(app, "broker")
    await pilot.press("r")
    await until_on(pilot, "RequestsScreen")
    check(app, "requests")
    await pilot.press("ctrl+n")
    await until_on(pilot, "IdentityScreen")
    check(app, "identity")
    await pilot.press("ctrl+n")
    await until_on(pilot, "PreviewScreen")
    check(app, "preview")
    await app.run_action("show('ledger')")
    await until_on(pilot, "LedgerScreen")
    check(app, "ledger")


def run_walk(app: Any, size: tuple[int, int], where: str) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await walk(app, pilot, lambda a, screen: legend_fits(a, f"{where} {screen}"))

    asyncio.run(main())


SIZES = pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])


@SIZES
def test_every_footer_fits(
    make_app: Any, tmp_path: Path, no_keyring: object, size: tuple[int, int]
) -> None:
    app = make_app(vault=tmp_path / "vault")
    app.session.vault = make_vault(tmp_path / "vault", demo_profile())
    run_walk(app, size, f"English {size}")


@SIZES
def test_every_footer_fits_in_spanish(
    spanish_app: Any, tmp_path: Path, no_keyring: object, size: tuple[int, int]
) -> None:
    app = spanish_app()
    app.session.vault_path = tmp_path / "vault"
    app.session.vault = make_vault(tmp_path / "vault", demo_profile())
    run_walk(app, size, f"Spanish {size}")


@SIZES
def test_the_kiosk_footers_fit(tmp_path: Path, catalog: Catalog, size: tuple[int, int]) -> None:
    from exposure.app.intake import Intake
    from exposure.tui.kiosk import create_kiosk
    from exposure.tui.screens.kiosk_screen import KioskResultsScreen
    from exposure.workshop import session
    from tests.exposure.tui.conftest import TODAY
    from tests.exposure.tui.test_kiosk import answer_all, until

    workshop = tmp_path / "w.json"
    session.start(workshop, name="Kiosk", threshold=5, today=TODAY)
    app = create_kiosk(Intake(workshop, catalog, today=TODAY))

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            legend_fits(app, f"kiosk {size} welcome")
            await answer_all(app, pilot, "TX")
            await until(pilot, lambda: isinstance(app.screen, KioskResultsScreen))
            await pilot.pause()
            legend_fits(app, f"kiosk {size} results")

    asyncio.run(main())

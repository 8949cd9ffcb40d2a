"""SVG snapshots of key screens at 80x24 and 120x40: the demo profile, a fixed date, a fixed
vault path. Update after a deliberate change with ``pytest tests/exposure/tui --snapshot-update``
and look at the SVGs before committing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from broker_catalog.catalog import Catalog
from exposure.tui.app import ExposureApp
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.preview_screen import PreviewScreen

VAULT = Path("/nonexistent/exposure-vault")
SMALL, LARGE = (80, 24), (120, 40)


async def _wait(pilot: Pilot[None], screen: type) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, screen):
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


def _app(make_app: Any, *, demo: bool = False) -> ExposureApp:
    app: ExposureApp = make_app(vault=VAULT, demo=demo)
    return app


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_welcome(snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
    assert snap_compare(_app(make_app), terminal_size=size)


def test_questions_first_step(snap_compare: Any, make_app: Any) -> None:
    assert snap_compare(_app(make_app), press=["s"], terminal_size=SMALL)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_dashboard(snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, DashboardScreen)

    assert snap_compare(_app(make_app, demo=True), terminal_size=size, run_before=ready)


def test_action_plan(snap_compare: Any, make_app: Any) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, DashboardScreen)
        await pilot.press("a")

    assert snap_compare(_app(make_app, demo=True), terminal_size=LARGE, run_before=ready)


def test_broker_detail(snap_compare: Any, make_app: Any) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, DashboardScreen)
        await pilot.app.run_action("broker('nctue')")
        await pilot.pause()

    assert snap_compare(_app(make_app, demo=True), terminal_size=LARGE, run_before=ready)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_letter_preview(snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, DashboardScreen)
        await pilot.press("r")
        await pilot.press("n", "space")  # only the first broker of the plan
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await _wait(pilot, PreviewScreen)

    assert snap_compare(_app(make_app, demo=True), terminal_size=size, run_before=ready)


def test_ledger(snap_compare: Any, make_app: Any, catalog: Catalog, tmp_path: Path) -> None:
    """Three fictional requests: one overdue, one due a re-check, one not sent yet."""
    from exposure.ledger.lifecycle import Status
    from exposure.ledger.store import Ledger
    from exposure.profile.files import demo_profile
    from exposure.tui.messages import ProfileChosen
    from exposure.tui.screens.ledger_screen import LedgerScreen
    from tests.exposure.tui.conftest import TODAY
    from tests.exposure.tui.test_ledger import LONG_AGO, make_vault, record

    vault = make_vault(tmp_path / "vault", demo_profile())
    late = record(vault, catalog, "venntel")
    done = record(vault, catalog, "lexisnexis-risk")
    record(vault, catalog, "gravy-analytics", on=TODAY)
    ledger = Ledger.open(vault)
    ledger.mark(late, Status.SENT, on=LONG_AGO, note="by certified mail")
    ledger.mark(done, Status.SENT, on=LONG_AGO)
    ledger.mark(done, Status.COMPLETED, on=LONG_AGO)
    ledger.close()

    async def ready(pilot: Pilot[None]) -> None:
        pilot.app.post_message(ProfileChosen(demo_profile(), "saved", vault))
        await _wait(pilot, DashboardScreen)
        await pilot.press("l")
        await _wait(pilot, LedgerScreen)

    app = make_app(vault=vault.path)
    assert snap_compare(app, terminal_size=SMALL, run_before=ready)

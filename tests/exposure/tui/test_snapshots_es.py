"""SVG snapshots of the key screens in Spanish, at 80x24 and 120x40 (Spanish strings are longer:
these show that nothing is cut off). Same fixed data as test_snapshots.py.

The terminal app builds some of its words when its modules are imported, so each test imports a
fresh copy of ``exposure.tui`` after choosing Spanish, and drops it again afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

VAULT = Path("/nonexistent/exposure-vault")
SMALL, LARGE = (80, 24), (120, 40)
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


async def _wait(pilot: Pilot[None], screen: str) -> None:
    for _ in range(200):
        if type(pilot.app.screen).__name__ == screen:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


@SIZES
def test_welcome_es(snap_compare: Any, spanish_app: Any, size: tuple[int, int]) -> None:
    assert snap_compare(spanish_app(), terminal_size=size)


def test_questions_es(snap_compare: Any, spanish_app: Any) -> None:
    assert snap_compare(spanish_app(), press=["s"], terminal_size=SMALL)


@SIZES
def test_dashboard_es(snap_compare: Any, spanish_app: Any, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, "DashboardScreen")

    assert snap_compare(spanish_app(demo=True), terminal_size=size, run_before=ready)


def test_action_plan_es(snap_compare: Any, spanish_app: Any) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, "DashboardScreen")
        await pilot.press("a")

    assert snap_compare(spanish_app(demo=True), terminal_size=SMALL, run_before=ready)


@SIZES
def test_broker_detail_es(snap_compare: Any, spanish_app: Any, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, "DashboardScreen")
        await pilot.app.run_action("broker('nctue')")
        await pilot.pause()

    assert snap_compare(spanish_app(demo=True), terminal_size=size, run_before=ready)


@SIZES
def test_letter_preview_es(snap_compare: Any, spanish_app: Any, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await _wait(pilot, "DashboardScreen")
        await pilot.press("r")
        await pilot.press("n", "space")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await _wait(pilot, "PreviewScreen")

    assert snap_compare(spanish_app(demo=True), terminal_size=size, run_before=ready)

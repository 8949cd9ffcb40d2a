"""The welcome screen's three choices work from the keyboard (Tab, Enter) and the mouse."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from exposure.tui.app import ExposureApp
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from tests.exposure.tui.test_journey import drive, until


def test_enter_on_the_focused_choice_starts_the_questions(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        assert app.focused is not None
        assert app.focused.id == "start"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))

    drive(make_app(), scenario)


def test_tab_then_enter_and_a_click_reach_the_demo(make_app: Any) -> None:
    async def by_keys(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("tab", "tab")
        assert app.focused is not None
        assert app.focused.id == "demo"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))

    drive(make_app(), by_keys)

    async def by_click(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.click("#demo")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))

    drive(make_app(), by_click)

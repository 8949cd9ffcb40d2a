"""Pilot tests of the kiosk: one participant after another on the real questions screen, each
counted once into the workshop file, and nothing of one participant left for the next."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Select

from broker_catalog.catalog import Catalog
from exposure.app.intake import Intake
from exposure.tui.kiosk import KioskApp, create_kiosk
from exposure.tui.screens.kiosk_screen import KioskResultsScreen, KioskWelcomeScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from exposure.workshop import session
from tests.exposure.tui.conftest import TODAY

SIZE = (100, 32)


async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the kiosk did not get there")


async def answer_all(app: KioskApp, pilot: Pilot[None], state: str | None) -> None:
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
    screen = app.screen
    assert isinstance(screen, QuestionsScreen)
    if state is not None:
        screen.query_one("#q-state Select", Select).value = state
    for _ in range(len(screen.steps)):
        await pilot.press("ctrl+n")
        await pilot.pause()


def test_participants_follow_each_other_with_nothing_carried_over(
    tmp_path: Path, catalog: Catalog
) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Kiosk", threshold=5, today=TODAY)
    app = create_kiosk(Intake(workshop, catalog, today=TODAY))

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, KioskWelcomeScreen))
            # the first participant lives in Texas
            await answer_all(app, pilot, "TX")
            await until(pilot, lambda: isinstance(app.screen, KioskResultsScreen))
            first_session = app.session
            assert first_session.profile.facts["state"] == "TX"
            assert session.load(workshop).participants == 1

            await pilot.press("ctrl+n")  # done: next participant
            await until(pilot, lambda: isinstance(app.screen, KioskWelcomeScreen))
            assert app.session is not first_session
            assert app.session.profile.facts == {}
            assert app.session.audit is None
            assert [type(s).__name__ for s in app.screen_stack[1:]] == ["KioskWelcomeScreen"]

            # the second participant sees a fresh questionnaire: Texas is not preselected
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
            screen = app.screen
            assert isinstance(screen, QuestionsScreen)
            assert screen.answers == {}
            assert screen.query_one("#q-state Select", Select).value != "TX"
            # leaving half-way starts over, counting nothing
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, KioskWelcomeScreen))
            assert session.load(workshop).participants == 1

            await answer_all(app, pilot, None)
            await until(pilot, lambda: isinstance(app.screen, KioskResultsScreen))
            assert app.session.profile.facts.get("state") == "unknown"
            assert session.load(workshop).participants == 2

    asyncio.run(main())
    raw = workshop.read_text()
    assert '"TX"' not in raw  # tallies only, never answers


def test_a_participant_saves_their_papers_where_they_choose(
    tmp_path: Path, catalog: Catalog
) -> None:
    from textual.widgets import Input

    from exposure.tui.dialogs.path_dialog import PathDialog

    workshop = tmp_path / "w.json"
    session.start(workshop, name="Kiosk", threshold=5, today=TODAY)
    app = create_kiosk(Intake(workshop, catalog, today=TODAY))
    target = tmp_path / "usb" / "papers.pdf"

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, KioskWelcomeScreen))
            await answer_all(app, pilot, "CA")
            await until(pilot, lambda: isinstance(app.screen, KioskResultsScreen))
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, PathDialog))
            app.screen.query_one("#path", Input).value = str(target)
            await pilot.press("enter")
            await until(pilot, target.exists)
            await app.workers.wait_for_complete()

    asyncio.run(main())
    assert target.read_bytes().startswith(b"%PDF")
    assert session.load(workshop).participants == 1


def test_the_kiosk_speaks_the_runs_language(tmp_path: Path, catalog: Catalog) -> None:
    from exposure import language

    workshop = tmp_path / "w.json"
    session.start(workshop, name="Kiosk", threshold=5, today=TODAY)
    language.set_current("es")
    try:
        app = create_kiosk(Intake(workshop, catalog, today=TODAY))

        async def main() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: isinstance(app.screen, KioskWelcomeScreen))
                await answer_all(app, pilot, "CA")
                await until(pilot, lambda: isinstance(app.screen, KioskResultsScreen))
                headline = str(app.screen.query_one("#headline").render())
                assert "corredor" in headline

        asyncio.run(main())
    finally:
        language.set_current("en")

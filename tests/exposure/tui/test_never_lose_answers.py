"""Never lose answers: quitting asks first when something would be lost (and only then), letters
written before the profile was saved reach the ledger at the save, and keys typed while the next
screen loads reach that screen."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select

from broker_catalog.catalog import Catalog
from exposure.ledger.lifecycle import Status
from exposure.profile.model import Profile
from exposure.tui.app import ExposureApp
from exposure.tui.dialogs.confirm_dialog import ConfirmDialog
from exposure.tui.dialogs.passphrase_dialog import PassphraseDialog
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from exposure.tui.screens.welcome_screen import WelcomeScreen
from exposure.vault.store import Vault
from tests.exposure.tui.conftest import TODAY
from tests.exposure.tui.test_journey import drive, settle, until
from tests.exposure.tui.test_ledger import PASSPHRASE, statuses, toasts, write_two_letters


async def first_answer(app: ExposureApp, pilot: Pilot[None]) -> QuestionsScreen:
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
    screen = app.screen
    assert isinstance(screen, QuestionsScreen)
    screen.query_one("#q-state Select", Select).value = "TX"
    await pilot.pause()
    return screen


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
def test_quitting_in_the_middle_of_the_questions_asks_first(make_app: Any, key: str) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await first_answer(app, pilot)
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert "Discard your answers?" in str(dialog.query_one(".dialog-title").render())
        assert "Keep answering" in str(dialog.query_one("#no").render())
        await pilot.press("escape")  # keep answering: back where the person was
        await pilot.pause()
        assert app.screen is screen
        assert app.is_running
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")  # discard: now it quits
        await pilot.pause()
        assert not app.is_running

    drive(make_app(), scenario)


def test_quitting_with_nothing_unsaved_does_not_ask(make_app: Any) -> None:
    async def on_welcome(app: ExposureApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(make_app(), on_welcome)

    async def questions_untouched(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(make_app(), questions_untouched)

    async def demo(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        await pilot.press("ctrl+c")  # the demo person is fictional: nothing to lose
        await pilot.pause()
        assert not app.is_running

    drive(make_app(demo=True), demo)


def test_answers_completed_but_not_saved_still_count(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        app.session.profile = Profile(facts={"state": "NM"})
        app.run_audit()
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.is_running

    drive(make_app(), scenario)


def test_letters_written_before_saving_are_recorded_when_the_profile_is_saved(
    make_app: Any, tmp_path: Path, catalog: Catalog, no_keyring: object
) -> None:
    vault_dir, out = tmp_path / "vault", tmp_path / "letters"

    async def passphrase(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, PassphraseDialog))
        app.screen.query_one(Input).value = PASSPHRASE
        await pilot.press("enter")

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        from exposure.profile.files import demo_profile

        app.session.profile = demo_profile()  # a new, unsaved profile with details
        app.run_audit()
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        await write_two_letters(app, pilot, out)
        assert "save your profile" in toasts(app)
        written = sorted(p.name for p in out.iterdir())
        before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
        await pilot.press("escape", "escape", "escape")  # back to the dashboard
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+s")
        await passphrase(app, pilot)
        await passphrase(app, pilot)
        await until(pilot, lambda: "written before saving" in toasts(app))
        assert app.session.source == "saved"
        assert not app.session.unrecorded
        # Recorded without writing them again: the same files, untouched.
        assert sorted(p.name for p in out.iterdir()) == written
        assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before

    drive(make_app(vault=vault_dir), scenario)
    vault = Vault.open(vault_dir, keyring=None, ask=lambda _p: PASSPHRASE, notify=print)
    recorded = statuses(vault)
    assert len(recorded) == 2
    assert set(recorded.values()) == {Status.DRAFTED}


def test_keys_typed_while_the_dashboard_is_computed_reach_it(make_app: Any) -> None:
    """ "See my exposure" then A at once: the audit runs in a thread, and the A (action plan)
    is for the dashboard it opens, not for the questions still on screen."""

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await first_answer(app, pilot)
        screen.step = len(screen.steps) - 1
        # Both keys in the app's queue before either is handled, as fast typing does.
        for key, character in (("ctrl+n", None), ("a", "a")):
            event = events.Key(key, character)
            event.set_sender(app)
            app.post_message(event)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await settle(app, pilot)
        assert str(app.screen.query_one("#tabs").active) == "plan"  # type: ignore[attr-defined]

    drive(make_app(), scenario)


def test_keys_typed_while_the_catalog_loads_are_not_dropped() -> None:
    """S at once, before the catalog is loaded, then Ctrl+N: the questions open when it is
    there, and the Ctrl+N moves them on (it used to say "try again" and drop both)."""
    from exposure.tui.app import create_app

    app = create_app(catalog=None, use_cache=False, today=TODAY)  # the real, cold load

    async def main() -> None:
        async with app.run_test(size=(100, 32)) as pilot:
            loading = app.session.catalog is None
            await pilot.press("s", "ctrl+n")  # at once, as the first screen appears
            for _ in range(400):
                if isinstance(app.screen, QuestionsScreen):
                    break
                await pilot.pause(0.05)
            await settle(app, pilot)
            screen = app.screen
            assert loading, "the catalog was there before the keys: nothing was tested"
            assert isinstance(screen, QuestionsScreen)
            assert screen.step == 1

    asyncio.run(main())

"""Pilot tests: the real app, driven by keys, from the welcome screen to letters on disk."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from exposure.profile.files import demo_profile
from exposure.tui.app import ExposureApp
from exposure.tui.dialogs.error_dialog import ErrorDialog
from exposure.tui.dialogs.passphrase_dialog import PassphraseDialog
from exposure.tui.dialogs.write_dialog import WriteDialog
from exposure.tui.screens.broker_screen import BrokerScreen
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.identity_screen import IdentityScreen
from exposure.tui.screens.preview_screen import PreviewScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from exposure.tui.screens.requests_screen import RequestsScreen
from exposure.tui.screens.welcome_screen import WelcomeScreen
from exposure.tui.widgets.question_field import QuestionField

SIZE = (100, 32)
Scenario = Callable[[ExposureApp, Pilot[None]], Coroutine[Any, Any, None]]


def drive(app: ExposureApp, scenario: Scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


async def settle(app: ExposureApp, pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    for worker_screen in app.screen_stack:
        await worker_screen.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    for _ in range(100):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there")


def test_the_whole_journey_writes_letters(make_app: Any, tmp_path: Path) -> None:
    """Welcome → questions → dashboard → broker → requests → details → files on disk."""
    out = tmp_path / "letters"

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        # Step 1: pick a state; everything else stays "I don't know".
        screen.query_one("#q-state Select", Select).value = "TX"
        assert not screen.query("IdentityForm")  # no identity is asked in the questionnaire
        for _ in range(len(screen.steps) - 1):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.press("ctrl+n")  # "See my exposure"
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.session.profile.facts["state"] == "TX"
        assert app.session.profile.identity is None
        await pilot.press("tab")  # from the categories to the brokers holding the first one
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, BrokerScreen))
        broker = app.screen
        assert isinstance(broker, BrokerScreen)
        await pilot.press("r")  # request a letter to this broker
        await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
        await pilot.press("n")  # untick all, then tick only the first (this broker)
        await pilot.press("space")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        form = app.screen
        await pilot.press("ctrl+n")  # empty form: inline errors, no next step
        await pilot.pause()
        assert isinstance(app.screen, IdentityScreen)
        errors = [e for e in form.query(".field-error") if e.display]
        assert errors
        form.query_one("#id-full_name", Input).value = "Ana Ficticia Prueba"
        for name, value in {
            "line1": "1 Example Street",
            "city": "Austin",
            "postal_code": "78700",
        }.items():
            if form.query(f"#id-{name}"):
                form.query_one(f"#id-{name}", Input).value = value
        if form.query("#id-state"):
            form.query_one("#id-state", Select).value = "TX"
        for name, value in {
            "email": "ana@example.org",
            "phone": "+1 512-555-0100",
            "date_of_birth": "1990-01-01",
        }.items():
            if form.query(f"#id-{name}"):
                form.query_one(f"#id-{name}", Input).value = value
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert [letter.broker_id for letter in preview.letters] == [broker.broker_id]
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WriteDialog))
        app.screen.query_one("#folder", Input).value = str(out)
        await pilot.click("#write")
        await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await settle(app, pilot)
        await until(pilot, lambda: any(out.glob("*.pdf")))

    drive(make_app(), scenario)
    names = sorted(p.name for p in out.iterdir())
    assert any(n.endswith(".pdf") for n in names)
    assert any(n.endswith(".guide.txt") for n in names)
    assert oct(out.stat().st_mode & 0o777) == "0o700"


def test_demo_opens_on_the_dashboard_with_levels_in_words(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.session.source == "demo"
        text = app.screen.query_one("#category-list").render_line(0).text
        assert "LIKELY" in text  # the level is a word, not only a colour

    drive(make_app(demo=True), scenario)


def test_the_dashboard_shows_government_data_sharing_with_no_consumer_route(
    make_app: Any,
) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("g")
        await pilot.pause()
        text = str(app.screen.query_one("#government-text Static").render())
        assert "No consumer route" in text
        assert "What helps" in text

    drive(make_app(demo=True), scenario)


def test_questions_go_back_and_forth_and_keep_answers(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        screen.query_one("#q-past_states Input", Input).value = "ZZ"
        await pilot.press("ctrl+n")  # a bad state code: stays, with an inline error
        await pilot.pause()
        assert screen.step == 0
        error = str(screen.query_one("#q-past_states .field-error").render())
        assert "not one of: AK" in error
        assert "ZZ" not in error, "the message says what is accepted, not what was typed"
        screen.query_one("#q-past_states Input", Input).value = "ca, nm"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.step == 1
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.step == 0
        field = screen.query_one("#q-past_states", QuestionField)
        assert field.answer == ["CA", "NM"]

    drive(make_app(), scenario)


def test_save_and_open_with_a_passphrase(make_app: Any, no_keyring: object) -> None:
    """No keyring: the passphrase is asked in a dialog, twice to create, once to open."""

    async def answer(app: ExposureApp, pilot: Pilot[None], text: str) -> None:
        await until(pilot, lambda: isinstance(app.screen, PassphraseDialog))
        app.screen.query_one(Input).value = text
        await pilot.press("enter")

    async def save(app: ExposureApp, pilot: Pilot[None]) -> None:
        from exposure.profile.model import Profile

        app.session.profile = Profile(facts={"state": "NM", "utility_gas": "yes"})
        app.run_audit()
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+s")
        await answer(app, pilot, "correct horse battery")
        await answer(app, pilot, "correct horse battery")
        await settle(app, pilot)
        assert app.session.source == "saved"

    drive(make_app(), save)

    async def reopen(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        await answer(app, pilot, "correct horse battery")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.session.profile.facts == {"state": "NM", "utility_gas": "yes"}

    drive(make_app(), reopen)

    async def wrong(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        await answer(app, pilot, "not the passphrase")
        await until(pilot, lambda: isinstance(app.screen, ErrorDialog))
        assert "does not open this vault" in str(app.screen.query_one(".dialog-body").render())
        await pilot.press("escape")
        assert isinstance(app.screen, WelcomeScreen)

    drive(make_app(), wrong)


def test_wipe_asks_first_then_deletes(make_app: Any, tmp_path: Path, no_keyring: object) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "vault.json").write_text("{}")

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("w")
        await pilot.press("escape")  # cancel: nothing deleted
        await settle(app, pilot)
        assert vault.exists()
        await pilot.press("w")
        await pilot.press("y")
        await settle(app, pilot)

    drive(make_app(vault=vault), scenario)
    assert not vault.exists()


def test_demo_profile_is_never_saved(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not app.session.vault_path.exists()

    drive(make_app(demo=True), scenario)


def test_command_palette_lists_every_screen(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for name in ("Welcome", "Questions", "Exposure dashboard", "Requests"):
            assert f"Go to: {name}" in titles

    drive(make_app(), scenario)


def test_steps_that_need_answers_say_so(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await app.run_action("show('requests')")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert any("first" in n.message for n in app._notifications)

    drive(make_app(), scenario)


def test_demo_identity_prefills_the_form(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        name = app.screen.query_one("#id-full_name", Input).value
        demo = demo_profile().identity
        assert demo is not None
        assert name == demo.full_name

    drive(make_app(demo=True), scenario)


def test_brokers_that_need_no_typed_details_still_get_a_reply_address(
    make_app: Any, tmp_path: Path
) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        app.session.chosen = ["gravy-analytics"]
        await app.run_action("show('requests')")
        await pilot.press("n", "space", "ctrl+n")  # only Gravy, which needs no typed details
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        # ... but every letter needs a name and a way to answer: the e-mail, prefilled here
        assert [i.id for i in app.screen.query(Input)] == ["id-full_name", "id-email"]
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await settle(app, pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert [letter.broker_id for letter in app.screen.letters] == ["gravy-analytics"]

    drive(make_app(demo=True), scenario)

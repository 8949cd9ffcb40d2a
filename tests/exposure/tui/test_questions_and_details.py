"""The questions and the details form: no "?" to delete, the state already answered carried
into the address, the cursor on the first field in error, and a date that does not exist said
to not exist (not to be in the wrong form), in English and in Spanish."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from exposure import language
from exposure.errors import ExposureError
from exposure.profile.files import profile_from_text
from exposure.profile.model import UNKNOWN, Answer, Profile
from exposure.tui.app import ExposureApp
from exposure.tui.screens.identity_screen import IdentityScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from exposure.tui.widgets.question_field import QuestionField
from tests.exposure.tui.test_journey import drive, settle, until

BROKER = "chexsystems"  # asks for a name, a postal address, a phone and a date of birth

if TYPE_CHECKING:
    from exposure.language import Language


async def questions(app: ExposureApp, pilot: Pilot[None]) -> QuestionsScreen:
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, QuestionsScreen))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, QuestionsScreen)
    return screen


def answer_of(field: QuestionField) -> Answer:
    return field.answer  # read afresh each time (mypy would keep the first reading's type)


def test_other_states_starts_empty_with_i_dont_know_ticked(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await questions(app, pilot)
        field = screen.query_one("#q-past_states", QuestionField)
        assert field.query_one(Input).value == ""  # no "?" to find and delete
        assert field.query_one(".dont-know", Checkbox).value
        assert answer_of(field) == UNKNOWN
        field.query_one(Input).value = "ca"  # typing a state unticks "I don't know"
        await pilot.pause()
        assert not field.query_one(".dont-know", Checkbox).value
        assert answer_of(field) == ["CA"]
        field.query_one(Input).value = ""  # empty, unticked: lived in no other state
        await pilot.pause()
        assert answer_of(field) == []
        field.query_one(".dont-know", Checkbox).value = True  # ticking it clears the field
        await pilot.pause()
        assert field.query_one(Input).value == ""
        assert answer_of(field) == UNKNOWN

    drive(make_app(), scenario)


def test_after_a_failed_next_the_cursor_is_on_the_first_field_in_error(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await questions(app, pilot)
        field = screen.query_one("#q-past_states", QuestionField)
        field.query_one(Input).value = "ZZ"
        screen.query_one("#q-state Select", Select).focus()  # the cursor elsewhere
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.step == 0
        assert app.focused is field.query_one(Input)

    drive(make_app(), scenario)


async def details(app: ExposureApp, pilot: Pilot[None], profile: Profile) -> IdentityScreen:
    app.session.profile = profile
    app.session.source = "new"
    app.push_screen(IdentityScreen(app.session, [BROKER]))
    await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, IdentityScreen)
    return screen


def test_the_address_starts_in_the_state_answered_in_the_questions(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await details(app, pilot, Profile(facts={"state": "NM"}))
        assert screen.query_one("#id-state", Select).value == "NM"

    drive(make_app(), scenario)


def test_details_focus_the_first_field_in_error(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await details(app, pilot, Profile(facts={"state": "NM"}))
        screen.query_one("#id-full_name", Input).value = "Ana Ejemplo"
        screen.query_one("#id-date_of_birth", Input).focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, IdentityScreen)
        assert app.focused is screen.query_one("#id-line1", Input)  # the first one missing

    drive(make_app(), scenario)


def test_a_date_that_does_not_exist_is_said_to_not_exist(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await details(app, pilot, Profile())
        screen.query_one("#id-date_of_birth", Input).value = "1988-02-30"
        await pilot.press("ctrl+n")
        await pilot.pause()
        error = str(screen.query_one("#err-date_of_birth").render())
        assert "does not exist" in error
        assert "YYYY-MM-DD" not in error  # the form was right
        screen.query_one("#id-date_of_birth", Input).value = "30/02/1988"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "YYYY-MM-DD" in str(screen.query_one("#err-date_of_birth").render())

    drive(make_app(), scenario)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "date that does not exist"), ("es", "fecha que no existe")],
)
def test_a_profile_file_with_a_date_that_does_not_exist_says_so(
    tmp_path: Path, lang: Language, words: str
) -> None:
    text = '[identity]\nfull_name = "Ana Ejemplo"\ndate_of_birth = "1988-02-30"\n'
    language.set_current(lang)
    try:
        with pytest.raises(ExposureError) as caught:
            profile_from_text(text, ".toml", "perfil.toml")
    finally:
        language.set_current("en")
    message = str(caught.value)
    assert "identity.date_of_birth" in message
    assert words in message
    assert "1988-02-30" not in message  # the field is named, never the value

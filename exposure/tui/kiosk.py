"""The kiosk: the terminal questionnaire for one workshop participant after another.

For venues where phones cannot reach the laptop. Each participant gets a fresh session (no
answer of the one before survives: the questions screen, the session and the estimate are all
new), answers the same questions screen as the terminal app, is counted into the workshop file
exactly as ``exposure workshop add`` counts, and sees their estimate and plan. Their papers are
written only if they choose a place for them (their own drive).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.worker import Worker, WorkerState

from exposure.catalog_language import wording
from exposure.profile.model import Profile
from exposure.render.wording import Wording
from exposure.tui.dialogs.error_dialog import show_error
from exposure.tui.dialogs.path_dialog import PathDialog
from exposure.tui.i18n import _
from exposure.tui.messages import AnswersCompleted
from exposure.tui.screens.kiosk_screen import KioskResultsScreen, KioskWelcomeScreen
from exposure.tui.screens.questions_screen import QuestionsScreen
from exposure.tui.session import Session

if TYPE_CHECKING:
    from exposure.app.intake import Counted, Intake


class KioskApp(App[None]):
    TITLE = "exposure"
    SUB_TITLE = _("workshop kiosk")
    CSS_PATH = ["styles/app.tcss", "styles/dialogs.tcss"]  # noqa: RUF012 - read by Textual

    def __init__(self, intake: Intake) -> None:
        super().__init__()
        self.intake = intake
        self.words: Wording = wording(intake.catalog)  # the run's language (--lang)
        self.session = self._fresh_session()
        self.participants = 0

    def _fresh_session(self) -> Session:
        return Session(
            vault_path=Path("/nonexistent-kiosk-vault"),
            today=self.intake.today,
            catalog=self.intake.catalog,
        )

    def on_mount(self) -> None:
        self.push_screen(self._welcome())

    def _welcome(self) -> KioskWelcomeScreen:
        return KioskWelcomeScreen(self.intake.tallies().name, self.intake.tallies().participants)

    async def _reset(self) -> None:
        """Forget the participant: every screen above the base goes, and the session is new."""
        self.session = self._fresh_session()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        await self.push_screen(self._welcome())

    async def action_begin(self) -> None:
        self.session = self._fresh_session()
        await self.push_screen(QuestionsScreen(self.session))

    async def action_show(self, name: str) -> None:
        """The questions screen's way back ("Leave", Back on its first step): start over."""
        await self._reset()

    async def action_next_participant(self) -> None:
        await self._reset()

    def on_answers_completed(self, event: AnswersCompleted) -> None:
        self.session.profile = event.profile
        self.count_participant(event.profile)

    @work(thread=True, exit_on_error=False, exclusive=True, group="count")
    def count_participant(self, profile: Profile) -> Counted:
        return self.intake.count(profile)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            show_error(self, event.worker.error)
        elif event.state is WorkerState.SUCCESS and event.worker.group == "count":
            from exposure.app.intake import Counted

            counted = event.worker.result
            if isinstance(counted, Counted):
                self.participants += 1
                self.session.audit = counted.audit
                await self.push_screen(KioskResultsScreen(counted.audit, self.words))
        elif event.state is WorkerState.SUCCESS and event.worker.group == "papers":
            self.notify(_("Your papers are saved."), title=_("Done"))

    def action_save_papers(self) -> None:
        dialog = PathDialog(
            _("Save my papers (PDF)"),
            _(
                "Your report and letters in one PDF, with blank lines for your name and address. "
                "Choose a place that is yours, such as your own USB drive."
            ),
            Path("/media/exposure-papers.pdf"),
            ".pdf",
        )
        self.push_screen(dialog, self._papers_chosen)

    def _papers_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.save_papers(path, self.session.profile)

    @work(thread=True, exit_on_error=False, exclusive=True, group="papers")
    def save_papers(self, path: Path, profile: Profile) -> None:
        from exposure import language
        from exposure.app.output import write_file

        write_file(path, self.intake.papers(profile, words=self.words, lang=language.current()))


def create_kiosk(intake: Intake) -> KioskApp:
    """The kiosk, for the CLI and the Pilot tests alike."""
    return KioskApp(intake)

"""Step 2, Questions: the life-fact questionnaire, one topic per step, with "why we ask" on
every question, "I don't know" always allowed, back and forward, and a progress bar.

Nothing here identifies anyone: the questions come from the catalog's vocabulary, which is
checked to ask no identity. Answers become the profile's ``facts`` when the last step is done.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, ProgressBar, Static

from broker_catalog.schema import LifeFact
from exposure.profile.model import UNKNOWN, Answer
from exposure.tui.i18n import _
from exposure.tui.messages import AnswersCompleted
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session
from exposure.tui.widgets.question_field import QuestionField


def topics(facts: tuple[LifeFact, ...]) -> list[tuple[str, list[LifeFact]]]:
    """The questionnaire's steps: facts grouped by topic, in catalog order."""
    steps: dict[str, list[LifeFact]] = {}
    for fact in facts:
        steps.setdefault(fact.topic, []).append(fact)
    return list(steps.items())


class QuestionsScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", _("Next step"), priority=True),
        Binding("ctrl+b", "back", _("Back"), priority=True),
        Binding("escape", "app.show('welcome')", _("Leave")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.steps = topics(session.known_catalog.facts)
        self.answers: dict[str, Answer] = dict(session.profile.facts)
        self.step = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-row"):
            yield Static("", id="step-title")
            yield ProgressBar(total=len(self.steps), show_eta=False, id="progress")
        yield Static(
            _("No names or addresses here: only facts about your life."),
            id="privacy-note",
        )
        yield VerticalScroll(id="questions")
        with Horizontal(id="step-buttons"):
            yield Button(_("Back (Ctrl+B)"), id="back", compact=True)
            yield Button(_("Next (Ctrl+N)"), id="next", variant="primary", compact=True)
        yield Footer()

    async def on_mount(self) -> None:
        await self._show_step()

    async def _show_step(self) -> None:
        topic, facts = self.steps[self.step]
        total = len(self.steps)
        self.query_one("#step-title", Static).update(
            _("Step {n} of {total}: {topic}").format(
                n=self.step + 1, total=total, topic=self.session.words.text(topic)
            )
        )
        self.query_one("#progress", ProgressBar).update(progress=self.step + 1)
        last = self.step == total - 1
        next_button = self.query_one("#next", Button)
        next_button.label = _("See my exposure (Ctrl+N)") if last else _("Next (Ctrl+N)")
        next_button.refresh(layout=True)
        container = self.query_one("#questions", VerticalScroll)
        await container.remove_children()
        await container.mount_all(
            QuestionField(f, self.answers.get(f.id, "unknown"), self.session.words.text)
            for f in facts
        )
        container.scroll_home(animate=False)
        container.query(QuestionField).first().focus_control()

    def changed(self) -> bool:
        """True when answers given here are not in the session's profile yet (quitting would
        lose them). The demo person's answers are fictional: never."""
        if self.session.source == "demo":
            return False
        now = {**self.answers, **{f.fact.id: f.answer for f in self.query(QuestionField)}}

        def known(answers: dict[str, Answer]) -> dict[str, Answer]:
            return {k: v for k, v in answers.items() if v != UNKNOWN}

        return known(now) != known(dict(self.session.profile.facts))

    def _keep_answers(self) -> bool:
        """Store this step's answers; False (with inline errors shown) when one does not fit."""
        fields = list(self.query(QuestionField))
        checked = [f.check() for f in fields]  # every field, so every error shows
        if not all(checked):
            wrong = fields[checked.index(False)]
            wrong.focus_control()
            wrong.scroll_visible(animate=False)
            return False
        self.answers.update({f.fact.id: f.answer for f in fields})
        return True

    async def action_next(self) -> None:
        if not self._keep_answers():
            self.notify(_("One answer does not fit; see the message under it."), severity="error")
            return
        if self.step < len(self.steps) - 1:
            self.step += 1
            await self._show_step()
            return
        profile = self.session.profile.model_copy(update={"facts": dict(self.answers)})
        # From this key on, what is typed is for the dashboard the audit opens.
        hold = getattr(self.app, "hold_keys", None)
        if hold is not None:
            hold()
        self.post_message(AnswersCompleted(profile))

    async def action_back(self) -> None:
        self._keep_answers()
        if self.step == 0:
            await self.app.run_action("app.show('welcome')")
            return
        self.step -= 1
        await self._show_step()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        await (self.action_next() if event.button.id == "next" else self.action_back())

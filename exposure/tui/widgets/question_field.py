"""One life-fact question: the question, why we ask, an answer control and an inline error.

The control fits the question's kind (yes/no, one choice, several, a state, several states),
and "I don't know" is always one of the answers. What counts as valid comes from the catalog
(:func:`exposure.profile.answers.check_answer`), exactly as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioSet, Select, SelectionList, Static

from broker_catalog.schema import US_STATES, AnswerKind, LifeFact
from exposure.profile.answers import check_answer, parse_answer
from exposure.profile.model import UNKNOWN, Answer
from exposure.tui.i18n import _
from exposure.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton, MarkedSelectionList

DONT_KNOW = _("I don't know")


def _same(text: str) -> str:
    return text


def _options(fact: LifeFact, tr: Callable[[str], str] = _same) -> list[tuple[str, str]]:
    """(value, label) pairs of a one-answer question, "I don't know" last."""
    if fact.kind is AnswerKind.YES_NO:
        pairs = [("yes", _("Yes")), ("no", _("No"))]
    else:
        pairs = [(c.value, tr(c.label)) for c in fact.choices]
    return [*pairs, (UNKNOWN, DONT_KNOW)]


class QuestionField(Vertical):
    """Holds one answer; :attr:`answer` reads it and :meth:`check` shows what is wrong."""

    DEFAULT_CSS = """
    QuestionField {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: thick $primary 30%;
        &:focus-within { border-left: thick $accent; }
        .question { text-style: bold; }
        .why { color: $text-muted; }
        .field-error { color: $text-error; height: auto; display: none; }
        RadioSet, SelectionList { height: auto; max-height: 12; }
        Select { width: 40; }
    }
    """

    def __init__(self, fact: LifeFact, answer: Answer, tr: Callable[[str], str] = _same) -> None:
        """``tr`` puts the catalog's text (question, why, labels) in the reader's language."""
        super().__init__(id=f"q-{fact.id}")
        self.fact = fact
        self._initial = answer
        self._tr = tr

    def compose(self) -> ComposeResult:
        fact, tr = self.fact, self._tr
        yield Static(tr(fact.question), classes="question", markup=False)
        why = _("Why we ask: {why}").format(why=tr(fact.why))
        yield Static(why, classes="why", markup=False)
        yield self._control()
        if fact.kind in (AnswerKind.MULTI, AnswerKind.STATES):
            yield MarkedCheckbox(DONT_KNOW, self._initial == UNKNOWN, classes="dont-know")
        yield Static("", classes="field-error")

    def _control(self) -> Widget:
        fact, answer = self.fact, self._initial
        if fact.kind in (AnswerKind.YES_NO, AnswerKind.CHOICE):
            return RadioSet(
                *(
                    MarkedRadioButton(label, value == answer, name=value)
                    for value, label in _options(fact, self._tr)
                )
            )
        if fact.kind is AnswerKind.MULTI:
            chosen = answer if isinstance(answer, list) else []
            return MarkedSelectionList[str](
                *((self._tr(c.label), c.value, c.value in chosen) for c in fact.choices)
            )
        if fact.kind is AnswerKind.STATE:
            states = [(code, code) for code in sorted(US_STATES)]
            value = answer if isinstance(answer, str) and answer in US_STATES else UNKNOWN
            return Select([(DONT_KNOW, UNKNOWN), *states], value=value, allow_blank=False)
        # "I don't know" is the box under it, as for several choices: never a "?" to delete.
        text = ", ".join(answer) if isinstance(answer, list) else ""
        return Input(text, placeholder=_("e.g. CA, NM (leave empty for none)"))

    @property
    def answer(self) -> Answer:
        kind = self.fact.kind
        if kind in (AnswerKind.YES_NO, AnswerKind.CHOICE):
            pressed = self.query_one(RadioSet).pressed_button
            return pressed.name if pressed is not None and pressed.name else UNKNOWN
        if kind is AnswerKind.MULTI:
            if self.query_one(".dont-know", Checkbox).value:
                return UNKNOWN
            return list(self.query_one(SelectionList).selected)
        if kind is AnswerKind.STATE:
            value = self.query_one(Select).value
            return value if isinstance(value, str) else UNKNOWN
        if self.query_one(".dont-know", Checkbox).value:
            return UNKNOWN
        text = self.query_one(Input).value
        return parse_answer(self.fact, text) if text.strip() else []

    def check(self) -> bool:
        """Show an inline error when the answer does not fit; True when it does."""
        problem = check_answer(self.fact, self.answer)
        error = self.query_one(".field-error", Static)
        error.update(_("This answer {problem}").format(problem=problem) if problem else "")
        error.display = problem is not None
        return problem is None

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if event.selection_list.selected:
            self.query_one(".dont-know", Checkbox).value = False

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if not event.value:
            return
        if self.fact.kind is AnswerKind.MULTI:
            self.query_one(SelectionList).deselect_all()
        else:
            self.query_one(Input).value = ""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.query_one(".dont-know", Checkbox).value = False
        self.check()

    def focus_control(self) -> None:
        """Focus the answer's control (after an error, so the person lands on it)."""
        self.query("RadioSet, SelectionList, Select, Input").first().focus()

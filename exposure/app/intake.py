"""Workshop intake: one participant's answers in, their estimate and papers out, and the
workshop's anonymous tallies counted exactly as ``exposure workshop add`` counts them.

Every surface of a live workshop (the web questionnaire on participants' phones, the kiosk
loop in the terminal) calls this module, so they check answers, count and draft alike. What it
holds lives in memory only: the print queue (papers a participant asked to have printed, under
their participant code) is gone when the process ends or the workshop closes. Nothing here
writes anything but the workshop file.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from broker_catalog.schema import AnswerKind, LifeFact
from exposure.profile.answers import ProfileError, check_answer, validate
from exposure.profile.model import UNKNOWN, Answer, Profile
from exposure.workshop import session

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit
    from exposure.render.wording import Wording

# The form's own words for "none of these" in a many-answer question.
NONE = "none"
# The longest value any answer can have (a choice value or a state code), with room to spare.
MAX_VALUE = 64
# The most values a many-answer question can carry (every state, "none" and "unknown").
MAX_VALUES = 60

# Problem codes; each surface words them in the reader's language.
NOT_A_CHOICE = "not_a_choice"
UNKNOWN_AND_ANSWERS = "unknown_and_answers"
NONE_AND_ANSWERS = "none_and_answers"
UNEXPECTED = "unexpected_field"
TOO_MANY = "too_many_values"


@dataclass(frozen=True)
class Checked:
    """A form's answers, read: the profile when they all fit, else the problems by fact id
    (``""`` for the form as a whole). ``answers`` re-fills the form, never anything else."""

    profile: Profile | None
    answers: dict[str, Answer]
    problems: dict[str, str]


def read_answers(
    fields: Iterable[tuple[str, str]], catalog: Catalog, *, ignore: frozenset[str] = frozenset()
) -> Checked:
    """Turn a form's (name, value) pairs into a profile, through the same pydantic model and
    answer check as every profile file. Fields named in ``ignore`` (the form's own token, say)
    are skipped; any other field that is not a life-fact question is refused, so a hostile or
    mistaken form cannot slip anything else in. A question not answered means "I don't know"."""
    raw: dict[str, list[str]] = {}
    problems: dict[str, str] = {}
    for name, value in fields:
        if name in ignore:
            continue
        if name not in catalog.fact_by_id:
            problems[""] = UNEXPECTED
            continue
        values = raw.setdefault(name, [])
        if len(values) >= MAX_VALUES or len(value) > MAX_VALUE:
            problems[name] = TOO_MANY
            continue
        values.append(value.strip())
    answers: dict[str, Answer] = {}
    for fact in catalog.facts:
        values = raw.get(fact.id, [])
        answer, problem = _answer(fact, values)
        answers[fact.id] = answer
        if problem and fact.id not in problems:
            problems[fact.id] = problem
    if problems:
        return Checked(None, answers, problems)
    try:
        profile = validate(Profile(facts=answers), catalog)
    except (ValidationError, ProfileError):  # the same model and check as every profile
        return Checked(None, answers, {"": NOT_A_CHOICE})
    return Checked(profile, answers, {})


def _answer(fact: LifeFact, values: list[str]) -> tuple[Answer, str | None]:
    many = fact.kind in (AnswerKind.MULTI, AnswerKind.STATES)
    chosen = [v for v in values if v]
    if not many:
        if len(chosen) > 1:
            return UNKNOWN, NOT_A_CHOICE
        answer = chosen[0] if chosen else UNKNOWN
        return answer, (NOT_A_CHOICE if check_answer(fact, answer) else None)
    picked = list(dict.fromkeys(chosen))
    if not picked or picked == [UNKNOWN]:
        return UNKNOWN, None
    if UNKNOWN in picked:
        return [p for p in picked if p != UNKNOWN], UNKNOWN_AND_ANSWERS
    if NONE in picked:
        rest = [p for p in picked if p != NONE]
        return rest, (NONE_AND_ANSWERS if rest else None)
    return picked, (NOT_A_CHOICE if check_answer(fact, picked) else None)


@dataclass(frozen=True)
class Counted:
    """One participant, counted: their estimate and the brokers their letters go to."""

    audit: Audit
    letter_brokers: tuple[str, ...]
    letters: int


@dataclass
class PrintQueue:
    """Papers waiting to be printed, by participant code. Memory only, never a file."""

    papers: dict[str, bytes] = field(default_factory=dict)

    def codes(self) -> list[str]:
        return list(self.papers)

    def take(self, code: str) -> bytes | None:
        return self.papers.get(code)

    def done(self, code: str) -> bool:
        return self.papers.pop(code, None) is not None

    def clear(self) -> None:
        self.papers.clear()


class Intake:
    """A live workshop's intake. Safe to call from many threads at once: counting reads,
    updates and rewrites the workshop file under one lock, so each participant counts once."""

    def __init__(self, workshop: Path, catalog: Catalog, *, today: dt.date) -> None:
        self.workshop = workshop
        self.catalog = catalog
        self.today = today
        self.queue = PrintQueue()
        self._lock = threading.Lock()
        session.load(workshop)  # a missing or damaged file fails now, not at the first person

    def tallies(self) -> session.Tallies:
        with self._lock:
            return session.load(self.workshop)

    def count(self, profile: Profile) -> Counted:
        """Count one participant into the workshop file, as ``exposure workshop add`` does:
        the same tally, and the letters their papers hold."""
        from exposure.app.letters import draft_letters
        from exposure.engine import audit
        from exposure.engine.targets import letter_targets

        profile = profile.without_identity()
        # The slow part outside the lock: the estimate, and drafting the letters to count
        # them (the letter brokers are the ones session.tally returns, by the same rule).
        result = audit(profile, self.catalog, today=self.today)
        targets = letter_targets(result)
        drafted = draft_letters(profile, self.catalog, targets, today=self.today, blanks=True)
        with self._lock:
            tallies = session.load(self.workshop)
            brokers = session.tally(tallies, profile, self.catalog, result=result, today=self.today)
            if brokers != targets:  # pragma: no cover - one rule, so never; but never miscount
                drafted = draft_letters(
                    profile, self.catalog, brokers, today=self.today, blanks=True
                )
            tallies.letters += len(drafted.letters)
            session.save(self.workshop, tallies)
        return Counted(result, tuple(brokers), len(drafted.letters))

    def estimate(self, profile: Profile) -> Audit:
        """The estimate alone, counting nothing (to show a page again)."""
        from exposure.engine import audit

        return audit(profile.without_identity(), self.catalog, today=self.today)

    def papers(self, profile: Profile, *, words: Wording | None = None, lang: str = "en") -> bytes:
        """One PDF: the participant's report (the two-page summary), then their letters with
        blank lines for what they write by hand (and, in another language, a companion sheet
        per letter). Built in memory; the caller hands it over and forgets it."""
        return papers(profile, self.catalog, today=self.today, words=words, lang=lang)

    def queue_papers(
        self, code: str, profile: Profile, *, words: Wording | None = None, lang: str = "en"
    ) -> None:
        pdf = self.papers(profile, words=words, lang=lang)
        with self._lock:
            self.queue.papers[code] = pdf

    def close(self) -> tuple[session.Tallies, tuple[str, ...]]:
        with self._lock:
            self.queue.clear()
            return session.close(self.workshop, self.today)


# The PDF builders speak the process's language (exposure.language); a server answering
# several languages at once builds one participant's papers at a time, in theirs.
_speaking = threading.Lock()


def papers(
    profile: Profile,
    catalog: Catalog,
    *,
    today: dt.date,
    words: Wording | None = None,
    lang: str = "en",
) -> bytes:
    """A participant's report (the two-page summary) and letters (blank identity lines) as
    one PDF, in memory; in a language other than English, followed by a companion sheet per
    letter in it (the letters themselves stay in English, as everywhere)."""
    from pypdf import PdfWriter

    from exposure import language
    from exposure.app.letters import draft_letters
    from exposure.engine import audit
    from exposure.pdf.letters import pdf_bytes
    from exposure.reports.individual import individual_report

    profile = profile.without_identity()
    result = audit(profile, catalog, today=today)
    drafted = draft_letters(profile, catalog, today=today, blanks=True)
    if not language.is_supported(lang):
        lang = language.ENGLISH
    with _speaking:
        before = language.current()
        language.set_current(lang)
        try:
            # the two-page summary: what a participant takes home and acts on
            parts = [individual_report(result, catalog, today=today, words=words, short=True)]
            if drafted.letters:
                from exposure.catalog_language import catalog_text

                # the web-form pages are the participant's: in their language, steps included
                parts.append(pdf_bytes(drafted.letters, tr=catalog_text(catalog, lang)))
                if lang != language.ENGLISH:
                    from exposure.pdf.companion import companion_pdf

                    parts.append(companion_pdf(drafted.letters, catalog))
        finally:
            language.set_current(before)
    if len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    writer.add_metadata({"/Title": "exposure"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

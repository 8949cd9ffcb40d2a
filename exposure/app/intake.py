"""Workshop intake: one participant's answers in, their estimate and papers out, and the
workshop's anonymous tallies counted exactly as ``exposure workshop add`` counts them.

Every surface of a live workshop (the web questionnaire on participants' phones, the kiosk
loop in the terminal) calls this module, so they check answers, count and draft alike. What it
holds lives in memory only: the print queue (papers a participant asked to have printed, under
their participant code) is gone when the process ends or the workshop closes. Nothing here
writes anything but the workshop file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from broker_catalog.schema import AnswerKind, LifeFact
from exposure.i18n import _
from exposure.limits import MAX_PARTICIPANTS
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


# Answers as a dictionary key: (fact id, value or values in the order given), life facts only.
AnswersKey = tuple[tuple[str, str | tuple[str, ...]], ...]
# How many estimates (and, in the web questionnaire, results pages) are remembered by answers.
REMEMBERED = 500


def answers_key(profile: Profile) -> AnswersKey:
    return tuple(
        (k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(profile.facts.items())
    )


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


class Full(session.WorkshopError):
    """The workshop holds as many participants as a workshop file can count."""


class Intake:
    """A live workshop's intake. Safe to call from many threads at once: each participant is
    counted exactly once, and :meth:`count` returns only once their count is on disk.

    Counting is group-committed: participants who finish while the file is being written wait
    for that write, and the next write counts all of them (one read, one write and one fsync
    for the lot instead of one each), so a roomful submitting at once is not a queue of disk
    syncs. A participant's count is never reported before it is durable."""

    def __init__(
        self,
        workshop: Path,
        catalog: Catalog,
        *,
        today: dt.date,
        on_count: Callable[[session.Tallies], None] | None = None,
    ) -> None:
        """``on_count`` hears the tallies each time new participants are on disk (a live count
        for the facilitator); it is called from the thread that wrote them."""
        self.workshop = workshop
        self.catalog = catalog
        self.today = today
        self.on_count = on_count
        self.queue = PrintQueue()
        self._lock = threading.Lock()  # the print queue, and closing
        self._commit = threading.Condition()
        self._pending: list[_Ticket] = []
        self._writing = False
        self._drafts: dict[tuple[str, str | None], bool] = {}
        self._audits: OrderedDict[AnswersKey, Audit] = OrderedDict()
        session.load(workshop)  # a missing or damaged file fails now, not at the first person

    def tallies(self) -> session.Tallies:
        return session.load(self.workshop)  # written whole by an atomic rename: always whole

    def full(self, tallies: session.Tallies | None = None) -> bool:
        """No more participants fit in the workshop file (and it is not closed)."""
        tallies = tallies or self.tallies()
        return not tallies.closed and tallies.participants >= MAX_PARTICIPANTS

    def count(self, profile: Profile) -> Counted:
        """Count one participant into the workshop file, as ``exposure workshop add`` does:
        the same tally, and the letters their papers hold. Raises :class:`Full` when the file
        holds as many participants as it can, ``WorkshopError`` when the workshop is closed."""
        profile = profile.without_identity()
        result = self.estimate(profile)
        counts, brokers = self.tally_one(profile, result)
        self.commit(counts)
        return Counted(result, tuple(brokers), counts.letters)

    def tally_one(self, profile: Profile, result: Audit) -> tuple[session.Tallies, list[str]]:
        """One participant's own tallies (as ``session.tally`` counts them into an empty
        workshop, letters included) and their letter brokers; nothing is written. Pure work,
        so it can run anywhere (a worker process of the web server, say)."""
        counts = session.Tallies(name="", started="", threshold=2)
        brokers = session.tally(counts, profile, self.catalog, result=result, today=self.today)
        counts.letters = sum(1 for b in brokers if self._draftable(b, profile))
        return counts, brokers

    def commit(self, counts: session.Tallies) -> None:
        """Add one participant's tallies (from :meth:`tally_one`) to the workshop file; returns
        once they are on disk. Raises :class:`Full` or ``WorkshopError`` (closed)."""
        ticket = _Ticket(counts)
        self._durable(ticket)
        if ticket.error is not None:
            raise ticket.error

    def _draftable(self, broker_id: str, profile: Profile) -> bool:
        """Whether a letter to this broker can be drafted for this (identity-free) profile, as
        drafting it would find. With blank identity lines that depends on the broker and the
        home state alone, so each pair is drafted once and remembered."""
        key = (broker_id, profile.home_state())
        found = self._drafts.get(key)
        if found is None:
            from exposure.app.letters import draft_letters

            drafted = draft_letters(
                profile, self.catalog, [broker_id], today=self.today, blanks=True
            )
            found = self._drafts[key] = bool(drafted.letters)
        return found

    def _durable(self, ticket: _Ticket) -> None:
        """Wait until the ticket is counted on disk (or refused). The first waiter while no
        write is under way writes every ticket pending at that moment."""
        with self._commit:
            self._pending.append(ticket)
            while not ticket.done and self._writing:
                self._commit.wait()
            if ticket.done:
                return
            batch, self._pending = self._pending, []
            self._writing = True
        try:
            written = _write(batch, self.workshop)
            if written is not None and self.on_count is not None:
                # while still the writer, so counts are heard in order; a terminal gone away
                # does not fail the participants just counted
                with contextlib.suppress(OSError, ValueError):
                    self.on_count(written)
        finally:
            with self._commit:
                for t in batch:
                    t.done = True
                self._writing = False
                self._commit.notify_all()

    def estimate(self, profile: Profile) -> Audit:
        """The estimate alone, counting nothing. Identical answers give the identical estimate,
        so the last few hundred are remembered by their answers (life facts only, in memory
        only): a reload, or the next participant answering alike, costs nothing."""
        from exposure.engine import audit

        key = answers_key(profile)
        found = self._audits.get(key)
        if found is not None:
            return found
        result = audit(profile.without_identity(), self.catalog, today=self.today)
        with self._lock:
            self._audits[key] = result
            while len(self._audits) > REMEMBERED:
                self._audits.popitem(last=False)
        return result

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
        with self._commit:  # not while a count is being written
            while self._writing:
                self._commit.wait()
            self._writing = True
        try:
            with self._lock:
                self.queue.clear()
            return session.close(self.workshop, self.today)
        finally:
            with self._commit:
                self._writing = False
                self._commit.notify_all()


@dataclass(eq=False)
class _Ticket:
    """One participant waiting to be counted: their own tallies, then the outcome."""

    counts: session.Tallies
    error: session.WorkshopError | None = None
    done: bool = False


def _write(batch: list[_Ticket], workshop: Path) -> session.Tallies | None:
    """Count a batch of participants with one read and one (fsynced, atomic) write. A ticket
    the file refuses (closed, or full) gets its error and leaves the others counted; if the
    write fails, every ticket in the batch gets the error and none is counted."""
    try:
        tallies = session.load(workshop)
        counted = False
        for t in batch:
            if tallies.closed:  # as session.tally refuses
                t.error = session.WorkshopError(_("this workshop is closed; start a new one"))
                continue
            if tallies.participants + t.counts.participants > MAX_PARTICIPANTS:
                t.error = Full(
                    _("this workshop is full: a workshop counts at most {n} participants").format(
                        n=MAX_PARTICIPANTS
                    )
                )
                continue
            session.add(tallies, t.counts)
            counted = True
        if counted:
            session.save(workshop, tallies)
            return tallies
    except session.WorkshopError as exc:
        for t in batch:
            t.error = exc
    except BaseException:
        for t in batch:
            t.error = session.WorkshopError(_("the workshop file could not be written"))
        raise
    return None


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
    with _speaking, language.Speaking(lang):
        # the two-page summary: what a participant takes home and acts on
        parts = [individual_report(result, catalog, today=today, words=words, short=True)]
        if drafted.letters:
            from exposure.catalog_language import catalog_text

            # the web-form pages are the participant's: in their language, steps included
            parts.append(pdf_bytes(drafted.letters, tr=catalog_text(catalog, lang)))
            if lang != language.ENGLISH:
                from exposure.pdf.companion import companion_pdf

                parts.append(companion_pdf(drafted.letters, catalog))
    if len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    writer.add_metadata({"/Title": "exposure"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

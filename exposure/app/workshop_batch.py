"""Adding many workshop participants at once, on every core, drawing each letter once.

1. Each participant is estimated and counted on their own, on a pool of worker processes:
   each counts into an empty :class:`~exposure.workshop.session.Tallies` with the one rule
   (:func:`exposure.workshop.session.tally`), prints the participant's report when asked, and
   sends back only the counts and which letters the participant gets (broker, home state).
2. A workshop letter has blank lines for identity, so it depends only on the broker, the home
   state and the date: each distinct one is drafted once, and all of them are drawn once into
   one PDF (:class:`exposure.pdf.sheet.LetterSheet`).
3. Each participant's letters PDF is assembled from those pages, on the pool.

The counts are added up here; the workshop file is written once, by the caller.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from exposure.limits import MAX_PARTICIPANTS
from exposure.workshop import session

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.letters.draft import Letter
    from exposure.pdf.sheet import LetterSheet
    from exposure.profile.model import Profile

# Below this many participants a pool costs more to start than it saves.
POOL_FROM = 24
CHUNK = 8

_catalog: Catalog | None = None
_sheet: LetterSheet | None = None


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


LetterKey = tuple[str, str | None]  # a broker, and the participant's home state


def _count_one(
    catalog: Catalog,
    profile: Profile,
    *,
    report: Path | None,
    today: dt.date,
    full_report: bool = False,
) -> tuple[session.Tallies, list[LetterKey]]:
    """One participant counted with the one rule, and which letters their papers hold; with
    ``report``, their report is printed there: the two-page summary a workshop prints, or
    with ``full_report`` the summary and its appendix."""
    from exposure.engine import audit

    counts = session.Tallies(name="", started="", threshold=2)
    result = audit(profile, catalog, today=today)
    brokers = session.tally(counts, profile, catalog, result=result, today=today)
    if report is not None:
        from exposure.atomic import ensure_private_dir, write_atomic
        from exposure.reports.individual import individual_report

        ensure_private_dir(report.parent)
        pdf = individual_report(result, catalog, today=today, short=not full_report)
        write_atomic(report, pdf)
    state = profile.home_state()
    return counts, [(b, state) for b in brokers]


def _draft(
    catalog: Catalog, people: Sequence[Profile], keys: Sequence[list[LetterKey]], today: dt.date
) -> dict[LetterKey, Letter | None]:
    """Each distinct letter drafted once, for the first participant who needs it. A workshop
    letter has blank lines for identity, so it depends only on the broker, the home state and
    the date (drafting reads nothing else of a profile): it is the letter every participant
    with that key gets. ``None``: no letter can go to that broker."""
    from exposure.errors import ExposureError
    from exposure.letters.draft import draft_letter

    drafted: dict[LetterKey, Letter | None] = {}
    for profile, wanted in zip(people, keys, strict=True):
        for key in wanted:
            if key in drafted:
                continue
            try:
                drafted[key] = draft_letter(
                    catalog.by_id[key[0]],
                    profile.without_identity(),
                    catalog,
                    today=today,
                    blanks=True,
                )
            except ExposureError:
                drafted[key] = None
    return drafted


def _start_worker(catalog_dir: Path | None, use_cache: bool) -> None:
    """A worker's catalog: inherited when the process was forked, else loaded once."""
    from broker_catalog.loader import load_catalog

    global _catalog  # one catalog per worker process, inherited when forked
    if _catalog is None:
        _catalog = load_catalog(catalog_dir, use_cache=use_cache)


def _start_printer(sheet: LetterSheet) -> None:
    global _sheet  # the drawn letters, one copy per worker process
    _sheet = sheet


def _work(
    job: tuple[Profile, Path | None, dt.date, bool],
) -> tuple[session.Tallies, list[LetterKey]]:
    profile, report, today, full_report = job
    if _catalog is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker has no catalog")
    return _count_one(_catalog, profile, report=report, today=today, full_report=full_report)


def _print(job: tuple[Path, list[Letter]]) -> None:
    folder, letters = job
    if _sheet is None:  # pragma: no cover - set before the pool started
        raise RuntimeError("worker has no letters")
    _write_letters(_sheet, folder, letters)


def _write_letters(sheet: LetterSheet, folder: Path, letters: list[Letter]) -> None:
    from exposure.atomic import ensure_private_dir, write_atomic

    ensure_private_dir(folder)
    if letters:
        write_atomic(folder / "letters.pdf", sheet.pdf(letters))


def add_participants(
    tallies: session.Tallies,
    people: Sequence[Profile],
    out: Path,
    catalog: Catalog,
    *,
    today: dt.date,
    report: bool = False,
    full_report: bool = False,
    jobs: int = 1,
    catalog_dir: Path | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Count ``people`` into ``tallies`` and print each one's papers into
    ``out/participant-N`` (N continuing the workshop's count), on ``jobs`` processes. The
    counts are exactly those of counting them one by one, and each letters PDF has the pages
    printing them one by one gives (each distinct letter is drawn once, see
    :mod:`exposure.pdf.sheet`). Progress counts each participant twice: counted, printed.
    ``report``: each participant's own report too, the two-page summary (``full_report``: with
    its appendix)."""
    global _catalog  # one catalog per worker process, inherited when forked
    if tallies.closed:
        raise session.WorkshopError("this workshop is closed; start a new one")
    if tallies.participants + len(people) > MAX_PARTICIPANTS:
        # the workers count into empty tallies, so the workshop's limit is checked here
        raise session.WorkshopError(f"a workshop counts at most {MAX_PARTICIPANTS} participants")
    first = tallies.participants
    folders = [out / f"participant-{first + n}" for n in range(1, len(people) + 1)]
    total = 2 * len(people)
    pool = jobs > 1 and len(people) >= POOL_FROM
    # 1. estimate and count everyone (and print their reports)
    work = [
        (p, f / "report.pdf" if report else None, today, full_report)
        for p, f in zip(people, folders, strict=True)
    ]
    keys: list[list[LetterKey]] = []
    counted: list[session.Tallies] = []
    if pool:
        _catalog = catalog
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(catalog_dir, use_cache)
        ) as executor:
            for done, (counts, wanted) in enumerate(executor.map(_work, work, chunksize=CHUNK), 1):
                counted.append(counts)
                keys.append(wanted)
                if progress is not None:
                    progress(done, total)
    else:
        for done, (profile, report_path, _today, _full) in enumerate(work, 1):
            counts, wanted = _count_one(
                catalog, profile, report=report_path, today=today, full_report=full_report
            )
            counted.append(counts)
            keys.append(wanted)
            if progress is not None:
                progress(done, total)
    # 2. draft and draw each distinct letter once
    from exposure.catalog_language import catalog_text
    from exposure.pdf.sheet import LetterSheet

    drafted = _draft(catalog, people, keys, today)
    letters = [[d for k in wanted if (d := drafted[k]) is not None] for wanted in keys]
    for counts, mine in zip(counted, letters, strict=True):
        counts.letters += len(mine)
    # the web-form pages are the participant's, in their language; the letters stay English
    sheet = LetterSheet([d for d in drafted.values() if d is not None], tr=catalog_text(catalog))
    # 3. each participant's letters PDF, from the drawn pages
    jobs_list = list(zip(folders, letters, strict=True))
    if pool:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_printer, initargs=(sheet,)
        ) as executor:
            for done, _ in enumerate(executor.map(_print, jobs_list, chunksize=CHUNK), 1):
                if progress is not None:
                    progress(len(people) + done, total)
    else:
        for done, (folder, mine) in enumerate(jobs_list, 1):
            _write_letters(sheet, folder, mine)
            if progress is not None:
                progress(len(people) + done, total)
    for counts in counted:
        session.add(tallies, counts)

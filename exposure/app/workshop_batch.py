"""Adding many workshop participants at once, on every core.

Each participant is independent: their estimate, their letters and report are worked out and
printed on their own. So the batch is split over a pool of worker processes; each worker counts
its participants into an empty :class:`~exposure.workshop.session.Tallies` with the one rule
(:func:`exposure.workshop.session.tally`), prints their papers into their own folder, and sends
back only its counts, which are added up here. The workshop file is written once, by the caller.
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
    from exposure.profile.model import Profile

# Below this many participants a pool costs more to start than it saves.
POOL_FROM = 24
CHUNK = 8

_catalog: Catalog | None = None


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _print_one(
    catalog: Catalog,
    folder: Path,
    profile: Profile,
    *,
    report: bool,
    today: dt.date,
    full_report: bool = False,
) -> session.Tallies:
    from exposure.atomic import write_atomic
    from exposure.engine import audit
    from exposure.workshop.participants import print_papers

    counts = session.Tallies(name="", started="", threshold=2)
    result = audit(profile, catalog, today=today)
    brokers = session.tally(counts, profile, catalog, result=result, today=today)
    counts.letters += print_papers(folder, profile, brokers, catalog, today=today)
    if report:
        from exposure.reports.individual import individual_report

        # the two-page summary, which a workshop prints, unless the full report was asked for
        pdf = individual_report(result, catalog, today=today, short=not full_report)
        write_atomic(folder / "report.pdf", pdf)
    return counts


def _start_worker(catalog_dir: Path | None, use_cache: bool) -> None:
    """A worker's catalog: inherited when the process was forked, else loaded once."""
    from broker_catalog.loader import load_catalog

    global _catalog  # one catalog per worker process, inherited when forked
    if _catalog is None:
        _catalog = load_catalog(catalog_dir, use_cache=use_cache)


def _work(job: tuple[Path, Profile, bool, dt.date, bool]) -> session.Tallies:
    folder, profile, report, today, full_report = job
    if _catalog is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker has no catalog")
    return _print_one(
        _catalog, folder, profile, report=report, today=today, full_report=full_report
    )


def _add(total: session.Tallies, counts: session.Tallies) -> None:
    total.participants += counts.participants
    total.categories.update(counts.categories)
    total.brokers.update(counts.brokers)
    total.no_route += counts.no_route
    total.letters += counts.letters


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
    counts are exactly those of counting them one by one. ``report``: each participant's own
    report too, the two-page summary (``full_report``: with its appendix)."""
    if tallies.closed:
        raise session.WorkshopError("this workshop is closed; start a new one")
    if tallies.participants + len(people) > MAX_PARTICIPANTS:
        # the workers count into empty tallies, so the workshop's limit is checked here
        raise session.WorkshopError(f"a workshop counts at most {MAX_PARTICIPANTS} participants")
    first = tallies.participants
    folders = [out / f"participant-{first + n}" for n in range(1, len(people) + 1)]
    if jobs <= 1 or len(people) < POOL_FROM:
        for done, (folder, profile) in enumerate(zip(folders, people, strict=True), 1):
            counts = _print_one(
                catalog, folder, profile, report=report, today=today, full_report=full_report
            )
            _add(tallies, counts)
            if progress is not None:
                progress(done, len(people))
        return
    global _catalog  # one catalog per worker process, inherited when forked
    _catalog = catalog
    work = [(f, p, report, today, full_report) for f, p in zip(folders, people, strict=True)]
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(catalog_dir, use_cache)
    ) as pool:
        for done, counts in enumerate(pool.map(_work, work, chunksize=CHUNK), 1):
            _add(tallies, counts)
            if progress is not None:
                progress(done, len(people))

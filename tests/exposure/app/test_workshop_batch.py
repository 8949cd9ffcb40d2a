"""Printing a workshop's participants on several processes counts and prints exactly what
printing them one by one does."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from broker_catalog import load_catalog
from broker_catalog.schema import AnswerKind
from exposure.app.workshop_batch import POOL_FROM, add_participants
from exposure.profile.model import Answer, Profile
from exposure.workshop import session

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)


def people(count: int) -> list[Profile]:
    rng = random.Random(7)  # noqa: S311 - reproducible test data
    out = []
    for _ in range(count):
        facts: dict[str, Answer] = {}
        for fact in CATALOG.facts:
            if fact.kind is AnswerKind.YES_NO:
                facts[fact.id] = rng.choice(["yes", "no", "unknown"])
            elif fact.kind is AnswerKind.CHOICE:
                facts[fact.id] = rng.choice([c.value for c in fact.choices])
            elif fact.kind is AnswerKind.STATE:
                facts[fact.id] = rng.choice(["CA", "TX", "NY", "VA"])
        out.append(Profile(facts=facts))
    return out


def test_the_pool_counts_and_prints_as_one_by_one(tmp_path: Path) -> None:
    group = people(POOL_FROM + 6)
    results = {}
    for jobs in (1, 2):
        path = tmp_path / f"w{jobs}.json"
        tallies = session.start(path, name="Pool", threshold=5, today=TODAY)
        out = tmp_path / f"out{jobs}"
        add_participants(tallies, group, out, CATALOG, today=TODAY, jobs=jobs)
        files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
        results[jobs] = (tallies.to_json(), files)
    assert results[1][0] == results[2][0]
    assert results[1][1] == results[2][1]  # byte for byte: the PDFs are reproducible
    assert len(results[2][1]) == len(group)


def test_a_workshop_prints_the_two_page_summary_unless_the_full_report_is_asked_for(
    tmp_path: Path,
) -> None:
    import io

    import pypdf

    pages = {}
    for full in (False, True):
        tallies = session.Tallies(name="Summary", started="2026-11-01", threshold=2)
        out = tmp_path / f"full-{full}"
        add_participants(
            tallies, people(1), out, CATALOG, today=TODAY, report=True, full_report=full
        )
        pdf = (out / "participant-1" / "report.pdf").read_bytes()
        pages[full] = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages[False]) <= 2
    assert len(pages[True]) > len(pages[False])

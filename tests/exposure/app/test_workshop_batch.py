"""Printing a workshop's participants on several processes counts and prints exactly what
printing them one by one does."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

from pypdf import PdfReader

from broker_catalog import load_catalog
from exposure.app.workshop_batch import POOL_FROM, add_participants
from exposure.letters.draft import draft_letter
from exposure.pdf.sheet import LetterSheet
from exposure.profile.model import Profile
from exposure.workshop import session
from exposure.workshop.participants import print_papers
from tests.exposure.app.people import random_person

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)


def people(count: int) -> list[Profile]:
    rng = random.Random(7)  # noqa: S311 - reproducible test data
    return [random_person(rng, CATALOG, ["CA", "TX", "NY", "VA"]) for _ in range(count)]


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
    pages = {}
    for full in (False, True):
        tallies = session.Tallies(name="Summary", started="2026-11-01", threshold=2)
        out = tmp_path / f"full-{full}"
        add_participants(
            tallies, people(1), out, CATALOG, today=TODAY, report=True, full_report=full
        )
        pdf = (out / "participant-1" / "report.pdf").read_bytes()
        pages[full] = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages[False]) <= 2
    assert len(pages[True]) > len(pages[False])


def _pages(pdf: bytes) -> tuple[list[str], list[str | None], str]:
    reader = PdfReader(io.BytesIO(pdf))
    texts = [page.extract_text() for page in reader.pages]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    return texts, outline, str(reader.metadata.title if reader.metadata else "")


def test_each_letters_pdf_has_the_pages_printing_one_by_one_gives(tmp_path: Path) -> None:
    """Each distinct letter is drawn once and shared, yet every participant's PDF reads page
    for page as if their letters alone were printed: same text, same outline, same title."""
    group = people(12)
    tallies = session.start(tmp_path / "w.json", name="Sheet", threshold=5, today=TODAY)
    add_participants(tallies, group, tmp_path / "out", CATALOG, today=TODAY)
    letters = 0
    for n, profile in enumerate(group, 1):
        counts = session.Tallies(name="", started="", threshold=2)
        brokers = session.tally(counts, profile, CATALOG, today=TODAY)
        alone = tmp_path / f"alone-{n}"
        letters += print_papers(alone, profile, brokers, CATALOG, today=TODAY)
        shared = tmp_path / "out" / f"participant-{n}" / "letters.pdf"
        assert (alone / "letters.pdf").exists() == shared.exists()
        if shared.exists():
            assert _pages(shared.read_bytes()) == _pages((alone / "letters.pdf").read_bytes())
    assert tallies.letters == letters


def test_a_letter_shared_by_many_participants_is_drawn_once() -> None:
    profile = people(1)[0]
    brokers = session.tally(
        session.Tallies(name="", started="", threshold=2), profile, CATALOG, today=TODAY
    )
    drafted = [
        draft_letter(CATALOG.by_id[b], profile, CATALOG, today=TODAY, blanks=True)
        for b in brokers[:3]
    ]
    sheet = LetterSheet(drafted * 50)  # fifty participants with the same three letters
    assert len(PdfReader(io.BytesIO(sheet.data)).pages) == sum(len(sheet.pages[d]) for d in drafted)
    assert len(sheet.pages) == 3

"""Reports: what they must say, what they must never hold, and that they render."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from broker_catalog import load_catalog
from exposure.engine import audit
from exposure.profile.files import demo_profile
from exposure.render.wording import Wording
from exposure.reports.aggregate import aggregate_report, shown
from exposure.reports.handouts import handouts
from exposure.reports.individual import individual_report
from exposure.workshop.session import Tallies, tally

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_the_individual_report_says_what_it_must_and_holds_no_identity() -> None:
    profile = demo_profile()
    result = audit(profile, CATALOG, today=TODAY)
    pdf = individual_report(result, CATALOG, today=TODAY)
    text = _text(pdf)
    assert Wording(CATALOG).headline(result) in text
    assert "The five steps that matter most" in text
    assert "What cannot be opted out of" in text
    assert "Sources" in text
    assert "This is an estimate, not a search of any database" in text
    assert profile.identity is not None
    for secret in (profile.identity.full_name or "", "Ficticia", "marisol.demo", "555-0142"):
        assert secret not in text
    reader = _reader(pdf)
    assert reader.metadata is not None
    assert reader.metadata.author == "exposure"
    assert reader.outline, "headings become bookmarks"
    assert any("/Annots" in page for page in reader.pages), "links are clickable"
    assert "\u2610" in text, "checkboxes to tick on paper"


def test_suppression_at_the_threshold_boundary() -> None:
    assert shown(4, 5) == "fewer than 5"
    assert shown(5, 5) == "5"
    tallies = Tallies(name="Boundary", started="2026-11-01", threshold=5, participants=9)
    tallies.categories = Counter({"utility-telecom": 4, "phone-location": 5})
    tallies.brokers = Counter({"nctue": 4, "venntel": 5})
    text = _text(aggregate_report(tallies, CATALOG, today=TODAY))
    assert "Utility and telecom payment records: fewer than 5 of 9 participants" in text
    assert "Phone location data: 5 of 9 participants" in text
    assert "Venntel, Inc.: 5 participants" in text
    assert "National Consumer Telecom" not in text, "a broker below the threshold is not named"


def test_the_aggregate_report_has_a_chart_and_methodology() -> None:
    tallies = Tallies(name="Chart", started="2026-11-01", threshold=5, participants=30)
    tallies.categories = Counter({"utility-telecom": 25, "phone-location": 12})
    pdf = aggregate_report(tallies, CATALOG, today=TODAY)
    text = _text(pdf)
    assert "Participants likely exposed, by category" in text  # the chart's caption
    assert "Methodology" in text


def test_handouts_have_one_page_per_category() -> None:
    reader = _reader(handouts(CATALOG))
    assert len(reader.pages) >= len(CATALOG.categories)
    text = " ".join(p.extract_text() for p in reader.pages)
    for category in CATALOG.categories:
        assert category.name in text


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
def test_reports_render(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(
        individual_report(audit(demo_profile(), CATALOG, today=TODAY), CATALOG, today=TODAY)
    )
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            str(tmp_path / "r.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    assert len(list(tmp_path.glob("p*.png"))) == 3


@pytest.mark.parametrize("threshold", [2, 5])
def test_no_page_of_the_workshop_findings_but_the_last_is_nearly_empty(threshold: int) -> None:
    """The findings' second page once held one line: the end of a list cut off by a forced
    page break. A section now starts a new page only when little is left of the current one."""
    from exposure.profile.files import read_profile

    few = read_profile(Path(__file__).parent / "few_brokers.toml")
    tallies = Tallies(name="Community workshop", started="2026-11-01", threshold=threshold)
    for person in [demo_profile()] * 5 + [few] * 2:
        tally(tallies, person, CATALOG, today=TODAY)
    pages = _reader(aggregate_report(tallies, CATALOG, today=TODAY)).pages
    for number, page in enumerate(pages[:-1], 1):
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(lines) - 2 >= 15, f"page {number} holds {len(lines)} lines"

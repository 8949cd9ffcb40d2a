"""The TUI's Textual-free parts: what a broker page, a preview and the effort words show."""

from __future__ import annotations

from pathlib import Path

from broker_catalog.catalog import Catalog
from exposure.app.letter_files import write_letters
from exposure.engine import audit
from exposure.letters.draft import draft_letter
from exposure.profile.files import demo_profile
from exposure.render.wording import Wording
from exposure.tui.broker_text import broker_markdown
from exposure.tui.letter_preview import letter_preview
from exposure.tui.words import LEVEL_WORDS, effort_words

from .conftest import TODAY


def test_broker_page_has_reasons_ties_and_a_way_out(catalog: Catalog) -> None:
    result = audit(demo_profile(), catalog, today=TODAY)
    nctue = next(b for b in result.brokers if b.id == "nctue")
    text = broker_markdown(catalog.by_id["nctue"], nctue, Wording(catalog))
    for heading in ("What it holds", "How you ended up there", "Government ties", "How to get out"):
        assert f"## {heading}" in text
    assert LEVEL_WORDS[nctue.likelihood] in text
    assert "](https://" in text  # sources are linked


def test_no_consumer_route_says_what_helps_instead(catalog: Catalog) -> None:
    text = broker_markdown(catalog.by_id["flock-safety"], None, Wording(catalog))
    assert "No consumer route" in text
    assert "What helps instead" in text


def test_preview_and_files_carry_the_letter(catalog: Catalog, tmp_path: Path) -> None:
    profile = demo_profile()
    letter = draft_letter(catalog.by_id["nctue"], profile, catalog, today=TODAY)
    assert letter.subject in letter_preview(letter)
    paths = write_letters(
        tmp_path / "out", [letter], ("pdf", "txt"), catalog, profile.identity
    ).paths
    assert sorted(p.suffix for p in paths) == [".pdf", ".txt"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in paths)


def test_effort_in_words() -> None:
    assert [effort_words(n) for n in (0, 2, 5, 9)] == [
        "little effort",
        "some effort",
        "more effort",
        "much effort",
    ]

"""Hostile names: each prints exactly (the text pypdf extracts equals what was typed) or is
refused before anything is written. Every name here is fictional."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pypdf
import pytest
from pydantic import ValidationError

from broker_catalog import Catalog
from exposure.app.letter_files import write_letters
from exposure.letters.draft import draft_letter
from exposure.pdf.fonts import GlyphError
from exposure.profile.answers import ProfileError
from exposure.profile.files import profile_from_text
from exposure.profile.model import Identity
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 12, 6)
PRINTS = {
    "markup": "<b>Ada</b> & <img src='file:///etc/passwd'/> Lovelace",
    "arabic": "فاطمة الزهراء",
    "hebrew": "נועה כהן",
    "cjk": "李小龍 山田はなこ 김민준",
    "emoji": "Zoë 🌻 Example 👩🏽‍🔬",
    "500 characters": ("Ana María " * 50)[:500].strip(),
}
REFUSED_AT_ENTRY = {
    "CR LF header injection": "Ana\r\nBcc: x@evil.test",
    "line feed": "Ana\nLópez",
    "line separator": "Ana\u2028López",
    "NUL": "Ana\x00López",
}


def _extracted(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("name", PRINTS.values(), ids=PRINTS.keys())
def test_a_hostile_name_prints_exactly(catalog: Catalog, tmp_path: Path, name: str) -> None:
    letter = draft_letter(
        catalog.by_id["acxiom"], person(name), catalog, kind="delete", today=TODAY
    )
    written = write_letters(tmp_path / "out", [letter], ["pdf"], catalog, None)
    text = _extracted(written.paths[0].read_bytes())
    assert " ".join(unicodedata.normalize("NFKC", name).split()) in text


@pytest.mark.parametrize("name", REFUSED_AT_ENTRY.values(), ids=REFUSED_AT_ENTRY.keys())
def test_a_name_with_a_line_break_is_refused_where_it_is_entered(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Identity(full_name=name)
    (error,) = caught.value.errors(include_input=False)
    assert error["loc"] == ("full_name",)
    assert "line break" in error["msg"]


def test_a_profile_file_names_the_field_and_never_the_value() -> None:
    text = '[identity]\nfull_name = "Ana\\r\\nBcc: x@evil.test"\n'
    with pytest.raises(ProfileError, match=r"identity\.full_name") as caught:
        profile_from_text(text, ".toml", "me.toml")
    assert "evil.test" not in str(caught.value)
    assert "line break" in str(caught.value)


def test_an_unprintable_name_is_refused_before_any_file_is_written(
    catalog: Catalog, tmp_path: Path
) -> None:
    good = draft_letter(
        catalog.by_id["spokeo"], person("Ada Example"), catalog, kind="delete", today=TODAY
    )
    bad = draft_letter(
        catalog.by_id["acxiom"], person("Ol Chiki \u1c5a"), catalog, kind="delete", today=TODAY
    )
    out = tmp_path / "out"
    with pytest.raises(GlyphError, match=r"U\+1C5A"):
        write_letters(out, [good, bad], ["txt", "pdf"], catalog, None)
    assert not out.exists(), "nothing of the batch may be written"
    assert list(tmp_path.iterdir()) == [], "no staging folder is left behind"


def test_a_failed_batch_leaves_the_old_files_in_place(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = draft_letter(
        catalog.by_id["spokeo"], person("Ada Example"), catalog, kind="delete", today=TODAY
    )
    write_letters(out, [good], ["txt"], catalog, None)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = draft_letter(
        catalog.by_id["acxiom"], person("Ol Chiki \u1c5a"), catalog, kind="delete", today=TODAY
    )
    with pytest.raises(GlyphError):
        write_letters(out, [good, bad], ["txt", "pdf"], catalog, None)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

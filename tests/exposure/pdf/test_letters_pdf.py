"""PDF letters print every script a person types, exactly, and never interpret it as markup."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from broker_catalog import Catalog
from exposure.letters.draft import draft_letter
from exposure.pdf.fonts import GlyphError
from exposure.pdf.letters import pdf_bytes
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 11, 20)
NAMES = {
    "accents": "Zoë Ångström-Núñez",
    "vietnamese": "Nguyễn Thị Ánh Tuyết",
    "arabic": "محمد الأمين",
    "chinese": "王小明",
    "japanese": "山田 はなこ",
    "korean": "김민준",
    "markup": "<b>&amp; Bold</b> <img src='/etc/passwd'/>",
    "long": "Ana " + "María " * 80 + "López",
}


def _text(pdf: bytes) -> str:
    import io

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_the_exact_name_and_address_are_in_the_pdf(catalog: Catalog, name: str) -> None:
    profile = person(name, street="7 Rue <i>Élysée</i> & Fils")
    letter = draft_letter(catalog.by_id["acxiom"], profile, catalog, kind="delete", today=TODAY)
    text = _text(pdf_bytes([letter]))
    assert " ".join(name.split()) in text
    assert "7 Rue <i>Élysée</i> & Fils" in text
    assert "Cal. Civ. Code § 1798.105" in text
    assert "January 4, 2027" in text


def test_a_character_no_font_has_is_a_clear_error(catalog: Catalog) -> None:
    profile = person("Ol Chiki \u1c5a\u1c5b")
    letter = draft_letter(catalog.by_id["acxiom"], profile, catalog, kind="delete", today=TODAY)
    with pytest.raises(GlyphError, match=r"U\+1C5A"):
        pdf_bytes([letter])


def test_a_line_break_in_a_name_is_refused_where_it_is_entered() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="line break") as caught:
        person("Ada\r\nBcc: someone@example.org")
    assert "someone@example.org" not in str(caught.value.errors(include_input=False))


def test_output_is_reproducible_and_merges(catalog: Catalog) -> None:
    profile = person("Ada Example")
    letters = [
        draft_letter(catalog.by_id[b], profile, catalog, kind="delete", today=TODAY)
        for b in ("acxiom", "spokeo")
    ]
    assert pdf_bytes(letters[:1]) == pdf_bytes(letters[:1])
    merged = pypdf.PdfReader(__import__("io").BytesIO(pdf_bytes(letters, guide_page=False)))
    assert len(merged.pages) >= 2
    assert merged.metadata is not None
    assert merged.metadata.author == "exposure"


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
def test_the_pdf_renders_to_an_image(catalog: Catalog, tmp_path: Path) -> None:
    letter = draft_letter(
        catalog.by_id["acxiom"], person(NAMES["vietnamese"]), catalog, kind="delete", today=TODAY
    )
    (tmp_path / "letter.pdf").write_bytes(pdf_bytes([letter]))
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(tmp_path / "letter.pdf"), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages
    assert all(p.stat().st_size > 2000 for p in pages)
    assert re.match(r"page-0*1\.png", pages[0].name)


def test_a_letter_whose_first_line_is_a_blank_renders_in_a_fresh_process() -> None:
    """Regression: the canvas set the bundled font before anything had registered it."""
    import sys

    code = (
        "import datetime as dt; from broker_catalog import load_catalog;"
        "from exposure.profile.files import demo_profile;"
        "from exposure.letters.draft import draft_letter;"
        "from exposure.pdf.letters import pdf_bytes;"
        "c = load_catalog(); l = draft_letter(c.by_id['gravy-analytics'], demo_profile(), c,"
        " today=dt.date(2026, 11, 20)); print(len(pdf_bytes([l])) > 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"

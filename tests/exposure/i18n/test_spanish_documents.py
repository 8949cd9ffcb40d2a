"""The demo in Spanish: a Spanish estimate and report, English letters, and one Spanish companion
page per letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from exposure.cli.main import main


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def demo_es(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo-es")
    assert main(["demo", "--out", str(out), "--lang", "es"]) == 0
    return out


def test_the_estimate_is_in_spanish(demo_es: Path) -> None:
    md = (demo_es / "audit.md").read_text(encoding="utf-8")
    assert md.startswith("# Su probable exposición a corredores de datos")
    assert "Probablemente está en" in md


def test_the_report_is_in_spanish(demo_es: Path) -> None:
    text = _text(demo_es / "report.pdf")
    assert "Los cinco pasos más importantes" in text
    assert "Apéndice: todos los detalles" in text
    assert "Página 1" in text
    assert "The five steps that matter most" not in text


def test_letters_stay_in_english(demo_es: Path) -> None:
    text = _text(demo_es / "letters" / "gravy-analytics-delete.pdf")
    assert "I am writing to" in text
    assert "Pide a" not in text


def test_one_companion_page_per_letter(demo_es: Path) -> None:
    letters = [p for p in (demo_es / "letters").glob("*-*.pdf") if p.name != "all-letters.pdf"]
    sheet = demo_es / "letters" / "hojas-de-ayuda.pdf"
    reader = PdfReader(sheet)
    companions = [p for p in letters if p != sheet]
    assert len(reader.pages) == len(companions)
    first = reader.pages[0].extract_text() or ""
    for heading in (
        "Qué pide esta carta",
        "Dónde y cómo enviarla",
        "Qué adjuntar, y qué no enviar nunca",
        "Qué pasa después, y para cuándo",
    ):
        assert heading in first


def test_english_gets_no_companion(tmp_path: Path) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert not list((tmp_path / "letters").glob("hojas-*"))
    assert "The five steps that matter most" in _text(tmp_path / "report.pdf")

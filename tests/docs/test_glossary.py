"""The Spanish glossary's rejected variants never appear in any Spanish text we ship."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
GLOSSARY = REPO / "docs" / "es" / "glosario.md"
# Not checked: web and e-mail addresses, code, and text in double quotes (the verbatim English
# of a form's or button's name, or a postal address line, as the person will see it).
_STRIP = re.compile(r'https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`]*`|"[^"\n]*"')


def rejected_variants() -> list[str]:
    """The backticked words of the third column of the glossary's term table."""
    variants: list[str] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and "`" in cells[2]:
            variants += re.findall(r"`([^`]+)`", cells[2])
    return variants


def legal_names() -> list[str]:
    """Names of laws and agencies, which stay in English (first column of the two-column table)."""
    names: list[str] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and not cells[0].startswith(("-", "nombre")):
            names += [n.strip() for n in re.split(r"[(),]", cells[0]) if len(n.strip()) > 3]
    return sorted(names, key=len, reverse=True)


def spanish_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every Spanish text: the .po, the catalog translations, docs/es."""
    po = REPO / "exposure" / "locale" / "es" / "LC_MESSAGES" / "exposure.po"
    with po.open("rb") as f:
        for message in read_po(f):
            found = message.string
            strings = found if isinstance(found, tuple | list) else (found,)
            for s in strings:
                if message.id and s:
                    yield f"{po.name}: {message.id!r}", str(s)
    for path in sorted((REPO / "broker_catalog" / "i18n" / "es").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("text", []):
            yield f"{path.relative_to(REPO)}: {entry['field']}", str(entry["text"])
    for path in sorted((REPO / "docs" / "es").rglob("*.md")):
        if path != GLOSSARY:
            yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")


def test_the_glossary_rejects_something() -> None:
    variants = rejected_variants()
    assert len(variants) > 40
    assert "broker de datos" in variants
    assert "Delete Request and Opt-out Platform" in legal_names()


def test_no_rejected_variant_appears() -> None:
    patterns = [
        (v, re.compile(rf"(?<![\w-]){re.escape(v)}(?![\w-])", re.IGNORECASE))
        for v in rejected_variants()
    ]
    names = re.compile("|".join(re.escape(n) for n in legal_names()), re.IGNORECASE)
    found = []
    for where, text in spanish_texts():
        clean = names.sub(" ", _STRIP.sub(" ", text))
        found += [f"{where}: '{v}'" for v, rx in patterns if rx.search(clean)]
    assert not found, "rejected variants (see docs/es/glosario.md):\n" + "\n".join(found)


@pytest.mark.parametrize("variant", ["e-mail", "tu", "reporte"])
def test_the_check_would_catch_them(variant: str) -> None:
    rx = re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", re.IGNORECASE)
    assert rx.search(f"Escriba {variant} aquí.")
    assert not rx.search(_STRIP.sub(" ", f"Vea https://example.org/{variant} y `{variant}`."))

"""The web questionnaire's own words are all in its Spanish catalog
(``exposure/locale/es/LC_MESSAGES/exposure-web.po``), with their placeholders, and nothing in
that catalog is left over from strings the pages no longer use."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from exposure.i18n import LOCALE_DIR
from exposure.web import i18n

WEB = Path(i18n.__file__).resolve().parent
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "exposure-web.po"
SAME_IN_SPANISH = {"No"}
# Words a template passes through the translation function as data (likelihood levels).
DYNAMIC = {"likely", "possible"}


def page_strings() -> set[str]:
    found: set[str] = set()
    for template in WEB.joinpath("templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        found.update(re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', text))
        found.update(re.findall(r"_\('((?:[^'\\]|\\.)*)'\)", text))
    for module in ("app.py", "poster.py"):
        text = WEB.joinpath(module).read_text(encoding="utf-8")
        for call in re.findall(r'\b(?:t|es|say|both)\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', text):
            found.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call)))
        for _name, value in re.findall(r'(\w+) = t\("((?:[^"\\]|\\.)*)"\)', text):
            found.add(value)
    return {s.replace('\\"', '"') for s in found} | DYNAMIC


def test_every_page_string_is_translated() -> None:
    assert i18n.available("es")
    t = i18n.translator("es")
    untranslated = sorted(s for s in page_strings() if t(s) == s and s not in SAME_IN_SPANISH)
    assert not untranslated, f"add these to {PO.name}: {untranslated}"


def test_placeholders_survive_and_nothing_is_left_over() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    ids = {m.id for m in catalog if m.id}
    assert not ids - page_strings(), f"no longer used: {sorted(ids - page_strings())}"
    for message in catalog:
        if message.id:
            assert set(re.findall(r"\{\w*\}", str(message.id))) == set(
                re.findall(r"\{\w*\}", str(message.string))
            ), message.id

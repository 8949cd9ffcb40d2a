"""Text for reportlab that renders any script a person types, and never injects markup.

Letters are drawn run by run on the canvas (no markup at all); reports use reportlab's
Paragraph, which parses a small XML dialect, so :func:`markup` escapes every value and builds
tags only of its own. The standard PDF fonts cover Latin-1 only; the bundled fonts are
registered instead, and each run of characters is set in the first font that has its glyphs.
Right-to-left runs (Arabic, Hebrew) are shaped and reordered for display. A character no bundled
font has raises an error that names it: never a silent empty box.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from exposure.errors import ExposureError
from exposure.letters.plain import plain

FONTS = Path(__file__).resolve().parent.parent / "fonts"
CHAIN = (
    ("ExposureSans", "DejaVuSans.ttf"),
    ("ExposureCJK", "DroidSansFallbackFull.ttf"),
    ("ExposureHangul", "NanumGothic.ttf"),
)
BOLD = ("ExposureSans-Bold", "DejaVuSans-Bold.ttf")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


class GlyphError(ExposureError):
    """A character that none of the bundled fonts can draw."""


@cache
def register() -> dict[str, frozenset[int]]:
    """Register the bundled fonts once; return each font's set of covered code points."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    coverage = {}
    for name, file in (*CHAIN, BOLD):
        font = TTFont(name, str(FONTS / file))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    return coverage


def visual(text: str) -> str:
    """Shape and reorder right-to-left runs for display; left-to-right text is unchanged."""
    if not _RTL.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def _font_for(char: str, first: str, coverage: dict[str, frozenset[int]]) -> str:
    if ord(char) in coverage[first] or char.isspace():
        return first
    for name, _ in CHAIN:
        if ord(char) in coverage[name]:
            return name
    label = unicodedata.name(char, "unnamed character")
    raise GlyphError(
        f"cannot print the character {char!r} (U+{ord(char):04X} {label}): none of the bundled "
        "fonts has it. Please write it another way (for example, in Latin letters)."
    )


Run = tuple[str, str]  # (font name, text)


def runs(text: str, *, bold: bool = False) -> list[Run]:
    """``text`` on one line, shaped for display, split into runs each set in one font."""
    coverage = register()
    first = BOLD[0] if bold else CHAIN[0][0]
    shown = visual(plain(text))
    if all(ord(c) in coverage[first] for c in set(shown)):
        return [(first, shown)] if shown else []  # the common case: one font covers it all
    out: list[Run] = []
    for char in shown:
        font = _font_for(char, first, coverage)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str, *, bold: bool = False) -> str:
    """reportlab Paragraph markup for ``text``: escaped, with a font switch per run (for
    reports built with platypus)."""
    first = BOLD[0] if bold else CHAIN[0][0]
    return "".join(
        escape(chunk) if font == first else f'<font name="{font}">{escape(chunk)}</font>'
        for font, chunk in runs(text, bold=bold)
    )

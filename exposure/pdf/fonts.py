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
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.letters.plain import plain

FONTS = Path(__file__).resolve().parent.parent / "fonts"
CHAIN = (
    ("ExposureSans", "DejaVuSans.ttf"),
    ("ExposureCJK", "DroidSansFallbackFull.ttf"),
    ("ExposureHangul", "NanumGothic.ttf"),
    ("ExposureEmoji", "NotoEmoji-Regular.ttf"),
)
BOLD = ("ExposureSans-Bold", "DejaVuSans-Bold.ttf")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


class GlyphError(ExposureError):
    """A character that none of the bundled fonts can draw."""


@cache
def register() -> dict[str, frozenset[int]]:
    """Register the bundled fonts once; return each font's set of covered code points."""
    from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    _compress_subsets_once(pdfdoc.PDFZCompress)
    coverage = {}
    for name, file in (*CHAIN, BOLD):
        font = TTFont(name, str(FONTS / file))
        _cache_subsets(font)
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    return coverage


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    return _cmap(fontname, tuple(subset))


@cache
def _cmap(fontname: str, subset: tuple[int, ...]) -> str:
    """The ToUnicode map reportlab writes, but with characters outside the Basic Multilingual
    Plane (emoji, rare CJK) written as UTF-16 surrogate pairs, as the PDF format requires.
    reportlab writes their code point in plain hex, so text extraction and copy-and-paste lost
    them (a name printed but could not be read back)."""
    head = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    pairs = [f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join([*head, *pairs, *tail])


_SUBSETS: dict[int, tuple[bytes, bytes]] = {}  # id of a cached subset → (subset, compressed)


def _compress_subsets_once(flate: Any) -> None:
    """Compress each cached font subset once, not once per PDF: the deflate filter returns the
    stored result for a subset made by :func:`_cache_subsets` (matched by identity, so no
    other stream is affected)."""
    encode = flate.encode

    def encode_cached(text: bytes | str) -> bytes:
        known = _SUBSETS.get(id(text))
        if known is not None and known[0] is text:
            return known[1]
        return bytes(encode(text))

    flate.encode = encode_cached


def _cache_subsets(font: Any) -> None:
    """Remember each embedded font subset across documents.

    reportlab cuts a fresh subset of every font for every PDF it writes, which is most of the
    time a one-page letter takes. Letters drawn from the same templates use the same subsets
    (printable ASCII sits at fixed places, other characters follow in order of first use), so
    the bytes of a subset are kept, keyed by its exact glyph list, and reused.
    """
    make = font.face.makeSubset
    cache: dict[tuple[int, ...], bytes] = {}

    def make_cached(subset: list[int]) -> bytes:
        key = tuple(subset)
        data = cache.get(key)
        if data is None:
            if len(cache) > 256:
                for old in cache.values():
                    _SUBSETS.pop(id(old), None)
                cache.clear()
            data = cache[key] = make(subset)
            _SUBSETS[id(data)] = (data, zlib.compress(data))
        return data

    font.face.makeSubset = make_cached


def check_printable(texts: Iterable[str]) -> None:
    """Raise :class:`GlyphError` for the first character no bundled font can draw: called on
    every value of a batch before any file is written."""
    for text in texts:
        runs(text)


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
    for name, _path in CHAIN:
        if ord(char) in coverage[name]:
            return name
    label = unicodedata.name(char, "unnamed character")
    raise GlyphError(
        _(
            "cannot print the character {char} (U+{code} {name}): none of the bundled fonts has "
            "it. Please write it another way (for example, in Latin letters)."
        ).format(char=repr(char), code=f"{ord(char):04X}", name=label)
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

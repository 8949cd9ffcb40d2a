"""Shared pieces for report PDFs: styles, escaped paragraphs, headings in the outline, charts.

Reports use reportlab's platypus. Every value goes through :func:`exposure.pdf.fonts.markup`
(escaped, with per-script fonts), and only the tags built here are markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from exposure.pdf.fonts import BOLD, CHAIN, markup, register, runs

BASE = CHAIN[0][0]


def styles() -> dict[str, ParagraphStyle]:
    register()
    body = ParagraphStyle("body", fontName=BASE, fontSize=10, leading=13.5, spaceAfter=6)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD[0], fontSize=24, leading=30, spaceAfter=18
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD[0],
            fontSize=16,
            leading=20,
            spaceBefore=10,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD[0],
            fontSize=12,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "box": ParagraphStyle("box", parent=body, leftIndent=14, bulletIndent=0),
        "boxsmall": ParagraphStyle(
            "boxsmall", parent=body, fontSize=8.5, leading=11, leftIndent=14, spaceAfter=3
        ),
        "step": ParagraphStyle(
            "step",
            parent=body,
            fontName=BOLD[0],
            fontSize=10.5,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=3,
        ),
    }


class Heading(Paragraph):
    """A paragraph that also becomes a PDF bookmark (see :class:`ReportDoc`)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(markup(text, bold=True), style)
        self.outline_text = text
        self.outline_level = level

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """A heading is never split across pages: it moves whole to the next page. (Splitting
        would rebuild it through ``Paragraph.__init__``'s signature, which this class narrows.)"""
        return []


class ReportDoc(SimpleDocTemplate):
    """US Letter, page numbers, and an outline entry for every :class:`Heading`."""

    def __init__(
        self, target: io.BytesIO | str, *, title: str, subject: str, translated: bool = True
    ) -> None:
        """``translated``: the footer in the reader's language (reports, sheets); English for
        documents that go to companies (the agent packet)."""
        self._footer = _footer(translated)
        super().__init__(
            target,
            pagesize=LETTER,
            leftMargin=0.9 * inch,
            rightMargin=0.9 * inch,
            topMargin=0.8 * inch,
            bottomMargin=0.8 * inch,
            title=title,
            author="exposure",
            subject=subject,
            creator="exposure",
            invariant=1,
        )
        self._headings = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's hook name
        if isinstance(flowable, Heading):
            key = f"h{self._headings}"
            self._headings += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level)

    def build_story(self, story: list[Any]) -> None:
        self.build(story, onFirstPage=self._page_number, onLaterPages=self._page_number)

    def _page_number(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        page, note = self._footer
        canvas.saveState()
        canvas.setFont(BASE, 8)
        canvas.drawRightString(LETTER[0] - 0.9 * inch, 0.5 * inch, page.format(n=doc.page))
        canvas.drawString(0.9 * inch, 0.5 * inch, note)
        canvas.restoreState()


def _footer(translated: bool) -> tuple[str, str]:
    page, note = "Page {n}", "exposure: an estimate, not a search of any database"
    if not translated:
        return page, note
    from exposure.i18n import _

    return _("Page {n}"), _("exposure: an estimate, not a search of any database")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


# A section starts on a new page only when less than this is left of the page, so no page is
# left holding a line or two before a forced break.
NEW_SECTION = 3 * inch
# The text frame's width: US Letter less the margins and the frame's own padding.
FRAME_WIDTH = LETTER[0] - 2 * 0.9 * inch - 12
_URL_BREAK = re.compile(r"(?<=[/-])")


def _width(text: str, style: ParagraphStyle) -> float:
    return sum(stringWidth(chunk, font, style.fontSize) for font, chunk in runs(text))


def url_lines(url: str, first: float, width: float, style: ParagraphStyle) -> list[str]:
    """``url`` cut into lines that fit: the first ``first`` points wide (what is left of the
    label's line; it may be empty), the rest ``width``. Cuts fall only after a ``/`` or a
    ``-``; a piece between two of them longer than a whole line is the only thing ever cut
    elsewhere."""
    lines: list[str] = [""]
    room = first
    if _width(url, style) > first and _width(url, style) <= width:
        room = 0.0  # a link that fits a whole line is not broken to fill the label's line
    for piece in (p for p in _URL_BREAK.split(url) if p):
        if _width(lines[-1] + piece, style) <= room:
            lines[-1] += piece
            continue
        if lines[-1] or room < width:
            lines.append("")
            room = width
        while _width(piece, style) > width:  # one piece longer than a line: no choice
            cut = len(piece)
            while cut > 1 and _width(piece[:cut], style) > width:
                cut -= 1
            lines[-1] = piece[:cut]
            lines.append("")
            piece = piece[cut:]
        lines[-1] += piece
    return [line for line in lines if line] or [url]


class _Unbroken(Paragraph):
    """A paragraph that is never split over two pages: a link is read, and copied, whole."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        return []


def link(
    label: str,
    url: str,
    style: ParagraphStyle,
    *,
    width: float = FRAME_WIDTH,
    href: str | None = None,
) -> Paragraph:
    """A clickable link; the URL is escaped as an attribute and shown in full for paper
    readers, broken over lines only after a ``/`` or ``-`` (see :func:`url_lines`), so what is
    printed can be typed back as it reads, and never over two pages. ``href``: where the link
    goes when it is not what is shown (``mailto:`` for an e-mail address)."""
    target = escape(href or url, {'"': "&quot;"})
    head = f"{markup(label)}: " if label else ""
    line_width = width - style.leftIndent - style.rightIndent - 1
    probe = Paragraph(head + "x", style)  # where the label's last line ends
    probe.wrap(width, 10_000)
    last = probe.blPara.lines[-1]  # type: ignore[attr-defined]  # set by wrap()
    extra = last[0] if isinstance(last, tuple) else last.extraSpace
    left = extra + _width("x", style) - 1 if head else line_width - style.firstLineIndent
    pieces = url_lines(url, max(0.0, left), line_width, style)
    shown = "<br/>".join(f'<a href="{target}" color="blue">{escape(p)}</a>' for p in pieces)
    if head and not _width(pieces[0], style) <= left:
        shown = "<br/>" + shown
    return _Unbroken(head + shown, style)


class LevelChart(Drawing):
    """A drawing that keeps the numbers it shows (``rows``: label, then one count per level),
    so tests can read the chart's data."""

    _attrMap = AttrMap(  # noqa: N815 - reportlab's name
        BASE=Drawing,
        rows=AttrMapValue(None, desc="(label, one count per level) per row"),
        levels=AttrMapValue(None, desc="the levels' names, in words"),
    )
    rows: tuple[tuple[str, tuple[int, ...]], ...] = ()
    levels: tuple[str, ...] = ()


def _rect(x: float, y: float, width: float, height: float, fill: colors.Color) -> Rect:
    rect = Rect(x, y, width, height)
    rect.fillColor = fill
    rect.strokeColor = colors.black
    rect.strokeWidth = 0.4
    return rect


_FILLS = (colors.HexColor("#2f3e6e"), colors.HexColor("#c9d2ea"))


def stacked_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    levels: Sequence[str],
    caption: str,
    width: float = FRAME_WIDTH,
    label_width: float = 2.3 * inch,
    empty: str = "",
) -> LevelChart:
    """One horizontal bar per row, split into a segment per level (two: likely, possible).

    Nothing is said by colour alone: the legend names each level in words, and each bar is
    followed by its counts in words ("12 likely, 30 possible"; ``empty`` for a row of zeros).
    Row labels are wrapped, never cut short."""
    from reportlab.lib.utils import simpleSplit

    register()
    size, leading, bar = 8.5, 10.0, 12.0
    counts_width = 1.45 * inch
    bar_left = label_width + 6
    bar_room = width - bar_left - counts_width
    top = max([sum(v) for _label, v in rows] + [1])
    wrapped = [simpleSplit(label, BASE, size, label_width) or [""] for label, _v in rows]
    heights = [max(len(lines) * leading, bar) + 8 for lines in wrapped]
    legend_h = 16
    height = sum(heights) + legend_h + 16
    drawing = LevelChart(width, height)
    drawing.rows = tuple((label, tuple(v)) for label, v in rows)
    drawing.levels = tuple(levels)
    drawing.add(String(0, height - 10, caption, fontName=BOLD[0], fontSize=9))
    x = 0.0
    for fill, level in zip(_FILLS, levels, strict=False):  # the legend, in words
        drawing.add(_rect(x, height - 26, 9, 9, fill))
        drawing.add(String(x + 13, height - 24.5, level, fontName=BASE, fontSize=size))
        x += 13 + stringWidth(level, BASE, size) + 18
    y = height - legend_h - 16
    for (_label, values), lines, h in zip(rows, wrapped, heights, strict=True):
        y -= h
        text_top = y + h / 2 + (len(lines) * leading) / 2 - size
        for n, line in enumerate(lines):
            drawing.add(
                String(
                    label_width,
                    text_top - n * leading,
                    line,
                    fontName=BASE,
                    fontSize=size,
                    textAnchor="end",
                )
            )
        x = bar_left
        bar_y = y + (h - bar) / 2
        for fill, value in zip(_FILLS, values, strict=False):
            if value:
                w = bar_room * value / top
                drawing.add(_rect(x, bar_y, w, bar, fill))
                x += w
        said = ", ".join(f"{v} {lv}" for v, lv in zip(values, levels, strict=False) if v) or empty
        drawing.add(String(x + 4, bar_y + 1.5, said, fontName=BASE, fontSize=size - 0.5))
    return drawing

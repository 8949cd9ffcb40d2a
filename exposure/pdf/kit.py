"""Shared pieces for report PDFs: styles, escaped paragraphs, headings in the outline, charts.

Reports use reportlab's platypus. Every value goes through :func:`exposure.pdf.fonts.markup`
(escaped, with per-script fonts), and only the tags built here are markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from exposure.pdf.fonts import BOLD, CHAIN, markup, register

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
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD[0],
            fontSize=12,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "box": ParagraphStyle("box", parent=body, leftIndent=14, bulletIndent=0),
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


def link(label: str, url: str, style: ParagraphStyle) -> Paragraph:
    """A clickable link; the URL is escaped as an attribute and shown in full for paper readers."""
    href = escape(url, {'"': "&quot;"})
    return Paragraph(f'{markup(label)}: <a href="{href}" color="blue">{markup(url)}</a>', style)


def _short(label: str, limit: int = 44) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def bar_chart(
    labels: Sequence[str], values: Sequence[int], *, caption: str, width: float = 6.5 * inch
) -> Drawing:
    """A horizontal bar chart with each bar's number printed (no meaning in colour alone)."""
    register()
    height = 26 + 18 * max(1, len(labels))
    drawing = Drawing(width, height + 20)
    chart = HorizontalBarChart()
    chart.x, chart.y = round(3.1 * inch), 10
    chart.width, chart.height = round(width - 3.4 * inch), round(height - 16)
    chart.data = [list(reversed(values))]
    chart.bars[0].fillColor = colors.HexColor("#4a5a8a")
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1])
    chart.valueAxis.labels.fontName = BASE
    chart.categoryAxis.categoryNames = [_short(label) for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = BASE
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BASE
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(0, height + 8, caption, fontName=BOLD[0], fontSize=9))
    return drawing

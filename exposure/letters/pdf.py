"""Letters as PDF: US Letter, laid out for a #10 window envelope.

Layout (from the top-left of the page): the sender's block at 0.5 in; the date; the recipient's
address in a 3.75 by 0.9 in box whose top is 2.125 in down and 1 in across, which shows through
the window of a standard #10 envelope when the page is folded in thirds; then the subject, body,
identity block, signature line and enclosures. An optional second page lists the broker's
web-form steps. Several letters can go into one PDF for printing in a batch.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from exposure.letters.draft import Letter
from exposure.letters.fonts import BOLD, CHAIN, markup, register

LEFT = 1.0 * inch
TOP = 0.5 * inch
WINDOW_TOP = 2.125 * inch  # from the top of the page
WINDOW_SIZE = (3.75 * inch, 0.9 * inch)
BODY_TOP = 3.25 * inch


def _styles() -> dict[str, ParagraphStyle]:
    register()
    base = ParagraphStyle("body", fontName=CHAIN[0][0], fontSize=10.5, leading=14, spaceAfter=7)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11, spaceAfter=0),
        "date": ParagraphStyle("date", parent=base, alignment=TA_RIGHT, spaceAfter=0),
        "subject": ParagraphStyle("subject", parent=base, fontName=BOLD[0], spaceBefore=4),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=BOLD[0], fontSize=13, leading=16
        ),
    }


class _Header(Flowable):
    """Sender, date and the window-placed recipient address, drawn at fixed page positions."""

    def __init__(self, letter: Letter, styles: dict[str, ParagraphStyle]) -> None:
        super().__init__()
        self.letter = letter
        self.styles = styles

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, BODY_TOP - TOP

    def draw(self) -> None:
        height = BODY_TOP - TOP
        sender = Paragraph(
            "<br/>".join(markup(s) for s in self.letter.sender), self.styles["small"]
        )
        _, h = sender.wrap(self.width * 0.6, height)
        sender.drawOn(self.canv, 0, height - h)
        date = Paragraph(
            markup(f"{self.letter.date:%B} {self.letter.date.day}, {self.letter.date.year}"),
            self.styles["date"],
        )
        _, dh = date.wrap(self.width, height)
        date.drawOn(self.canv, 0, height - dh)
        box_w, box_h = WINDOW_SIZE
        recipient = Paragraph(
            "<br/>".join(markup(r) for r in self.letter.recipient), self.styles["small"]
        )
        _, rh = recipient.wrap(box_w, box_h)
        recipient.drawOn(self.canv, 0, height - (WINDOW_TOP - TOP) - min(rh, box_h * 1.4))


def _identity_table(letter: Letter, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [
        [Paragraph(markup(label), styles["small"]), Paragraph(markup(value), styles["small"])]
        for label, value in letter.identity
    ]
    table = Table(rows, colWidths=[1.9 * inch, 4.4 * inch], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def letter_story(letter: Letter, *, guide_page: bool = True) -> list[Any]:
    styles = _styles()
    p = styles["body"]
    story: list[Any] = [_Header(letter, styles)]
    story.append(Paragraph(markup(f"Re: {letter.subject}", bold=True), styles["subject"]))
    story.append(Paragraph(markup(f"To the privacy team of {letter.broker_name}:"), p))
    story += [Paragraph(markup(text), p) for text in letter.paragraphs]
    if letter.identity:
        story += [
            Paragraph(markup("Details to identify the records:"), p),
            _identity_table(letter, styles),
            Spacer(1, 10),
        ]
    signature = [
        Paragraph(markup(letter.closing), p),
        Spacer(1, 28),
        Paragraph("_" * 36, p),
        Paragraph(markup(letter.signer or "Signature"), p),
    ]
    story.append(KeepTogether(signature))
    if letter.enclosures:
        story.append(
            Paragraph(markup("Enclosures: " + "; ".join(letter.enclosures)), styles["small"])
        )
    if guide_page and (letter.steps or letter.web_form):
        story.append(PageBreak())
        story.append(
            Paragraph(markup(f"How to reach {letter.broker_name} online"), styles["heading"])
        )
        story += [Paragraph(markup(f"Web form: {url}"), p) for url in letter.web_form]
        story += [Paragraph(markup(f"{n}. {step}"), p) for n, step in enumerate(letter.steps, 1)]
        story.append(
            Paragraph(markup("This page is for you; you do not need to mail it."), styles["small"])
        )
    return story


def _number_pages(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(CHAIN[0][0], 8)
    canvas.drawRightString(LETTER[0] - LEFT, 0.5 * inch, f"Page {doc.page}")
    canvas.restoreState()


def render(
    letters: Sequence[Letter], target: Path | io.BytesIO, *, guide_page: bool = True
) -> None:
    """One PDF holding ``letters`` in order, each starting on a new page."""
    story: list[Any] = []
    for n, letter in enumerate(letters):
        if n:
            story.append(PageBreak())
        story += letter_story(letter, guide_page=guide_page)
    first = letters[0]
    doc = SimpleDocTemplate(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=LETTER,
        leftMargin=LEFT,
        rightMargin=LEFT,
        topMargin=TOP,
        bottomMargin=0.8 * inch,
        title=first.subject if len(letters) == 1 else f"{len(letters)} data-rights requests",
        author="exposure",
        subject="Data-rights request",
        creator="exposure",
        invariant=1,
    )
    doc.build(story, onFirstPage=_number_pages, onLaterPages=_number_pages)


def pdf_bytes(letters: Iterable[Letter], *, guide_page: bool = True) -> bytes:
    buffer = io.BytesIO()
    render(list(letters), buffer, guide_page=guide_page)
    return buffer.getvalue()

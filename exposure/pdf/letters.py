"""Letters as PDF: US Letter, laid out for a #10 window envelope.

Layout (from the top-left of the page): the sender's block at 0.5 in; the date on the right;
the recipient's address in a 3.75 by 0.9 in box whose top is 2.125 in down and 1 in across,
which shows through the window of a standard #10 envelope when the page is folded in thirds;
then the subject, body, identity table, signature line and enclosures. An optional second page
lists the broker's web-form steps in the reader's language (the letter stays in English).
Several letters can go into one PDF for batch printing.

Text is set directly on the reportlab canvas by a small line breaker (:class:`_Pen`) rather
than with platypus Paragraphs: letters are plain left-aligned prose, and organisations print
hundreds at once, so the simpler path is worth its few lines (see docs/performance.md). Every
value goes through :func:`exposure.pdf.fonts.runs`, which picks a font per character and
never interprets text as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exposure.i18n import _
from exposure.letters.draft import Letter
from exposure.pdf.fonts import CHAIN, Run, register, runs

PAGE_W, PAGE_H = LETTER
LEFT = 1.0 * inch
RIGHT = PAGE_W - 1.0 * inch
TOP = PAGE_H - 0.5 * inch
BOTTOM = 0.75 * inch
WINDOW_TOP = PAGE_H - 2.125 * inch
WINDOW_W = 3.75 * inch
BODY_TOP = PAGE_H - 3.1 * inch  # below the envelope window (2.125 + 0.9 in)
BODY, SMALL = (10.5, 14.0), (9.0, 11.0)
LABEL_W = 1.9 * inch


_WIDTHS: dict[tuple[str, str, float], float] = {}


def _width(chunk: Sequence[Run], size: float) -> float:
    """The width of a word; words recur across letters, so widths are remembered."""
    total = 0.0
    for font, text in chunk:
        key = (font, text, size)
        width = _WIDTHS.get(key)
        if width is None:
            if len(_WIDTHS) > 50_000:
                _WIDTHS.clear()
            width = _WIDTHS[key] = stringWidth(text, font, size)
        total += width
    return total


def _split_words(line: list[Run]) -> list[list[Run]]:
    """Runs regrouped into words (each keeps its trailing space), fonts preserved."""
    words: list[list[Run]] = []
    current: list[Run] = []
    for font, text in line:
        for part in text.split(" ")[:-1]:
            current.append((font, part + " "))
            words.append(current)
            current = []
        last = text.split(" ")[-1]
        if last:
            current.append((font, last))
    if current:
        words.append(current)
    return words


def _merged(line: list[Run]) -> list[Run]:
    """Adjacent runs in the same font joined, so a line is drawn in as few calls as possible."""
    out: list[Run] = []
    for font, text in line:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + text)
        else:
            out.append((font, text))
    return out


@lru_cache(maxsize=8192)
def _wrap(text: str, bold: bool, size: float, width: float) -> tuple[tuple[Run, ...], ...]:
    """``text`` broken into lines no wider than ``width``. Remembered: the same paragraphs
    recur in every letter drawn from a template, and a batch prints hundreds."""
    out: list[list[Run]] = [[]]
    used = 0.0
    text = text.replace("§ ", "§\u00a0")  # never "§" at a line end, its number on the next
    for word in _split_words(runs(text, bold=bold)):
        w = _width(word, size)
        space = _width(((word[-1][0], " "),), size) if word[-1][1].endswith(" ") else 0.0
        if out[-1] and used + w - space > width:
            out.append([])
            used = 0.0
        out[-1] += word
        used += w
    return tuple(tuple(_merged(line)) for line in out)


class _Pen:
    """Writes wrapped lines top-down, starting new pages as needed, numbering every page."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.y = BODY_TOP
        self.page = 1
        self.footer = "Page {n}"  # the letter's pages are English; the guide page is not

    def new_page(self) -> None:
        self._number()
        self.canvas.showPage()
        self.page += 1
        self.y = TOP

    def _number(self) -> None:
        self.canvas.setFont(CHAIN[0][0], 8)
        self.canvas.drawRightString(RIGHT, 0.5 * inch, self.footer.format(n=self.page))

    def finish(self) -> None:
        self._number()
        self.canvas.showPage()

    def lines(
        self,
        text: str,
        *,
        bold: bool = False,
        style: tuple[float, float] = BODY,
        width: float = RIGHT - LEFT,
    ) -> list[list[Run]]:
        return [list(line) for line in _wrap(text, bold, style[0], width)]

    def draw_line(self, line: Sequence[Run], x: float, y: float, size: float) -> None:
        text = self.canvas.beginText(x, y)
        for font, chunk in line:
            if chunk:
                text.setFont(font, size)
                text.textOut(chunk)  # advances past the chunk itself: no width to compute
        self.canvas.drawText(text)

    def paragraph(
        self,
        text: str,
        *,
        bold: bool = False,
        style: tuple[float, float] = BODY,
        gap: float = 7.0,
    ) -> None:
        size, leading = style
        for line in self.lines(text, bold=bold, style=style):
            if self.y - leading < BOTTOM:
                self.new_page()
            self.y -= leading
            self.draw_line(line, LEFT, self.y + (leading - size) / 2, size)
        self.y -= gap

    def block(self, lines: Sequence[str], x: float, top: float, width: float) -> float:
        """An address block at a fixed place; returns the y below it."""
        size, leading = SMALL
        y = top
        for text in lines:
            for line in self.lines(text, style=SMALL, width=width):
                y -= leading
                self.draw_line(line, x, y, size)
        return y

    def table(self, rows: Sequence[tuple[str, str]]) -> None:
        size, leading = SMALL
        for label, value in rows:
            left = self.lines(label, style=SMALL, width=LABEL_W - 8)
            right = self.lines(value, style=SMALL, width=RIGHT - LEFT - LABEL_W)
            height = leading * max(len(left), len(right)) + 6
            if self.y - height < BOTTOM:
                self.new_page()
            for n, line in enumerate(left):
                self.draw_line(line, LEFT, self.y - leading * (n + 1), size)
            for n, line in enumerate(right):
                self.draw_line(line, LEFT + LABEL_W, self.y - leading * (n + 1), size)
            self.y -= height
            self.canvas.setStrokeGray(0.6)
            self.canvas.setLineWidth(0.25)
            self.canvas.line(LEFT, self.y + 2, RIGHT, self.y + 2)
        self.y -= 10


def _header(pen: _Pen, letter: Letter) -> None:
    pen.block(letter.sender, LEFT, TOP, WINDOW_W)
    date = f"{letter.date:%B} {letter.date.day}, {letter.date.year}"
    pen.canvas.setFont(CHAIN[0][0], BODY[0])
    pen.canvas.drawRightString(RIGHT, TOP - BODY[0], date)
    pen.block(letter.recipient, LEFT, WINDOW_TOP, WINDOW_W)


# (font size, leading, gap after a paragraph): the first that fits the page is used.
STYLES = ((10.5, 14.0, 7.0), (10.0, 13.0, 6.0), (9.5, 12.0, 5.0), (9.0, 11.0, 4.0))
SIGN_GAP = 30.0
NAME_BLANK = "Name: " + "_" * 30


@dataclass(frozen=True, slots=True)
class _Block:
    """A laid-out piece of the body: a paragraph's wrapped lines, or the identity table."""

    lines: list[list[Run]]
    style: tuple[float, float]
    gap: float
    rows: tuple[tuple[str, str], ...] = ()
    height: float = 0.0


def _para(
    pen: _Pen, text: str, style: tuple[float, float], *, bold: bool = False, gap: float = 7.0
) -> _Block:
    lines = pen.lines(text, bold=bold, style=style)
    return _Block(lines, style, gap, height=len(lines) * style[1] + gap)


def _table(pen: _Pen, rows: tuple[tuple[str, str], ...]) -> _Block:
    leading = SMALL[1]
    height = 10.0
    for label, value in rows:
        left = pen.lines(label, style=SMALL, width=LABEL_W - 8)
        right = pen.lines(value, style=SMALL, width=RIGHT - LEFT - LABEL_W)
        height += leading * max(len(left), len(right)) + 6
    return _Block([], SMALL, 0.0, rows, height)


def _plan(pen: _Pen, letter: Letter, style: tuple[float, float, float]) -> list[_Block]:
    """The letter's body laid out at ``style``, not drawn yet."""
    size, leading, gap = style
    font = (size, leading)
    blocks = [
        _para(pen, f"Re: {letter.subject}", font, bold=True, gap=gap),
        _para(pen, f"To {letter.recipient[0]}:", font, gap=gap),
        *(_para(pen, text, font, gap=gap) for text in letter.paragraphs),
    ]
    if letter.identity:
        blocks.append(_para(pen, "Details to identify the records:", font, gap=3))
        blocks.append(_table(pen, letter.identity))
    return blocks


def _signature_height(letter: Letter, style: tuple[float, float, float]) -> float:
    """Closing, the space to sign, the line and the name, and the enclosures."""
    leading = style[1]
    extra = SMALL[1] * 2 + 7 if letter.enclosures else 0.0
    return leading + SIGN_GAP + leading + leading + 7 + extra


def _draw(pen: _Pen, block: _Block) -> None:
    if block.rows:
        pen.table(block.rows)
        return
    size, leading = block.style
    for line in block.lines:
        if pen.y - leading < BOTTOM:
            pen.new_page()
        pen.y -= leading
        pen.draw_line(line, LEFT, pen.y + (leading - size) / 2, size)
    pen.y -= block.gap


def _letter(pen: _Pen, letter: Letter, guide_page: bool, tr: Callable[[str], str]) -> None:
    """One letter on one page whenever the text fits at one of the :data:`STYLES` (the first
    that fits is used). If nothing fits, the closing and signature move to the next page
    together with the last block before them, never alone."""
    _header(pen, letter)
    pen.y = BODY_TOP
    for style in STYLES:
        blocks = _plan(pen, letter, style)
        tail = _signature_height(letter, style)
        if BODY_TOP - sum(b.height for b in blocks) - tail >= BOTTOM:
            break
    # The last block (the identity table with its label) goes over with the signature.
    last = len(blocks) - 2 if blocks[-1].rows else len(blocks) - 1
    for n, block in enumerate(blocks):
        if n == last and pen.y - sum(b.height for b in blocks[last:]) - tail < BOTTOM:
            pen.new_page()
        _draw(pen, block)
    font = style[:2]
    pen.paragraph(letter.closing, style=font, gap=SIGN_GAP)
    pen.paragraph("_" * 36, style=font, gap=0)
    pen.paragraph(letter.signer or NAME_BLANK, style=font)
    if letter.enclosures:
        pen.paragraph("Enclosures: " + "; ".join(letter.enclosures), style=SMALL)
    if guide_page and (letter.steps or letter.web_form):
        _guide(pen, letter, tr)


def _same(text: str) -> str:
    return text


def _guide(pen: _Pen, letter: Letter, tr: Callable[[str], str]) -> None:
    """The web-form page. It is for the person, so it is in the run's language (the letter
    stays in English); ``tr`` puts the broker's catalog steps in that language."""
    pen.new_page()
    pen.footer = _("Page {n}")
    pen.paragraph(_("How to reach {broker} online").format(broker=letter.broker_name), bold=True)
    for url in letter.web_form:
        pen.paragraph(_("Web form: {url}").format(url=url))
    for n, step in enumerate(letter.steps, 1):
        pen.paragraph(f"{n}. {tr(step)}")
    pen.paragraph(_("This page is for you; you do not need to mail it."), style=SMALL)


def render(
    letters: Sequence[Letter],
    target: Path | io.BytesIO,
    *,
    guide_page: bool = True,
    tr: Callable[[str], str] = _same,
    starts: list[int] | None = None,
) -> None:
    """One PDF holding ``letters`` in order, each starting on a new page. The web-form page
    after a letter is in the run's language; ``tr`` translates the broker's catalog steps
    (the caller passes the catalog's text, e.g. :func:`exposure.catalog_language.catalog_text`).
    ``starts``, when given, receives the index of the page each letter starts on.
    """
    register()  # the pen sets fonts before any text run would have registered them
    where = target if isinstance(target, io.BytesIO) else str(target)
    canvas = Canvas(where, pagesize=LETTER, invariant=1)
    canvas.setTitle(title(letters))
    canvas.setAuthor(AUTHOR)
    canvas.setSubject(SUBJECT)
    canvas.setCreator(AUTHOR)
    pen = _Pen(canvas)
    for n, letter in enumerate(letters):
        if n:
            pen.new_page()
            pen.page = 1  # each letter numbers its own pages
            pen.footer = "Page {n}"
        if starts is not None:
            starts.append(canvas.getPageNumber() - 1)
        canvas.bookmarkPage(f"letter-{n}")
        canvas.addOutlineEntry(letter.broker_name, f"letter-{n}", level=0)
        _letter(pen, letter, guide_page, tr)
    pen.finish()
    canvas.save()


AUTHOR, SUBJECT = "exposure", "Data-rights request"


def title(letters: Sequence[Letter]) -> str:
    return letters[0].subject if len(letters) == 1 else f"{len(letters)} data-rights requests"


def pdf_bytes(
    letters: Iterable[Letter], *, guide_page: bool = True, tr: Callable[[str], str] = _same
) -> bytes:
    buffer = io.BytesIO()
    render(list(letters), buffer, guide_page=guide_page, tr=tr)
    return buffer.getvalue()

"""The one-page poster for the projector or the door: the workshop's name, the address to
type, and a QR code to scan (segno makes the code; reportlab draws its squares directly, so
nothing is written to disk)."""

from __future__ import annotations

import io

import segno
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exposure.pdf.fonts import register
from exposure.web.i18n import Translate, available, translator

FONT, BOLD = "ExposureSans", "ExposureSans-Bold"


def _centred(canvas: Canvas, text: str, y: float, font: str, size: float) -> None:
    width, _ = LETTER
    while stringWidth(text, font, size) > width - inch and size > 8:
        size -= 1
    canvas.setFont(font, size)
    canvas.drawCentredString(width / 2, y, text)


def poster_pdf(url: str, name: str, *, fingerprint: str | None = None, lang: str = "en") -> bytes:
    """The poster as PDF bytes. ``fingerprint`` (of a self-signed certificate) is printed
    so that those who can check it, can."""
    t: Translate = translator(lang)
    register()
    width, height = LETTER
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    canvas.setTitle(t("Workshop questionnaire"))
    canvas.setCreator("exposure")
    # The participants choose their language on the first page; the poster speaks both, the
    # facilitator's first.
    other = "es" if lang == "en" else "en"
    second: Translate | None = translator(other) if available(other) and available(lang) else None

    def say(message: str) -> tuple[str, str | None]:
        """``message`` in the facilitator's language, and in the other when both are shown."""
        return t(message), second(message) if second else None

    def both(message: str) -> str:
        first, then = say(message)
        return first + (f"  /  {then}" if then else "")

    _centred(canvas, name, height - 0.9 * inch, BOLD, 30)
    question, question_other = say("Which data brokers likely hold your records?")
    _centred(canvas, question, height - 1.35 * inch, FONT, 20)
    if question_other:
        _centred(canvas, question_other, height - 1.65 * inch, FONT, 16)
    _centred(canvas, both("Scan with your phone's camera:"), height - 2.0 * inch, FONT, 14)
    qr = segno.make(url, error="m")
    rows = qr.matrix
    side = 5.0 * inch
    cell = side / len(rows)
    left, top = (width - side) / 2, height - 2.3 * inch
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(left + c * cell, top - (r + 1) * cell, cell, cell, stroke=0, fill=1)
    y = top - side - 0.5 * inch
    _centred(canvas, both("Or type this address:"), y, FONT, 14)
    _centred(canvas, url, y - 0.35 * inch, BOLD, 16)
    kept, kept_other = say(
        "No names, addresses or phone numbers are asked, and no answers are kept."
    )
    _centred(canvas, kept, y - 0.8 * inch, FONT, 12)
    if kept_other:
        _centred(canvas, kept_other, y - 1.05 * inch, FONT, 12)
    if fingerprint:
        _centred(canvas, t("Certificate fingerprint (SHA-256):"), y - 1.4 * inch, FONT, 10)
        _centred(canvas, fingerprint, y - 1.6 * inch, FONT, 8)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def terminal_qr(url: str) -> str:
    """The QR code as text for the terminal."""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()

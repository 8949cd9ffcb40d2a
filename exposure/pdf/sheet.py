"""Many people's letters, each distinct letter drawn once.

A workshop prints the same letter for many participants: with blank lines for identity, a
letter depends only on the broker, the person's state and the date, so 300 participants need
about 134 distinct letters, not 6,000. :class:`LetterSheet` draws every distinct letter once
into one PDF (with :func:`exposure.pdf.letters.render`, the same drawing as printing them one
by one), and makes each person's letters PDF from those pages: the same pages, in the same
order, with the same outline and document information as :func:`exposure.pdf.letters.pdf_bytes`
would give. The pages share the sheet's fonts, so each PDF is no larger for it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from pypdf import PdfReader, PdfWriter

from exposure.letters.draft import Letter
from exposure.pdf.letters import AUTHOR, SUBJECT, render, title


def _same(text: str) -> str:
    return text


class LetterSheet:
    """Distinct letters drawn once; :meth:`pdf` assembles any sequence of them."""

    def __init__(
        self,
        letters: Sequence[Letter],
        *,
        guide_page: bool = True,
        tr: Callable[[str], str] = _same,
    ) -> None:
        distinct = list(dict.fromkeys(letters))
        self.pages: dict[Letter, range] = {}
        self.data = b""
        self._reader: PdfReader | None = None
        if not distinct:
            return
        buffer = io.BytesIO()
        starts: list[int] = []
        render(distinct, buffer, guide_page=guide_page, tr=tr, starts=starts)
        self.data = buffer.getvalue()
        ends = [*starts[1:], len(self.reader().pages)]
        for letter, start, end in zip(distinct, starts, ends, strict=True):
            self.pages[letter] = range(start, end)

    def reader(self) -> PdfReader:
        if self._reader is None:
            self._reader = PdfReader(io.BytesIO(self.data))
        return self._reader

    def __getstate__(self) -> dict[str, object]:
        """What another process needs (the drawn PDF and the page index), not the reader."""
        return {"pages": self.pages, "data": self.data, "_reader": None}

    def pdf(self, letters: Sequence[Letter]) -> bytes:
        """One PDF of ``letters`` in order, each from its drawn pages. Every letter must be
        one the sheet was drawn with."""
        if not letters:
            raise ValueError("no letters to put in a PDF")
        reader = self.reader()
        writer = PdfWriter()
        for letter in letters:
            first = len(writer.pages)
            for n in self.pages[letter]:
                writer.add_page(reader.pages[n])
            writer.add_outline_item(title=letter.broker_name, page_number=first)
        writer.add_metadata(
            {"/Title": title(letters), "/Author": AUTHOR, "/Subject": SUBJECT, "/Creator": AUTHOR}
        )
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

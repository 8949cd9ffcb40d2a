"""PDF letter throughput, as a ratio against a bare reportlab canvas drawing the same text.

    python benchmarks/bench_letters.py            # print the table
    python benchmarks/bench_letters.py --write    # also update docs/performance.md

Baseline: the same letter's text lines drawn with ``Canvas.drawString`` in the same embedded
fonts (the subject line bold, as in the letter), one page, no layout: the least reportlab can do
to put those words on paper. Measured single-threaded. Targets (issue 15): at least 200
letters per second, and at least 0.8x the bare canvas's rate, one file per letter and merged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from benchmarks.results import publish  # noqa: E402
from broker_catalog import load_catalog  # noqa: E402
from exposure.letters.draft import Letter, draft_letter  # noqa: E402
from exposure.letters.text import letter_text  # noqa: E402
from exposure.pdf.fonts import BOLD, CHAIN, register  # noqa: E402
from exposure.pdf.letters import pdf_bytes  # noqa: E402
from exposure.profile.files import demo_profile  # noqa: E402


def _draw_bare(canvas: Canvas, letter: Letter) -> None:
    """The letter's text lines, the subject line in the bold face as in the letter: the same
    text in the same fonts, with no layout at all."""
    y = LETTER[1] - 72
    for line in letter_text(letter).splitlines():
        canvas.setFont(BOLD[0] if line.startswith("Re: ") else CHAIN[0][0], 10.5)
        canvas.drawString(72, y, line)
        y -= 14
    canvas.showPage()


def bare_canvas(letter: Letter) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    _draw_bare(canvas, letter)
    canvas.save()
    return buffer.getvalue()


def bare_canvas_batch(letters: Sequence[Letter]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    for letter in letters:
        _draw_bare(canvas, letter)
    canvas.save()
    return buffer.getvalue()


def batch_rate(fn: Callable[[Sequence[Letter]], bytes], letters: list[Letter], count: int) -> float:
    """Best of three runs (the machine is shared: slow runs are other people's work)."""
    batch = [letters[i % len(letters)] for i in range(count)]
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        fn(batch)
        best = max(best, count / (time.perf_counter() - start))
    return best


def rate(fn: Callable[[Letter], bytes], letters: list[Letter], seconds: float) -> float:
    """Letters per second: the best of several short trials of about half a second, rendering
    the list round and round (best-of, because the machine is shared)."""
    best, deadline = 0.0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < 0.5:
            for letter in letters:
                fn(letter)
            done += len(letters)
        best = max(best, done / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    register()
    catalog = load_catalog()
    profile = demo_profile()
    today = dt.date(2026, 11, 20)
    letters = [
        draft_letter(catalog.by_id[b], profile, catalog, kind="delete", today=today)
        for b in ("acxiom", "spokeo", "whitepages", "clearview-ai", "venntel")
    ]
    base = rate(bare_canvas, letters, args.seconds)
    ours = rate(lambda letter: pdf_bytes([letter], guide_page=False), letters, args.seconds)
    with_guide = rate(lambda letter: pdf_bytes([letter]), letters, args.seconds)
    batch_base = batch_rate(bare_canvas_batch, letters, 500)
    batch_ours = batch_rate(lambda b: pdf_bytes(b, guide_page=False), letters, 500)
    rows = [
        ("one file per letter: bare reportlab canvas, same text (baseline)", base, 1.0),
        ("one file per letter: exposure letter PDF", ours, ours / base),
        (
            "one file per letter: exposure letter PDF + web-form guide page",
            with_guide,
            with_guide / base,
        ),
        ("500 letters in one PDF: bare canvas (baseline)", batch_base, 1.0),
        (
            "500 letters in one PDF: exposure (`--merge`, batch printing)",
            batch_ours,
            batch_ours / batch_base,
        ),
    ]
    table = ["| what | letters per second | ratio to baseline |", "|---|---:|---:|"]
    table += [f"| {what} | {value:.0f} | {ratio:.2f}x |" for what, value, ratio in rows]
    publish("letters", table, write=args.write)


if __name__ == "__main__":
    main()

"""A one-line progress bar on stderr, drawn only on a terminal.

Deliberately tiny instead of rich: the link checker runs for minutes and needs no more than a
count, and scripts that capture output must never see bar redraws (stdout stays clean, and
nothing is drawn when stderr is not a terminal).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self, total: int, label: str, stream: TextIO | None = None, *, enabled: bool | None = None
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self._drawn = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done >= self.total):
            self._drawn = now
            self.stream.write(f"\r{self.line()}")
            self.stream.flush()

    def line(self, width: int = 30) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = round(width * share)
        bar = "#" * filled + "-" * (width - filled)
        return f"{self.label} [{bar}] {self.done}/{self.total} ({share:.0%})"

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()

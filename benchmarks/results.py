"""Timing and publishing, shared by the benchmark scripts.

Each script measures its own baseline in the same run and reports ratios; this module only
times a call and writes a script's table into its marked section of docs/performance.md.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time in seconds; the median resists the odd slow run on a shared machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def publish(name: str, table: Sequence[str], *, note: str = "", write: bool) -> str:
    """Print the dated table; with ``write``, replace the ``name`` section of performance.md."""
    begin, end = f"<!-- BEGIN BENCHMARK: {name} -->", "<!-- END BENCHMARK -->"
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    head = f"Measured {time.strftime('%Y-%m-%d')} on {machine}.{' ' + note if note else ''}"
    block = "\n".join([begin, "", head, "", *table, "", end])
    print(block)
    if write:
        text = DOC.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
        if not pattern.search(text):
            raise SystemExit(f"docs/performance.md has no '{begin}' section")
        DOC.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")
    return block

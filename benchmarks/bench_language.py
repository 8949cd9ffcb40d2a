"""Start-up with Spanish selected, against English and a bare interpreter, timed in one run.

    python benchmarks/bench_language.py

Budgets (issue 17): `exposure --help` at most 3x a bare interpreter with Spanish selected, and the
terminal app's first screen no slower in Spanish than in English (medians of several runs).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIRST_SCREEN = """
import asyncio, sys, time
start = time.perf_counter()
from exposure import language
language.set_current(sys.argv[1])
from exposure.tui.app import create_app
async def main():
    app = create_app(vault=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(time.perf_counter() - start)
"""


def _median(argv: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _screen(lang: str, env: dict[str, str], runs: int) -> float:
    out = [
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_SCREEN, lang],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
        for _ in range(runs)
    ]
    return statistics.median(out)


def main() -> None:
    env = {**os.environ, "EXPOSURE_LANG": "es"}
    # The installed console script, as people run it (python -m adds runpy's own imports).
    exe = [str(Path(sys.executable).with_name("exposure"))]
    bare = _median([sys.executable, "-c", "pass"], env, 15)
    help_es = _median([*exe, "--help"], env, 15)
    help_en = _median([*exe, "--lang", "en", "--help"], env, 15)
    first_en = _screen("en", env, 5)
    first_es = _screen("es", env, 5)
    print(f"bare interpreter        {bare * 1000:7.1f} ms")
    print(f"--help, English         {help_en * 1000:7.1f} ms  ({help_en / bare:.2f}x bare)")
    print(f"--help, Spanish         {help_es * 1000:7.1f} ms  ({help_es / bare:.2f}x bare)")
    print(f"first screen, English   {first_en * 1000:7.1f} ms")
    print(
        f"first screen, Spanish   {first_es * 1000:7.1f} ms  ({first_es / first_en:.2f}x English)"
    )


if __name__ == "__main__":
    main()

"""The terminal app's first screen, against a minimal Textual app, side by side in tmux.

    python benchmarks/bench_tui_start.py            # print the table
    python benchmarks/bench_tui_start.py --write    # also update docs/performance.md
    python benchmarks/bench_tui_start.py --runs 25  # more runs on a busy machine

Each run starts a command in a fresh tmux session (110x32), polls the pane every 10 ms and stops
the clock when the screen is painted: more than five lines hold letters and the bottom line (the
footer's key legend) does too. This is launch to first painted screen as a person sees it: the
interpreter, the imports, Textual's start and the first frame. Baseline, timed in the same run: a
minimal Textual app with a header, twelve lines of static text and a footer. The two commands run
interleaved, so a busy moment on the shared machine slows both; the figure is the median of the
ratios taken in each round (the ratio of the medians is shown beside it).

Target (issue 20): `exposure --demo` at most 1.3x the minimal app.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.results import publish  # noqa: E402

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Minimal(App[None]):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header()
        yield Static("\\n".join(f"line {i} hello world" for i in range(12)))
        yield Footer()
Minimal().run()
"""
TIMEOUT = 20.0


def painted(screen: str) -> bool:
    lines = [line for line in screen.splitlines() if line.strip()]
    with_letters = [line for line in lines if any(c.isalpha() for c in line)]
    return len(with_letters) > 5 and bool(lines) and any(c.isalpha() for c in lines[-1])


def first_screen(argv: list[str], env: dict[str, str]) -> float:
    """Milliseconds from launch until the pane shows a painted screen."""
    session = "bench-" + uuid.uuid4().hex[:8]
    command = "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
    command += " " + shlex.join(argv)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "110", "-y", "32", command], check=True
    )
    try:
        while time.perf_counter() - start < TIMEOUT:
            pane = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if painted(pane):
                return (time.perf_counter() - start) * 1000
            time.sleep(0.01)
        raise SystemExit(f"{argv[0]} painted nothing in {TIMEOUT:.0f} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("this benchmark needs tmux")
    exposure = str(Path(sys.executable).with_name("exposure"))
    commands = {
        "minimal Textual app: header, static text, footer (baseline)": [
            sys.executable,
            "-c",
            MINIMAL,
        ],
        "`exposure --demo`: the welcome screen": [exposure, "--demo"],
        "`exposure --demo --lang es`: the welcome screen in Spanish": [
            exposure,
            "--demo",
            "--lang",
            "es",
        ],
    }
    with tempfile.TemporaryDirectory() as home:
        # A fresh home: no saved vault or settings; the same one for every run, as a person's.
        env = {"HOME": home, "TERM": os.environ.get("TERM", "xterm-256color")}
        for argv in commands.values():  # warm the disk cache and the catalog cache once
            first_screen(argv, env)
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, argv in commands.items():
                times[label].append(first_screen(argv, env))
                time.sleep(0.3)
    medians = {label: statistics.median(xs) for label, xs in times.items()}
    base = next(iter(times.values()))
    # The ratio in each round (the same moment's load for both), then the median of those:
    # steadier on a shared machine than the ratio of the two medians, shown beside it.
    paired = {
        label: statistics.median(x / b for x, b in zip(xs, base, strict=True))
        for label, xs in times.items()
    }
    baseline = medians[next(iter(medians))]
    table = [
        "| what | median | ratio of medians | median of paired ratios |",
        "|---|---:|---:|---:|",
    ]
    table += [
        f"| {label} | {ms:.0f} ms | {ms / baseline:.2f}x | {paired[label]:.2f}x |"
        for label, ms in medians.items()
    ]
    publish(
        "tui_start",
        table,
        note=f"Launch to first painted screen in tmux, median of {args.runs} interleaved runs.",
        write=args.write,
    )


if __name__ == "__main__":
    main()

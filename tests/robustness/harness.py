"""Running the real CLI on a bad input, and what every answer must look like.

Each case calls ``exposure.cli.main.main`` in-process with its output captured (fast enough for
thousands of cases); a representative subset runs it as a subprocess. Whatever the input, the
answer must be: exit code 1 or 2 (never 70, the "internal error" code), no traceback, the file
named, and never the canary value planted in the input.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exposure.cli.main import main

REPO = Path(__file__).resolve().parents[2]

#: Planted in bad inputs; it must never appear in anything the tool prints.
CANARY = "CANARY-7f3a9c2e"

#: CLI runs so far in this session (reported at the end, see conftest.py).
RUNS = {"in-process": 0, "subprocess": 0}


@dataclass(frozen=True)
class Answer:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run(*argv: str | Path) -> Answer:
    """The CLI in-process, as a person would call it (stdin is not a terminal)."""
    RUNS["in-process"] += 1
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: 2 on a bad command line
            code = exc.code if isinstance(exc.code, int) else 2
    return Answer(code, out.getvalue(), err.getvalue())


def run_subprocess(
    *argv: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> Answer:
    """The CLI as a separate process: what a person's shell sees."""
    RUNS["subprocess"] += 1
    done = subprocess.run(
        [sys.executable, "-m", "exposure.cli.main", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )
    return Answer(done.returncode, done.stdout, done.stderr)


def assert_refused(answer: Answer, *named: str | Path, canary: str = CANARY) -> None:
    """A clear refusal: exit 1 or 2, one short message naming ``named``, no canary, no trace."""
    assert answer.code in (1, 2), f"exit {answer.code}: {answer.err!r}"
    assert "Traceback" not in answer.text, answer.err
    assert "internal error" not in answer.text, answer.err
    # Case-insensitive: an answer is often upper-cased (state codes) before it is checked.
    assert canary.lower() not in answer.text.lower(), (
        f"the input's value was echoed: {answer.err!r}"
    )
    if answer.code == 1 and not answer.err.startswith("exposure: the catalog has"):
        # One line; only the catalog's own check lists every problem it found, one a line.
        assert answer.err.strip().count("\n") == 0, f"more than one line: {answer.err!r}"
    for name in named:
        assert str(name) in answer.err, f"{name} is not named in {answer.err!r}"


def assert_clear(answer: Answer, *named: str | Path, canary: str = CANARY) -> None:
    """Either accepted or clearly refused; never an internal error, a trace or the canary."""
    assert answer.code != 70, f"internal error: {answer.err!r}"
    assert "Traceback" not in answer.text, answer.err
    # Case-insensitive: an answer is often upper-cased (state codes) before it is checked.
    assert canary.lower() not in answer.text.lower(), (
        f"the input's value was echoed: {answer.err!r}"
    )
    if answer.code != 0:
        assert answer.code in (1, 2), f"exit {answer.code}: {answer.err!r}"
        for name in named:
            assert str(name) in answer.err, f"{name} is not named in {answer.err!r}"


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every entry under ``folder`` with its mode and content hash: 'nothing changed' is
    'the snapshot is equal'."""
    found: dict[str, tuple[int, str]] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        found[str(path.relative_to(folder))] = (path.stat().st_mode & 0o777, digest)
    return found


def names(folder: Path) -> Sequence[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []

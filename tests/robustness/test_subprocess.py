"""A representative few of the bad inputs, through a real ``exposure`` process.

The in-process suite is fast; these check what a person's shell sees: the exit status, one
line on stderr, no traceback, and with ``--debug`` the traceback after all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.harness import CANARY, assert_refused, run_subprocess


@pytest.fixture
def cases(tmp_path: Path) -> dict[str, tuple[list[str | Path], Path]]:
    deep = tmp_path / "deep.json"
    deep.write_text('{"facts": ' + "[" * 100_000 + "]" * 100_000 + "}")
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[facts]\nstate = "{CANARY}"\n')
    workshop = tmp_path / "w.json"
    workshop.write_text(f'{{"format": "exposure-workshop", "name": "{CANARY}"}}')
    return {
        "nested profile": (["audit", "--profile", deep], deep),
        "bad answer": (["audit", "--profile", bad], bad),
        "below a file": (["report", "--demo", "--out", deep / "r.pdf"], deep),
        "damaged workshop": (["workshop", "close", workshop], workshop),
    }


@pytest.mark.parametrize(
    "case", ["nested profile", "bad answer", "below a file", "damaged workshop"]
)
def test_a_real_process_answers_in_one_line(
    cases: dict[str, tuple[list[str | Path], Path]], case: str
) -> None:
    argv, named = cases[case]
    answer = run_subprocess(*argv)
    assert_refused(answer, named)
    assert answer.err.startswith("exposure: ")


def test_debug_still_shows_the_traceback(cases: dict[str, tuple[list[str | Path], Path]]) -> None:
    argv, _ = cases["bad answer"]
    answer = run_subprocess("--debug", *argv)
    assert answer.code == 1
    assert "Traceback" in answer.err
    assert "ProfileError" in answer.err

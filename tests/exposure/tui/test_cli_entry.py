"""`exposure` with no command opens the app in a terminal and prints help elsewhere."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from exposure.cli import main as cli
from exposure.tui.app import ExposureApp


def test_bare_exposure_without_a_terminal_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    assert capsys.readouterr().out.startswith("usage: exposure")


@pytest.mark.parametrize(("argv", "demo"), [([], False), (["--demo"], True)])
def test_in_a_terminal_the_app_opens(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], demo: bool
) -> None:
    opened: list[ExposureApp] = []

    def fake_run(self: ExposureApp, *args: Any, **kwargs: Any) -> None:
        opened.append(self)

    monkeypatch.setattr(ExposureApp, "run", fake_run)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert cli.main(argv) == 0
    assert len(opened) == 1
    assert opened[0]._demo is demo


def test_demo_without_a_terminal_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--demo"]) == 1
    assert "needs a terminal" in capsys.readouterr().err

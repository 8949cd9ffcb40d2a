"""The top-level command: help, version and error handling."""

from __future__ import annotations

import argparse
from importlib.metadata import version

import pytest

from exposure.cli import main as cli
from exposure.cli.commands import COMMANDS


def test_bare_exposure_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: exposure")
    for command in COMMANDS:
        assert command in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"exposure {version('exposure')}\n"


def test_unexpected_errors_say_so_in_words_without_the_message_or_the_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def boom(_: argparse.Namespace) -> int:
        raise ValueError("Jane Doe, 12 Example Street")  # a message that could be personal

    code = cli.run(boom, argparse.Namespace(debug=False))
    err = capsys.readouterr().err
    assert code == 70
    assert "internal error: something unexpected stopped the command" in err
    assert "ValueError" not in err  # a class name means nothing to the reader
    assert "Jane" not in err


def test_unexpected_errors_raise_with_debug() -> None:
    def boom(_: argparse.Namespace) -> int:
        raise ValueError("details")

    with pytest.raises(ValueError, match="details"):
        cli.run(boom, argparse.Namespace(debug=True))


def test_unknown_options_are_an_error_not_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["doctor", "--no-such-option"])
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err

"""Global options (--debug, --catalog, --vault, --no-cache) work before or after the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.cli.main import hoist_globals, main


def test_global_options_after_the_command_move_to_the_front() -> None:
    argv = ["catalog", "stats", "--debug", "--catalog", "/x", "--vault=/v", "--json"]
    assert hoist_globals(argv) == [
        "--debug", "--catalog", "/x", "--vault=/v", "catalog", "stats", "--json",
    ]  # fmt: skip


def test_nothing_after_a_double_dash_is_moved() -> None:
    assert hoist_globals(["profile", "--", "--debug"]) == ["profile", "--", "--debug"]


def test_a_global_option_after_the_command_takes_effect(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-catalog-here"
    assert main(["catalog", "stats", "--catalog", str(missing)]) == 1
    assert str(missing) in capsys.readouterr().err
    with pytest.raises(Exception, match="catalog"):
        main(["catalog", "stats", "--debug", "--catalog", str(missing)])  # --debug re-raises

"""One use case, two surfaces: on the demo, the terminal app and `exposure letters` draft the
same letters, to the same brokers, in the same order, word for word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from exposure.cli.main import main
from exposure.letters.text import letter_text
from exposure.tui.app import ExposureApp
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.identity_screen import IdentityScreen
from exposure.tui.screens.preview_screen import PreviewScreen
from exposure.tui.screens.requests_screen import RequestsScreen

from .conftest import TODAY
from .test_journey import drive, settle, until


def test_the_app_and_the_cli_draft_the_same_letters_in_the_same_order(
    make_app: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts: list[tuple[str, str]] = []

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("r")  # the requests step, with the plan's brokers ticked
        await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press("ctrl+n")  # the demo person's details are already filled in
        await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        texts.extend((x.broker_id, letter_text(x)) for x in preview.letters)

    drive(make_app(demo=True), scenario)

    out = tmp_path / "cli"
    argv = ["letters", "--demo", "--format", "txt", "--date", TODAY.isoformat(), "--out", str(out)]
    assert main(argv) == 0
    written = [
        Path(line.removeprefix("wrote ")) for line in capsys.readouterr().out.splitlines()
        if line.startswith("wrote ")
    ]  # fmt: skip
    # File names are BROKER-KIND.txt; kinds have no hyphen.
    cli = [
        (p.name.removesuffix(".txt").rsplit("-", 1)[0], p.read_text(encoding="utf-8"))
        for p in written
    ]
    assert len(texts) > 5
    assert [broker for broker, _ in texts] == [broker for broker, _ in cli]
    assert texts == cli

"""Report how many CLI runs the robustness suite made (the figure docs/robustness.md quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.harness import RUNS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if any(RUNS.values()):
        terminalreporter.write_line(
            f"robustness: {RUNS['in-process']} in-process and {RUNS['subprocess']} subprocess "
            "CLI runs"
        )


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("robustness-cache")


@pytest.fixture(autouse=True)
def _one_catalog_cache(
    _isolated_dirs: None, _shared_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test keeps its own vault, but the validated-catalog cache (public data) is shared:
    building it costs about a second, and these tests run the CLI hundreds of times."""
    monkeypatch.setenv("EXPOSURE_CACHE_DIR", str(_shared_cache))

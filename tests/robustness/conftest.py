"""Report how many CLI runs the robustness suite made (the figure docs/robustness.md quotes)."""

from __future__ import annotations

import pytest

from tests.robustness.harness import RUNS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if any(RUNS.values()):
        terminalreporter.write_line(
            f"robustness: {RUNS['in-process']} in-process and {RUNS['subprocess']} subprocess "
            "CLI runs"
        )

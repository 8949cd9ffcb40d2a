"""Killing a process that writes to the ledger never loses a committed event or breaks the file.

The suite runs a handful of kills; benchmarks/bench_ledger_crash.py runs a hundred or more.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_ledger_crash import run_kills
from tests.exposure.ledger.conftest import open_vault


def test_committed_events_survive_kills(tmp_path: Path) -> None:
    open_vault(tmp_path / "v", create=True)
    results = run_kills(tmp_path / "v", iterations=8, seed=99)
    assert len(results) == 8
    for committed, found in results:
        assert found >= committed, (committed, found)

"""Kill a process writing to the ledger at many random moments; count what survives.

    python benchmarks/bench_ledger_crash.py --iterations 120

Each round starts a writer that records requests one transaction at a time and prints how many
it has committed, kills it with SIGKILL after a random pause, then opens the ledger and checks
that it passes SQLite's integrity check and holds at least every request the writer reported as
committed. The test suite runs a few rounds; this script runs as many as asked.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery"  # noqa: S105 - a throwaway test vault
WRITER = """
import datetime as dt, sys
from pathlib import Path
from exposure.ledger.store import Ledger
from exposure.vault.store import Vault
vault = Vault.open(Path(sys.argv[1]), keyring=None, ask=lambda _: sys.argv[2], notify=print)
ledger = Ledger.open(vault)
count = len(ledger.all(today=dt.date(2026, 1, 1)))
while True:
    ledger.add(broker_id="x", broker_name="X", kind="delete", regime="no-law", deadline=None,
               recheck_days=90, letter="a fictional letter " * 50, today=dt.date(2026, 1, 1))
    count += 1
    print(count, flush=True)
"""


def run_kills(vault: Path, *, iterations: int, seed: int) -> list[tuple[int, int]]:
    """(committed as reported by the writer, found afterwards) for each round."""
    rng = random.Random(seed)  # noqa: S311 - reproducible kill points, not security
    results = []
    for _ in range(iterations):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(vault), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert writer.stdout is not None
        committed = 0
        deadline = time.monotonic() + rng.uniform(0.2, 0.6)
        while time.monotonic() < deadline:
            line = writer.stdout.readline()
            if not line:
                break
            committed = int(line)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        db = sqlite3.connect(vault / "ledger.sqlite3")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = int(db.execute("SELECT COUNT(*) FROM requests").fetchone()[0])
        events = int(db.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        db.close()
        assert events == found, "every request keeps its 'drafted' event"
        results.append((committed, found))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=120)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    import tempfile

    from exposure.vault.store import Vault

    with tempfile.TemporaryDirectory() as tmp:
        answers = iter([PASSPHRASE, PASSPHRASE])
        Vault.open(
            Path(tmp) / "v",
            keyring=None,
            ask=lambda _: next(answers),
            notify=lambda _: None,
            create=True,
        )
        start = time.perf_counter()
        results = run_kills(Path(tmp) / "v", iterations=args.iterations, seed=2026)
        lost = sum(1 for committed, found in results if found < committed)
        print(
            f"{len(results)} kills in {time.perf_counter() - start:.0f} s; "
            f"{lost} lost a committed request; final count {results[-1][1]}"
        )


if __name__ == "__main__":
    main()

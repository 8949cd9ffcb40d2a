"""A workshop of 1,000 participants: letters for everyone plus the aggregate report.

    python benchmarks/bench_workshop.py            # print the table
    python benchmarks/bench_workshop.py --write    # also update docs/performance.md

Runs the real CLI (`exposure workshop start/add/report`) in a child process on generated
participants, and reports wall time and peak memory: the largest resident size the child and
its worker processes reached together (their /proc entries, sampled every 20 ms). Baseline,
measured in the same run: a child process that only reads the same CSV and estimates every
participant, one by one, the part every workshop must pay before anything is printed. Targets
(from the web intake issue): 1,000 participants, letters and aggregate report in at most 30 s on
2 cores, peak memory at most 400 MB.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.results import publish  # noqa: E402
from broker_catalog import load_catalog  # noqa: E402
from broker_catalog.catalog import Catalog  # noqa: E402
from exposure.limits import MAX_ROWS_PER_ADD  # noqa: E402

EXPOSURE = str(Path(sys.executable).parent / "exposure")


def participants_csv(path: Path, count: int) -> list[Path]:
    """``count`` generated participants, in files of at most MAX_ROWS_PER_ADD rows (the most
    one ``workshop add`` takes): ``path`` with -1, -2... before the suffix."""
    catalog = load_catalog()
    rng = random.Random(11)  # noqa: S311 - reproducible test data
    states = ["CA", "TX", "NY", "IL", "FL", "VA", "WA", "AZ"]
    parts = []
    for part, first in enumerate(range(0, count, MAX_ROWS_PER_ADD), 1):
        size = min(MAX_ROWS_PER_ADD, count - first)
        parts.append(path.with_name(f"{path.stem}-{part}{path.suffix}"))
        _write_rows(parts[-1], size, catalog, rng, states)
    return parts


def _write_rows(
    path: Path, count: int, catalog: Catalog, rng: random.Random, states: list[str]
) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([f.id for f in catalog.facts])
        for _ in range(count):
            row = []
            for fact in catalog.facts:
                values = [c.value for c in fact.choices]
                kind = fact.kind.value
                if kind == "yes_no":
                    row.append(rng.choice(["yes", "no", "?"]))
                elif kind == "choice":
                    row.append(rng.choice(values))
                elif kind == "state":
                    row.append(rng.choice(states))
                elif kind == "states":
                    row.append("")
                else:
                    row.append(";".join(rng.sample(values, rng.randint(0, 2))))
            writer.writerow(row)


def _tree_rss(pid: int) -> int:
    """Resident kB of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def child(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the child's and its workers'), and peak resident MB of the
    child and its workers together."""
    cpu = _cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{argv} failed: {err.decode(errors='replace')}")
    return seconds, _cpu() - cpu, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="workshop add --jobs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        parts = participants_csv(root / "participants.csv", args.participants)
        env_code = (
            "import sys, datetime as dt; from broker_catalog import load_catalog;"
            "from exposure.engine import audit; from pathlib import Path;"
            "from exposure.workshop.participants import read_participants;"
            "c = load_catalog(); t = dt.date.today(); [audit(p, c, today=t) for f in sys.argv[1:]"
            " for _, p in read_participants(Path(f), c)]"
        )
        base, base_cpu, base_mem = child([sys.executable, "-c", env_code, *map(str, parts)])
        subprocess.run(
            [EXPOSURE, "workshop", "start", str(root / "w.json"), "--name", "Bench"],
            check=True,
            capture_output=True,
        )
        add = add_cpu = add_mem = 0.0
        for part in parts:  # one 'workshop add' per file, as a facilitator would run them
            seconds, cpu, mem = child(
                [
                    EXPOSURE,
                    "workshop",
                    "add",
                    str(root / "w.json"),
                    "--csv",
                    str(part),
                    "--out",
                    str(root / "out"),
                    *(["--jobs", str(args.jobs)] if args.jobs else []),
                ]
            )
            add, add_cpu, add_mem = add + seconds, add_cpu + cpu, max(add_mem, mem)
        rep, rep_cpu, rep_mem = child(
            [
                EXPOSURE,
                "workshop",
                "report",
                str(root / "w.json"),
                "--out",
                str(root / "report.pdf"),
            ]
        )
        letters = sum(1 for _ in (root / "out").rglob("letters.pdf"))
    total = add + rep
    n = args.participants
    rows = [
        (f"estimate only, {n} participants (baseline)", base, base_cpu, base_mem),
        (
            f"workshop add x{len(parts)}: {n} participants' letters ({letters} PDFs)",
            add,
            add_cpu,
            add_mem,
        ),
        ("workshop report: aggregate PDF", rep, rep_cpu, rep_mem),
        ("letters + aggregate report", total, add_cpu + rep_cpu, max(add_mem, rep_mem)),
    ]
    table = [
        "| what | seconds | ratio to baseline | CPU seconds | peak memory |",
        "|---|---:|---:|---:|---:|",
    ]
    table += [f"| {w} | {s:.1f} | {s / base:.1f}x | {c:.1f} | {m:.0f} MB |" for w, s, c, m in rows]
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    note = (
        f"workshop add --jobs {args.jobs or 'default'}, in files of at most {MAX_ROWS_PER_ADD} "
        f"participants (the most one add takes); load average (1 min) {load} at the end."
    )
    publish("workshop", table, note=note, write=args.write)


if __name__ == "__main__":
    main()

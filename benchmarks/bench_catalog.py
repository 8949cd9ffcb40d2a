"""Start-up and catalog-load benchmarks, reported as ratios against baselines timed in the same run.

    python benchmarks/bench_catalog.py            # print the table
    python benchmarks/bench_catalog.py --write    # also update docs/performance.md

Baselines: a bare interpreter (`python -c pass`) for the CLI's start-up, and a raw `tomllib` parse
of the very same files for catalog loads. Ratios travel between machines; absolute times do not.
Targets (from the foundation issue): `--help` ≤ 3x bare interpreter; a 1,000-record catalog loads
in ≤ 100 ms warm and ≤ 3x the raw parse. A warm load unpickles records only when first used, so
the last row per catalog also shows the cost of touching every record (what a full audit does).
The generated catalogs clone the shipped deep records, the largest kind, so they are a worst case.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.results import median_time, publish  # noqa: E402
from broker_catalog.loader import catalog_files, default_root, load_catalog  # noqa: E402


def run_process(argv: list[str]) -> Callable[[], object]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return lambda: subprocess.run(argv, check=True, capture_output=True, env=env)


def generated_catalog(root: Path, count: int) -> Path:
    """A catalog of ``count`` records cloned from the shipped ones, with unique ids and names."""
    shipped = default_root()
    for name in ("catalog.toml", "categories.toml", "facts.toml"):
        shutil.copy(shipped / name, root / name)
    (root / "brokers").mkdir()
    templates = [
        p.read_text(encoding="utf-8") for p in sorted((shipped / "brokers").glob("*.toml"))
    ]
    for i in range(count):
        text = templates[i % len(templates)]
        text = re.sub(r'(?m)^id = "([a-z0-9-]+)"', f'id = "bench-{i:05d}"', text, count=1)
        text = re.sub(r'(?m)^name = "(.*)"', rf'name = "\1 (copy {i})"', text, count=1)
        text = re.sub(r"(?m)^brands = \[.*\]", "brands = []", text, count=1)
        text = re.sub(r'(?m)^parent = ".*"\n', "", text, count=1)
        (root / "brokers" / f"bench-{i:05d}.toml").write_text(text, encoding="utf-8")
    return root


def raw_parse(root: Path) -> Callable[[], object]:
    files = catalog_files(root)
    return lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in files]


def catalog_rows(label: str, root: Path, repeat: int) -> list[tuple[str, float, float]]:
    cache = Path(tempfile.mkdtemp(prefix="exposure-bench-cache-"))
    try:
        load_catalog(root, cache_dir=cache)  # warm the cache once
        base = median_time(raw_parse(root), repeat)
        uncached = median_time(lambda: load_catalog(root, use_cache=False), max(3, repeat // 3))
        warm = median_time(lambda: load_catalog(root, cache_dir=cache), repeat)
        every = median_time(
            lambda: load_catalog(root, cache_dir=cache).brokers, max(3, repeat // 3)
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return [
        (f"{label}: raw tomllib parse (baseline)", base, 1.0),
        (f"{label}: validated load, no cache", uncached, uncached / base),
        (f"{label}: validated load, warm cache", warm, warm / base),
        (f"{label}: warm load + every record unpickled", every, every / base),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    exe = shutil.which("exposure", path=str(Path(sys.executable).parent)) or "exposure"
    bare = median_time(run_process([sys.executable, "-c", "pass"]), args.repeat)
    helped = median_time(run_process([exe, "--help"]), args.repeat)
    rows = [
        ("`python -c pass` (baseline)", bare, 1.0),
        ("`exposure --help`", helped, helped / bare),
    ]
    shipped = len(list((default_root() / "brokers").glob("*.toml")))
    rows += catalog_rows(f"shipped catalog ({shipped} records)", default_root(), args.repeat)
    for count in (1000, 2000):
        with tempfile.TemporaryDirectory(prefix="exposure-bench-") as tmp:
            root = generated_catalog(Path(tmp), count)
            rows += catalog_rows(f"generated {count:,} records", root, args.repeat)

    table = ["| what | median | ratio to baseline |", "|---|---:|---:|"]
    table += [f"| {what} | {secs * 1000:.1f} ms | {ratio:.2f}x |" for what, secs, ratio in rows]
    publish("catalog", table, write=args.write)


if __name__ == "__main__":
    main()

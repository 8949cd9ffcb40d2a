"""Shared fixtures: a scratch catalog per test, the real registry files, synthetic CSV writers."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import broker_catalog

REPO_ROOT = Path(__file__).resolve().parents[3]
REGISTRIES = REPO_ROOT.parent / "shared" / "data" / "registries"
CATALOG_FILES = ("catalog.toml", "categories.toml", "facts.toml")
TODAY = dt.date(2025, 6, 1)


def make_catalog(root: Path) -> Path:
    """An empty catalog (no brokers) built from the repository's fixed files."""
    source = Path(broker_catalog.__file__).parent
    (root / "brokers").mkdir(parents=True)
    for name in CATALOG_FILES:
        shutil.copy(source / name, root / name)
    return root


def registry_file(registries: Path, name: str) -> Path:
    path = registries / name
    if not path.is_file():
        pytest.skip(f"registry file {name} is not present in {registries}")
    return path


def write_csv(
    path: Path,
    columns: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    *,
    preamble: Sequence[Sequence[str]] = (),
) -> Path:
    """A CSV with ``columns`` as header (after ``preamble`` rows); unnamed cells are empty."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for line in preamble:
            writer.writerow(line)
        writer.writerow(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            assert not unknown, f"test bug: no such column {unknown}"
            writer.writerow([row.get(c, "") for c in columns])
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "brokers").glob("*.toml"))}

"""Shared fixtures. Every test runs with its own cache folder and vault folder under tmp_path,
so no test reads or writes the developer's real exposure data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CATALOG = REPO / "broker_catalog"
FIXTURES = Path(__file__).resolve().parent / "broker_catalog" / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("exposure-home")
    monkeypatch.setenv("EXPOSURE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("EXPOSURE_VAULT", str(base / "vault"))
    monkeypatch.delenv("EXPOSURE_CATALOG", raising=False)


@pytest.fixture
def minimal_catalog(tmp_path: Path) -> Path:
    """A catalog folder with the shipped vocabularies and one fictional, valid broker."""
    root = tmp_path / "catalog"
    (root / "brokers").mkdir(parents=True)
    for name in ("catalog.toml", "categories.toml", "facts.toml"):
        shutil.copy(SHIPPED_CATALOG / name, root / name)
    shutil.copy(FIXTURES / "valid-broker.toml", root / "brokers" / "valid-broker.toml")
    return root

"""Fixtures for the importer tests; plain helpers live in support.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.broker_catalog.importers.support import REGISTRIES, make_catalog


@pytest.fixture
def catalog_root(tmp_path: Path) -> Path:
    return make_catalog(tmp_path / "catalog")


@pytest.fixture(scope="session")
def registries() -> Path:
    if not REGISTRIES.is_dir():
        pytest.skip(f"the shared registry files are not present at {REGISTRIES}")
    return REGISTRIES

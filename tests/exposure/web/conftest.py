"""Fixtures for the web questionnaire: the shipped catalog once, and a live server per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from broker_catalog.catalog import Catalog
from tests.exposure.web.support import Live, live_server


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    from broker_catalog.loader import load_catalog

    return load_catalog(use_cache=False)


@pytest.fixture
def live(tmp_path: Path, catalog: Catalog) -> Iterator[Live]:
    with live_server(tmp_path, catalog) as running:
        yield running

"""Fixtures for the letter tests."""

from __future__ import annotations

import pytest

from broker_catalog import Catalog, load_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(use_cache=False)

"""Shared pieces for the TUI tests: the shipped catalog loaded once, a fixed date, the factory."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from broker_catalog.catalog import Catalog
from exposure.tui.app import ExposureApp, create_app

TODAY = dt.date(2025, 1, 15)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    from broker_catalog.loader import load_catalog

    return load_catalog(use_cache=False)


@pytest.fixture
def make_app(catalog: Catalog) -> Any:
    """The real app from the real factory, with the catalog preloaded and the date fixed."""

    def make(**kwargs: Any) -> ExposureApp:
        return create_app(catalog=catalog, today=TODAY, **kwargs)

    return make

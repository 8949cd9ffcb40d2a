"""Shared pieces for the TUI tests: the shipped catalog loaded once, a fixed date, the factory."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from broker_catalog.catalog import Catalog
from exposure import language
from exposure.tui.app import ExposureApp, create_app

TODAY = dt.date(2025, 1, 15)
VAULT = Path("/nonexistent/exposure-vault")


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


def _drop_tui() -> None:
    for name in [m for m in sys.modules if m == "exposure.tui" or m.startswith("exposure.tui.")]:
        del sys.modules[name]


@pytest.fixture
def spanish_app(catalog: Catalog) -> Iterator[Callable[..., App[None]]]:
    """The app in Spanish: a fresh import of ``exposure.tui`` (its words are built when its
    modules load), dropped again afterwards."""
    saved = {m: sys.modules[m] for m in sys.modules if m.startswith("exposure.tui")}
    _drop_tui()
    language.set_current("es")
    fresh = importlib.import_module("exposure.tui.app")

    def make(**kwargs: Any) -> App[None]:
        app: App[None] = fresh.create_app(catalog=catalog, today=TODAY, vault=VAULT, **kwargs)
        return app

    try:
        yield make
    finally:
        language.set_current("en")
        _drop_tui()
        sys.modules.update(saved)

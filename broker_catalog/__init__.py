"""The exposure broker catalog: data files, their schema and a loader, usable on their own.

    from broker_catalog import load_catalog
    catalog = load_catalog()
    catalog.by_id["nctue"].opt_out

Names are resolved lazily (PEP 562) so that importing the package, or only its error classes,
does not pull in pydantic: the CLI's ``--help`` stays instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog, CatalogInfo
    from broker_catalog.errors import CatalogError, Problem, UserFacingError
    from broker_catalog.loader import default_root, load_catalog

_WHERE = {
    "Catalog": "catalog",
    "CatalogInfo": "catalog",
    "CatalogError": "errors",
    "Problem": "errors",
    "UserFacingError": "errors",
    "default_root": "loader",
    "load_catalog": "loader",
}

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInfo",
    "Problem",
    "UserFacingError",
    "default_root",
    "load_catalog",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'broker_catalog' has no attribute {name!r}")
    return getattr(importlib.import_module(f"broker_catalog.{_WHERE[name]}"), name)

"""The exposure broker catalog: data files, their schema and a loader, usable on their own.

>>> from broker_catalog import load_catalog
>>> catalog = load_catalog()
>>> catalog.by_id["nctue"].name  # doctest: +SKIP
"""

from broker_catalog.catalog import Catalog, CatalogInfo
from broker_catalog.errors import CatalogError, Problem, UserFacingError
from broker_catalog.loader import default_root, load_catalog

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInfo",
    "Problem",
    "UserFacingError",
    "default_root",
    "load_catalog",
]

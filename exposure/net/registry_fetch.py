"""`exposure catalog fetch-registry`: download a state registry export and import it after review.

Only California publishes its registry as a downloadable file. Vermont, Oregon and Texas publish
search pages: their exports are saved by hand and imported with ``exposure catalog
import-registry`` where the importer knows the format (Vermont), and kept as sources to read
where it does not (Oregon, Texas). The download URL is never built in: the CPPA has moved its
files before, and a guessed URL would import the wrong thing, so the maintainer gives the link
from the registry page (see docs/catalog-maintenance.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from broker_catalog.importers import ImportReport
from exposure.errors import UsageError
from exposure.net.download import download
from exposure.net.errors import DownloadError

#: Registries whose export can be downloaded, with the importer format that reads it.
DOWNLOADABLE = {"ca-cppa": "the California Privacy Protection Agency's data broker registry"}
#: Registries that publish web pages only, and what to do instead.
PAGES_ONLY = {
    "vt": "Vermont publishes a search page only: save its export by hand and run "
    "'exposure catalog import-registry FILE --format vt'",
    "or": "Oregon publishes a search page only, and the importer has no Oregon format yet: "
    "check its entries by hand (see docs/catalog-maintenance.md)",
    "tx": "Texas publishes a search page only, and the importer has no Texas format yet: "
    "check its entries by hand (see docs/catalog-maintenance.md)",
}
MAX_REGISTRY = 50 * 1024 * 1024


def check_registry(name: str) -> str:
    if name in DOWNLOADABLE:
        return name
    if name in PAGES_ONLY:
        raise UsageError(PAGES_ONLY[name])
    known = ", ".join([*DOWNLOADABLE, *PAGES_ONLY])
    raise UsageError(f"unknown registry {name!r}; known: {known}")


def fetch(name: str, url: str, dest: Path) -> Path:
    """Download the export to ``dest`` and make sure it is a CSV file, not a web page."""
    check_registry(name)
    download(url, dest, max_bytes=MAX_REGISTRY)
    head = dest.read_bytes()[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"{")) or b"<html" in head:
        raise DownloadError(
            f"{url} returned a web page, not a CSV file; open the registry page and copy the "
            "link of its CSV download"
        )
    return dest


@dataclass(frozen=True, slots=True)
class Preview:
    """The dry run of an import, plus the registry's brokers that are no longer in the file."""

    report: ImportReport
    removed: tuple[tuple[str, str], ...]  # (id, name); nothing is deleted, they are for review


def preview(name: str, csv_path: Path, catalog_root: Path, today: dt.date) -> Preview:
    from broker_catalog.importers import REGISTRIES, import_registry
    from broker_catalog.loader import load_catalog

    report = import_registry(name, csv_path, catalog_root, today=today, dry_run=True)
    source = REGISTRIES[name].source.id
    touched = {c.broker_id for c in (*report.new, *report.changed)} | set(report.unchanged)
    catalog = load_catalog(catalog_root, use_cache=False, allow_empty=True)
    removed = tuple(
        (b.id, b.name)
        for b in catalog.brokers
        if b.id not in touched and any(r.source == source for r in b.legal.registries)
    )
    return Preview(report, removed)


def apply(name: str, csv_path: Path, catalog_root: Path, today: dt.date) -> ImportReport:
    from broker_catalog.importers import import_registry

    return import_registry(name, csv_path, catalog_root, today=today, dry_run=False)

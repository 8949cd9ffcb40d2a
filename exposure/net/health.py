"""The link-health record: when each catalog URL was last checked and what it did.

It is kept in ``link-health.json`` next to the catalog's TOML files rather than in the broker
records, for three reasons: a check touches hundreds of URLs and would otherwise rewrite
hundreds of hand-reviewed records (burying real edits in review noise); it is machine output
that changes every run, while records change when a person checks a fact; and one URL is often
shared by several brokers, so it is keyed by URL, not by broker. The loader ignores the file,
so a catalog without it is complete.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exposure.errors import ExposureError

if TYPE_CHECKING:
    from exposure.net.linkcheck import LinkResult

HEALTH_FILE = "link-health.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class UrlHealth:
    """The last check of one URL. ``since`` is when it first showed its current status, so a
    maintainer can tell a page broken for a day from one broken for months."""

    checked: dt.date
    status: str
    since: dt.date
    http_status: int | None = None
    final_url: str | None = None
    hidden: str | None = None
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "checked": self.checked.isoformat(),
            "status": self.status,
            "since": self.since.isoformat(),
            "http_status": self.http_status,
            "final_url": self.final_url,
            "hidden": self.hidden,
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UrlHealth:
        return cls(
            checked=dt.date.fromisoformat(data["checked"]),
            status=str(data["status"]),
            since=dt.date.fromisoformat(data.get("since", data["checked"])),
            http_status=data.get("http_status"),
            final_url=data.get("final_url"),
            hidden=data.get("hidden"),
            detail=str(data.get("detail", "")),
        )


def health_path(catalog_root: Path) -> Path:
    return catalog_root / HEALTH_FILE


def load_link_health(catalog_root: Path) -> dict[str, UrlHealth]:
    """The recorded health of each URL; empty when the catalog has never been checked."""
    path = health_path(catalog_root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ExposureError(f"{path} cannot be read: {exc}") from None
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown format {data.get('format')!r}")
        return {url: UrlHealth.from_json(entry) for url, entry in data["urls"].items()}
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ExposureError(f"{path} is not a link-health record: {exc}") from None


def updated(
    old: dict[str, UrlHealth],
    results: Iterable[LinkResult],
    today: dt.date,
    catalog_urls: set[str],
) -> dict[str, UrlHealth]:
    """The record after a run: checked URLs replaced, others kept, URLs gone from the catalog
    dropped (a run over one category leaves the other categories' entries alone)."""
    new = {url: health for url, health in old.items() if url in catalog_urls}
    for result in results:
        before = old.get(result.url)
        status = result.status.value
        since = before.since if before is not None and before.status == status else today
        new[result.url] = UrlHealth(
            checked=today,
            status=status,
            since=since,
            http_status=result.http_status,
            final_url=result.final_url,
            hidden=result.hidden,
            detail=result.detail,
        )
    return dict(sorted(new.items()))


def write_link_health(catalog_root: Path, health: dict[str, UrlHealth]) -> Path:
    """Write the record atomically, sorted and indented so that its diffs review well."""
    from exposure.atomic import write_atomic

    data = {"format": FORMAT, "urls": {url: h.to_json() for url, h in sorted(health.items())}}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path = health_path(catalog_root)
    write_atomic(path, text.encode("utf-8"))
    path.chmod(0o644)  # public facts: readable like the TOML files beside it
    return path

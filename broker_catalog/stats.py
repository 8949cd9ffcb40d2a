"""Counts over the catalog: what `exposure catalog stats` prints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, Quality


def _counted(counter: Counter[str], order: list[str] | None = None) -> dict[str, int]:
    keys = order if order is not None else sorted(counter)
    return {k: counter.get(k, 0) for k in keys}


def catalog_stats(catalog: Catalog) -> dict[str, Any]:
    """Counts per category, quality, registry and opt-out route (see docs/json-output.md)."""
    brokers = catalog.brokers
    opt_out: Counter[str] = Counter(
        b.opt_out.available if b.opt_out else "unknown" for b in brokers
    )
    quality = Counter(b.quality.value for b in brokers)
    return {
        "catalog": {"version": catalog.info.version, "released": catalog.info.released},
        "brokers": len(brokers),
        "by_category": {c.id: len(catalog.by_category.get(c.id, ())) for c in catalog.categories},
        "by_quality": _counted(quality, [q.value for q in Quality]),
        "by_registry": {s: len(catalog.by_registry.get(s, ())) for s in ("CA", "VT", "OR", "TX")},
        "by_opt_out": _counted(opt_out, ["yes", "partial", "no", "unknown"]),
        "with_government_ties": sum(1 for b in brokers if b.government_ties),
        "with_immigration_ties": sum(
            1 for b in brokers if any(t.immigration_enforcement for t in b.government_ties)
        ),
    }


def translation_stats(catalog: Catalog, root: Path | None = None) -> dict[str, Any]:
    """Coverage and staleness of each language's catalog text (see docs/json-output.md)."""
    from broker_catalog.translations import LANGUAGES, coverage_report, load_catalog_text

    return {
        lang: coverage_report(catalog, load_catalog_text(catalog, lang, root)) for lang in LANGUAGES
    }


def broker_summary(broker: Broker) -> dict[str, Any]:
    """One row of `exposure catalog list --json`."""
    return {
        "id": broker.id,
        "name": broker.name,
        "brands": list(broker.brands),
        "parent": broker.parent,
        "status": broker.status.value,
        "quality": broker.quality.value,
        "last_verified": broker.last_verified.isoformat(),
        "categories": list(broker.categories),
        "opt_out": broker.opt_out.available if broker.opt_out else "unknown",
        "registries": sorted({r.state for r in broker.legal.registries}),
        "government_ties": len(broker.government_ties),
    }

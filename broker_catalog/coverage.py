"""docs/catalog-coverage.md: what the shipped catalog covers, generated from its own counts."""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Quality
from broker_catalog.stats import catalog_stats


def coverage_markdown(catalog: Catalog) -> str:
    stats = catalog_stats(catalog)
    deep = [b for b in catalog.brokers if b.quality.rank >= Quality.VERIFIED.rank]
    lines = [
        "# Catalog coverage",
        "",
        "Generated from the shipped catalog by `python -m exposure.regenerate`; "
        "do not edit by hand.",
        "",
        f"Catalog {stats['catalog']['version']} (released {stats['catalog']['released']}): "
        f"**{stats['brokers']} brokers**, of which **{len(deep)} researched** "
        "(quality `verified` or better). "
        f"{stats['with_government_ties']} records carry documented government ties, "
        f"{stats['with_immigration_ties']} of them immigration enforcement.",
        "",
        "## By data category (researched brokers)",
        "",
        "| category | brokers | researched brokers |",
        "|---|---:|---|",
    ]
    for category in catalog.categories:
        held = [b for b in catalog.by_category.get(category.id, ()) if b.quality.rank >= 2]
        names = ", ".join(sorted(b.name for b in held))
        lines.append(f"| {category.name} | {len(held)} | {names} |")
    for title, key in (
        ("By quality", "by_quality"),
        ("By state registry", "by_registry"),
        ("By opt-out route", "by_opt_out"),
    ):
        lines += ["", f"## {title}", "", "| | brokers |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in stats[key].items()]
    return "\n".join(lines) + "\n"

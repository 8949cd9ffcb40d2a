"""docs/catalog-coverage.md: what the shipped catalog covers, generated from its own counts."""

from __future__ import annotations

import datetime as dt

from broker_catalog.catalog import Catalog
from broker_catalog.freshness import BAND_NAMES, BAND_ORDER, freshness
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
    return "\n".join(lines + _freshness_lines(catalog)) + "\n"


def _freshness_lines(catalog: Catalog) -> list[str]:
    """The figures of `exposure catalog freshness` as of the release day, so the page is stable."""
    day = dt.date.fromisoformat(catalog.info.released)
    f = freshness(catalog, day)
    lines = [
        "",
        "## Freshness",
        "",
        f"As of the release day, {day.isoformat()}, for the verification pass that started on "
        f"{f.since.isoformat()} (`exposure catalog freshness` gives the same figures for any "
        f"day): **{f.records_in_pass} of {f.researched}** researched records reviewed in the "
        f"pass, and **{f.facts_in_pass} of {f.facts}** dated facts re-checked in it.",
        "",
        "| age | records, last check | records, newest source | facts, last check |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {BAND_NAMES[b]} | {f.record_check_age[b]} | {f.record_source_age[b]} "
        f"| {f.fact_check_age[b]} |"
        for b in BAND_ORDER
    ]
    lines += ["", "| fact kind | facts | re-checked in the pass |", "|---|---:|---:|"]
    lines += [f"| {k} | {v['facts']} | {v['in_pass']} |" for k, v in f.facts_by_kind.items()]
    lines += [
        "",
        f"Contacts (e-mail, postal and phone desks and general e-mails of researched records) "
        f"whose only source is a registry filing: {len(f.registry_only_contacts)}; of those "
        f"known only from an older filing: {len(f.old_filing_only_contacts)}; mailboxes that "
        f"name a person (never written to): {len(f.personal_mailboxes)}.",
    ]
    return lines

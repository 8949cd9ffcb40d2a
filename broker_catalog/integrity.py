"""Checks that span records: what a single record's schema cannot know on its own."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from broker_catalog.catalog import brand_key
from broker_catalog.errors import Problem
from broker_catalog.limits import quoted_id
from broker_catalog.schema import Broker, Category, LifeFact


def check(
    root: Path,
    records: list[tuple[Path, Broker]],
    categories: tuple[Category, ...],
    facts: tuple[LifeFact, ...],
) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique(root / "categories.toml", "category", [c.id for c in categories])
    problems += _unique(root / "facts.toml", "fact", [f.id for f in facts])
    ids = Counter(b.id for _, b in records)
    for path, broker in records:
        if ids[broker.id] > 1:
            others = sorted(p.name for p, b in records if b.id == broker.id and p != path)
            msg = f"id '{broker.id}' used {ids[broker.id]} times (also in {', '.join(others)})"
            problems.append(Problem(path, "id", msg))
    known_categories = {c.id for c in categories}
    known_facts = {f.id: f for f in facts}
    owners: dict[str, list[tuple[Path, str]]] = {}
    for path, broker in records:
        problems += _checks_for(broker, path, known_categories, known_facts, ids)
        for brand in dict.fromkeys(brand_key(b) for b in (broker.name, *broker.brands)):
            owners.setdefault(brand, []).append((path, broker.id))
    for brand, claims in owners.items():
        for path, _broker_id in claims if len(claims) > 1 else ():
            rivals = ", ".join(f"'{i}'" for p, i in claims if p != path)
            msg = f"brand or name '{brand}' is also claimed by {rivals}"
            problems.append(Problem(path, "brands", msg))
    return problems


def _checks_for(
    broker: Broker,
    path: Path,
    categories: set[str],
    facts: dict[str, LifeFact],
    ids: Counter[str],
) -> list[Problem]:
    problems: list[Problem] = []
    if path.stem != broker.id:
        msg = f"the file name must match the id: rename to {broker.id}.toml (ids never change)"
        problems.append(Problem(path, "id", msg))
    for name, ref in (("parent", broker.parent), ("merged_into", broker.merged_into)):
        if ref is not None and ref not in ids:
            problems.append(Problem(path, name, f"refers to unknown broker id {quoted_id(ref)}"))
        if ref == broker.id:
            problems.append(Problem(path, name, "a broker cannot refer to itself"))
    for i, holding in enumerate(broker.holdings):
        where = f"holdings[{i}]"
        if holding.category not in categories:
            known = ", ".join(sorted(categories))
            msg = f"unknown category {quoted_id(holding.category)} (expected one of: {known})"
            problems.append(Problem(path, f"{where}.category", msg))
        for j, trigger in enumerate(holding.triggers):
            fact = facts.get(trigger.fact)
            field = f"{where}.triggers[{j}]"
            if fact is None:
                problems.append(
                    Problem(path, f"{field}.fact", f"unknown life fact {quoted_id(trigger.fact)}")
                )
                continue
            bad = sorted(set(trigger.values) - fact.allowed_values())
            if bad:
                allowed = ", ".join(sorted(fact.allowed_values()))
                shown = ", ".join(quoted_id(b) for b in bad)
                msg = f"'{trigger.fact}' has no answer {shown} (expected: {allowed})"
                problems.append(Problem(path, f"{field}.values", msg))
    return problems


def _unique(path: Path, field: str, ids: list[str]) -> list[Problem]:
    return [
        Problem(path, field, f"id '{i}' defined {n} times")
        for i, n in Counter(ids).items()
        if n > 1
    ]

"""Checks that span records: what a single record's schema cannot know on its own."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from broker_catalog.catalog import brand_key
from broker_catalog.errors import Problem
from broker_catalog.government_schema import GovernmentSource
from broker_catalog.limits import quoted_id
from broker_catalog.schema import (
    AlternativeGroup,
    Broker,
    Category,
    HoldingRef,
    LifeFact,
    Trigger,
)


def check(
    root: Path,
    records: list[tuple[Path, Broker]],
    categories: tuple[Category, ...],
    facts: tuple[LifeFact, ...],
    groups: tuple[AlternativeGroup, ...] = (),
    government: list[tuple[Path, GovernmentSource]] | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    problems += _links(root, records, facts, groups, government or [])
    problems += _unique(root / "categories.toml", "category", [c.id for c in categories])
    fact_ids = {f.id for f in facts}
    for i, category in enumerate(categories):
        for j, fact in enumerate(category.registry.facts if category.registry else ()):
            if fact not in fact_ids:
                where = f"category[{i}].registry.facts[{j}]"
                msg = f"unknown life fact '{fact}'"
                problems.append(Problem(root / "categories.toml", where, msg))
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
            problems += _trigger(path, f"{where}.triggers[{j}]", trigger, facts)
        if holding.law.fcra == "yes" and broker.legal.fcra == "no":
            msg = "the holding is FCRA data but the company's legal.fcra says 'no'"
            problems.append(Problem(path, f"{where}.law.fcra", msg))
    return problems


def _trigger(path: Path, field: str, trigger: Trigger, facts: dict[str, LifeFact]) -> list[Problem]:
    fact = facts.get(trigger.fact)
    if fact is None:
        return [Problem(path, f"{field}.fact", f"unknown life fact {quoted_id(trigger.fact)}")]
    bad = sorted(set(trigger.values) - fact.allowed_values())
    if bad:  # ids are named; anything else in their place is withheld, not repeated
        allowed = ", ".join(sorted(fact.allowed_values()))
        shown = ", ".join(quoted_id(b) for b in bad)
        msg = f"'{trigger.fact}' has no answer {shown} (expected: {allowed})"
        return [Problem(path, f"{field}.values", msg)]
    return []


def _links(
    root: Path,
    records: list[tuple[Path, Broker]],
    facts: tuple[LifeFact, ...],
    groups: tuple[AlternativeGroup, ...],
    government: list[tuple[Path, GovernmentSource]],
) -> list[Problem]:
    """Flows and groups point at holdings of other records; government records name facts."""
    held = {(b.id, h.category) for _, b in records for h in b.holdings}
    known = {b.id for _, b in records}
    by_fact = {f.id: f for f in facts}

    def dangling(ref: HoldingRef) -> str | None:
        if ref.broker not in known:
            return f"refers to unknown broker id {quoted_id(ref.broker)}"
        if (ref.broker, ref.category) not in held:
            return f"broker '{ref.broker}' has no holding in category '{ref.category}'"
        return None

    triggered = {
        (b.id, h.category, t.fact) for _, b in records for h in b.holdings for t in h.triggers
    }
    problems: list[Problem] = []
    for path, broker in records:
        for i, flow in enumerate(broker.flows):
            for end, ref in (("from", flow.source), ("to", flow.target)):
                msg = dangling(ref)
                if msg:
                    problems.append(Problem(path, f"flows[{i}].{end}", msg))
            target = flow.target
            for j, fact in enumerate(flow.facts):
                if (target.broker, target.category, fact) not in triggered:
                    msg = f"'{target.broker}' has no '{target.category}' trigger on '{fact}'"
                    problems.append(Problem(path, f"flows[{i}].facts[{j}]", msg))
    alternatives = root / "alternatives.toml"
    for i, group in enumerate(groups):
        for j, member in enumerate(group.members):
            msg = dangling(member)
            if msg:
                problems.append(Problem(alternatives, f"group[{i}].members[{j}]", msg))
        for j, fact in enumerate(group.facts):
            if fact not in by_fact:
                msg = f"unknown life fact '{fact}'"
                problems.append(Problem(alternatives, f"group[{i}].facts[{j}]", msg))
    problems += _unique(alternatives, "group", [g.id for g in groups])
    for path, source in government:
        for j, trigger in enumerate(source.concerns):
            problems += _trigger(path, f"concerns[{j}]", trigger, by_fact)
    return problems


def _unique(path: Path, field: str, ids: list[str]) -> list[Problem]:
    return [
        Problem(path, field, f"id '{i}' defined {n} times")
        for i, n in Counter(ids).items()
        if n > 1
    ]

"""The catalog's triggers flattened into plain tuples, for scoring many profiles fast.

Walking pydantic models for every holding of every broker is clear but slow when a workshop
scores thousands of answer sets. This compiles the same rule (see likelihood.py and links.py)
once per catalog into tuples of strings and integers; scoring a profile is then a few thousand
dictionary lookups. :func:`exposure.engine.audit.audit` uses it to decide which brokers need
reasons, and a test checks that it agrees with the model-walking rule on every broker.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Likelihood
from exposure.engine.links import holding_key, links_for
from exposure.engine.registry import RegistryRule, registry_rank, registry_rule
from exposure.profile.model import UNKNOWN, Answer

LIKELY = Likelihood.LIKELY.rank
POSSIBLE = Likelihood.POSSIBLE.rank
UNKNOWN_RANK = Likelihood.UNKNOWN.rank
UNLIKELY = Likelihood.UNLIKELY.rank
BY_RANK = {lk.rank: lk for lk in Likelihood}

# fact, values that match, rank it gives, source holdings that cap it (flows), capped by a group
Rule = tuple[str, frozenset[str], int, tuple[str, ...], bool]


@dataclass(frozen=True, slots=True)
class CompiledHolding:
    category: str
    baseline: int
    rules: tuple[Rule, ...]
    key: str


@dataclass(frozen=True, slots=True)
class CompiledBroker:
    id: str
    holdings: tuple[CompiledHolding, ...]


@dataclass(frozen=True, slots=True)
class Compiled:
    """Researched brokers in flow order; registry-only brokers with their filing rule."""

    researched: tuple[CompiledBroker, ...]
    registry: tuple[tuple[str, RegistryRule], ...]
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # group id, member holding keys
    # Results that depend on the catalog alone (a broker's plain result at a rank, its
    # government-tie reasons), built on first use and shared by every audit: results are frozen.
    memo: dict[tuple[str, ...], object] = field(default_factory=dict)
    # A researched broker's explained result by everything it depends on (audit.py).
    researched_memo: dict[tuple[object, ...], Any] = field(default_factory=dict)


# Keyed by id(): a Catalog compares by value and so cannot be hashed; the finalizer drops the
# entry when the catalog is collected, so an id is never reused for a stale entry.
_CACHE: dict[int, Compiled] = {}


def compile_catalog(catalog: Catalog) -> Compiled:
    """Every active broker; remembered for as long as the catalog lives."""
    found = _CACHE.get(id(catalog))
    if found is not None:
        return found
    links = links_for(catalog)
    researched = []
    for broker_id in links.order:
        broker = catalog.by_id[broker_id]
        if broker.status.value != "active":
            continue
        holdings = []
        for h, holding in enumerate(broker.holdings):
            rules: list[Rule] = []
            for t, trigger in enumerate(holding.triggers):
                link = links.of(broker_id, h, t)
                if link.dropped:
                    continue
                via = tuple(
                    holding_key(catalog.flows[n].source.broker, catalog.flows[n].source.category)
                    for n in link.flows
                )
                gives = Likelihood(trigger.gives).rank
                rules.append(
                    (trigger.fact, frozenset(trigger.values), gives, via, bool(link.group))
                )
            holdings.append(
                CompiledHolding(
                    holding.category,
                    Likelihood(holding.baseline).rank,
                    tuple(rules),
                    holding_key(broker_id, holding.category),
                )
            )
        researched.append(CompiledBroker(broker.id, tuple(holdings)))
    registry = tuple(
        (b.id, registry_rule(b, catalog.categories))
        for b in catalog.brokers
        if not b.holdings and b.status.value == "active"
    )
    groups = tuple(
        (g.id, tuple(holding_key(m.broker, m.category) for m in g.members)) for g in catalog.groups
    )
    result = Compiled(tuple(researched), registry, groups)
    _CACHE[id(catalog)] = result
    weakref.finalize(catalog, _CACHE.pop, id(catalog), None)
    return result


def _answer_rank(answer: Answer, values: frozenset[str], gives: int) -> int:
    if answer == UNKNOWN:
        return POSSIBLE
    if isinstance(answer, str):
        return gives if answer in values else UNLIKELY
    return gives if not values.isdisjoint(answer) else UNLIKELY


def holding_ranks(
    holding: CompiledHolding, facts: Mapping[str, Answer], known: Mapping[str, int]
) -> tuple[int, int]:
    """(the holding's rank, its rank as a group member would be without the group's cap).

    ``known`` holds the ranks of holdings already scored (flow sources come first)."""
    best = whole = holding.baseline
    for fact, values, gives, via, grouped in holding.rules:
        rank = _answer_rank(facts.get(fact, UNKNOWN), values, gives)
        if via:
            rank = min(rank, max(known.get(k, LIKELY) for k in via))
        if rank > whole:
            whole = rank
        if grouped and rank > POSSIBLE:
            rank = POSSIBLE
        if rank > best:
            best = rank
    return best, whole


@dataclass(frozen=True, slots=True)
class Scores:
    """Ranks of one profile: per broker, per holding key, per group."""

    brokers: dict[str, int]
    holdings: dict[str, int]
    groups: dict[str, int]


def score_all(compiled: Compiled, facts: Mapping[str, Answer]) -> Scores:
    brokers: dict[str, int] = {}
    known: dict[str, int] = {}
    whole: dict[str, int] = {}
    for broker in compiled.researched:
        best = UNLIKELY
        for holding in broker.holdings:
            rank, uncapped = holding_ranks(holding, facts, known)
            if rank > known.get(holding.key, -1):
                known[holding.key] = rank
            if uncapped > whole.get(holding.key, -1):
                whole[holding.key] = uncapped
            if rank > best:
                best = rank
        brokers[broker.id] = best
    for broker_id, rule in compiled.registry:
        # Most filings point at no category: their rank never depends on the answers.
        brokers[broker_id] = registry_rank(rule, facts) if rule else UNKNOWN_RANK
    groups = {
        g: max((whole.get(k, UNLIKELY) for k in members), default=UNLIKELY)
        for g, members in compiled.groups
    }
    return Scores(brokers, known, groups)


def score(compiled: Compiled, facts: Mapping[str, Answer]) -> dict[str, int]:
    """broker id → likelihood rank, for every active broker."""
    return score_all(compiled, facts).brokers


def likelihoods(catalog: Catalog, facts: Mapping[str, Answer]) -> dict[str, Likelihood]:
    """broker id → likelihood for every active broker; no reasons (for bulk scoring)."""
    return {k: BY_RANK[v] for k, v in score(compile_catalog(catalog), facts).items()}

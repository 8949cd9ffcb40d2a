"""The catalog's triggers flattened into plain tuples, for scoring many profiles fast.

Walking pydantic models for every holding of every broker is clear but slow when a workshop
scores thousands of answer sets. This compiles the same rule (see likelihood.py) once per
catalog into tuples of strings and integers; scoring a profile is then a few thousand dictionary
lookups. :func:`exposure.engine.audit.audit` uses it to decide which brokers need reasons, and a
test checks that it agrees with the model-walking rule on every broker.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Likelihood
from exposure.profile.model import UNKNOWN, Answer

LIKELY = Likelihood.LIKELY.rank
POSSIBLE = Likelihood.POSSIBLE.rank
UNLIKELY = Likelihood.UNLIKELY.rank
BY_RANK = {lk.rank: lk for lk in Likelihood}

Rule = tuple[str, frozenset[str], int]  # fact, values that match, rank it gives


@dataclass(frozen=True, slots=True)
class CompiledHolding:
    category: str
    baseline: int
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class CompiledBroker:
    id: str
    holdings: tuple[CompiledHolding, ...]


# Keyed by id(): a Catalog compares by value and so cannot be hashed; the finalizer drops the
# entry when the catalog is collected, so an id is never reused for a stale entry.
_CACHE: dict[int, tuple[CompiledBroker, ...]] = {}


def compile_catalog(catalog: Catalog) -> tuple[CompiledBroker, ...]:
    """Active, researched brokers only; remembered for as long as the catalog lives."""
    found = _CACHE.get(id(catalog))
    if found is not None:
        return found
    compiled = []
    for broker_id in catalog.researched:
        broker = catalog.by_id[broker_id]
        if broker.status.value != "active":
            continue
        holdings = tuple(
            CompiledHolding(
                h.category,
                Likelihood(h.baseline).rank,
                tuple((t.fact, frozenset(t.values), Likelihood(t.gives).rank) for t in h.triggers),
            )
            for h in broker.holdings
        )
        compiled.append(CompiledBroker(broker.id, holdings))
    result = tuple(compiled)
    _CACHE[id(catalog)] = result
    weakref.finalize(catalog, _CACHE.pop, id(catalog), None)
    return result


def holding_rank(holding: CompiledHolding, facts: Mapping[str, Answer]) -> int:
    best = holding.baseline
    for fact, values, gives in holding.rules:
        answer = facts.get(fact, UNKNOWN)
        if answer == UNKNOWN:
            rank = POSSIBLE
        elif isinstance(answer, str):
            rank = gives if answer in values else UNLIKELY
        else:
            rank = gives if not values.isdisjoint(answer) else UNLIKELY
        if rank > best:
            best = rank
            if best == LIKELY:
                break
    return best


def score(compiled: tuple[CompiledBroker, ...], facts: Mapping[str, Answer]) -> dict[str, int]:
    """broker id → likelihood rank, for every researched broker."""
    out = {}
    for broker in compiled:
        best = UNLIKELY
        for holding in broker.holdings:
            rank = holding_rank(holding, facts)
            if rank > best:
                best = rank
                if best == LIKELY:
                    break
        out[broker.id] = best
    return out


def likelihoods(catalog: Catalog, facts: Mapping[str, Answer]) -> dict[str, Likelihood]:
    """broker id → likelihood for every researched broker; no reasons (for bulk scoring)."""
    return {k: BY_RANK[v] for k, v in score(compile_catalog(catalog), facts).items()}

"""Putting it together: per-broker likelihoods and reasons, per-category levels, the headline
and the action plan.

Only brokers whose holdings have been researched can be estimated; registry-imported records
without holdings are counted in ``not_assessed`` rather than listed as "unknown" one by one.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Law
from broker_catalog.schema import Broker, Likelihood
from exposure.engine.compiled import BY_RANK, POSSIBLE, compile_catalog, holding_rank
from exposure.engine.likelihood import evaluate_holding
from exposure.engine.plan import action_kind, build_plan
from exposure.engine.reasons import holding_reasons, tie_reasons
from exposure.engine.result import Audit, BrokerResult, CatalogRef, CategoryResult, Counts
from exposure.profile.model import UNKNOWN, Profile


def _explained(
    broker: Broker, rank: int, profile: Profile, catalog: Catalog, law: Law | None
) -> BrokerResult:
    """The full result, with reasons, for a broker that likely or possibly holds records."""
    results = [evaluate_holding(h, profile) for h in broker.holdings]
    reasons = [reason for n, r in enumerate(results) for reason in holding_reasons(broker, n, r)]
    reasons += tie_reasons(broker)
    likelihood = BY_RANK[rank]
    return BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=likelihood,
        categories=tuple(
            dict.fromkeys(r.holding.category for r in results if r.likelihood.rank >= POSSIBLE)
        ),
        quality=broker.quality.value,
        reasons=tuple(reasons),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
        action=action_kind(broker, law) if likelihood is Likelihood.LIKELY else None,
    )


def _plain(broker: Broker, rank: int) -> BrokerResult:
    return BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=BY_RANK[rank],
        categories=(),
        quality=broker.quality.value,
        reasons=(),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
    )


def audit(profile: Profile, catalog: Catalog) -> Audit:
    """The explained estimate for one profile. Reads ``profile.facts`` only, never identity."""
    facts = profile.facts
    home = profile.home_state()
    law = catalog.privacy_law_for(home) if home else None
    per_category: dict[str, dict[str, int]] = {c.id: {} for c in catalog.categories}
    broker_results: list[BrokerResult] = []
    planned: list[tuple[Broker, Likelihood]] = []
    for compiled in compile_catalog(catalog):
        best = 0
        for holding in compiled.holdings:
            rank = holding_rank(holding, facts)
            seen = per_category.setdefault(holding.category, {})
            seen[compiled.id] = max(rank, seen.get(compiled.id, 0))
            best = max(best, rank)
        broker = catalog.by_id[compiled.id]
        if best >= POSSIBLE:
            broker_results.append(_explained(broker, best, profile, catalog, law))
        else:
            broker_results.append(_plain(broker, best))
        planned.append((broker, BY_RANK[best]))
    categories = []
    for category in catalog.categories:
        ranks = per_category.get(category.id, {})
        shown = sorted((b for b, r in ranks.items() if r >= POSSIBLE), key=lambda b: (-ranks[b], b))
        level = BY_RANK[max(ranks.values())] if ranks else Likelihood.UNKNOWN
        categories.append(
            CategoryResult(id=category.id, name=category.name, level=level, brokers=tuple(shown))
        )
    broker_results.sort(key=lambda b: (-b.likelihood.rank, b.name.casefold(), b.id))
    plan = build_plan(planned, home, law)
    answered = sum(1 for f in catalog.facts if profile.answer(f.id) != UNKNOWN)
    held = [c for c in categories if c.level is not Likelihood.UNKNOWN]
    counts = Counts(
        likely=sum(1 for b in broker_results if b.likelihood is Likelihood.LIKELY),
        possible=sum(1 for b in broker_results if b.likelihood is Likelihood.POSSIBLE),
        categories_likely=sum(1 for c in held if c.level is Likelihood.LIKELY),
        categories_held=len(held),
        answered=answered,
        questions=len(catalog.facts),
        estimated=len(broker_results),
        not_assessed=len(catalog) - len(broker_results),
    )
    return Audit(
        counts=counts,
        catalog=CatalogRef(version=catalog.info.version, released=catalog.info.released),
        categories=tuple(categories),
        brokers=tuple(broker_results),
        plan=tuple(plan),
    )

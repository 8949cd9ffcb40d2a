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
from exposure.engine.result import Audit, BrokerResult, CatalogRef, CategoryResult
from exposure.profile.model import UNKNOWN, Profile

CANNOT_KNOW = (
    "Whether a broker really holds your records: this is an estimate from facts about your "
    "life and from what is published about each broker, not a search of their databases.",
    "Brokers that are not in the catalog, registered brokers whose holdings have not been "
    "researched yet, and what brokers bought or deleted since their records were verified.",
    "What a government agency has already copied: opting out stops future sales, not past ones.",
)


def _explained(
    broker: Broker, rank: int, profile: Profile, catalog: Catalog, law: Law | None
) -> BrokerResult:
    """The full result, with reasons, for a broker that likely or possibly holds records."""
    results = [evaluate_holding(h, profile) for h in broker.holdings]
    reasons = [reason for r in results for reason in holding_reasons(broker, r, catalog)]
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


def _headline(brokers: list[BrokerResult], categories: list[CategoryResult]) -> str:
    likely = sum(1 for b in brokers if b.likelihood is Likelihood.LIKELY)
    possible = sum(1 for b in brokers if b.likelihood is Likelihood.POSSIBLE)
    held = [c for c in categories if c.level is not Likelihood.UNKNOWN]
    hit = sum(1 for c in held if c.level is Likelihood.LIKELY)
    text = (
        f"Likely in {likely} broker database{'s' if likely != 1 else ''} "
        f"across {hit} of {len(held)} categories"
    )
    return text + (f", and possibly in {possible} more." if possible else ".")


def audit(profile: Profile, catalog: Catalog) -> Audit:
    """The explained estimate for one profile. Reads ``profile.facts`` only, never identity."""
    facts = profile.facts
    state = profile.answer("state")
    home = state if isinstance(state, str) and state != UNKNOWN else None
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
    researched = len(broker_results)
    based_on = (
        f"An estimate from {answered} of {len(catalog.facts)} answers about your life and the "
        f"catalog {catalog.info.version} (released {catalog.info.released}): {researched} "
        f"researched brokers are estimated; {len(catalog) - researched} more registered brokers "
        "are listed in the catalog but not yet researched, so they are not estimated."
    )
    return Audit(
        headline=_headline(broker_results, categories),
        based_on=based_on,
        cannot_know=CANNOT_KNOW,
        catalog=CatalogRef(version=catalog.info.version, released=catalog.info.released),
        not_assessed=len(catalog) - researched,
        categories=tuple(categories),
        brokers=tuple(broker_results),
        plan=tuple(plan),
    )

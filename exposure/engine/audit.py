"""Putting it together: per-broker likelihoods and reasons, per-category levels, the headline
and the action plan."""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, Likelihood, Status
from exposure.engine.likelihood import HoldingResult, combine, evaluate_holding
from exposure.engine.plan import action_kind, build_plan
from exposure.engine.reasons import holding_reasons, tie_reasons
from exposure.engine.result import (
    Audit,
    BrokerResult,
    CatalogRef,
    CategoryResult,
)
from exposure.profile.model import UNKNOWN, Profile

CANNOT_KNOW = (
    "Whether a broker really holds your records: this is an estimate from facts about your "
    "life and from what is published about each broker, not a search of their databases.",
    "Brokers that are not in the catalog, and what brokers bought or deleted since their "
    "records were last verified.",
    "What a government agency has already copied: opting out stops future sales, not past ones.",
)


def _broker_result(broker: Broker, results: list[HoldingResult], catalog: Catalog) -> BrokerResult:
    likelihood = combine([r.likelihood for r in results])
    reasons = [reason for r in results for reason in holding_reasons(broker, r, catalog)]
    if likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE):
        reasons += tie_reasons(broker)
    categories = tuple(
        dict.fromkeys(
            r.holding.category
            for r in results
            if r.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE)
        )
    )
    return BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=likelihood,
        categories=categories,
        quality=broker.quality.value,
        reasons=tuple(reasons),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
        action=action_kind(broker) if likelihood is Likelihood.LIKELY else None,
    )


def _headline(brokers: list[BrokerResult], categories: list[CategoryResult]) -> str:
    likely = sum(1 for b in brokers if b.likelihood is Likelihood.LIKELY)
    possible = sum(1 for b in brokers if b.likelihood is Likelihood.POSSIBLE)
    held = [c for c in categories if c.brokers]
    hit = sum(1 for c in held if c.level is Likelihood.LIKELY)
    text = (
        f"Likely in {likely} broker database{'s' if likely != 1 else ''} "
        f"across {hit} of {len(held)} categories"
    )
    return text + (f", and possibly in {possible} more." if possible else ".")


def audit(profile: Profile, catalog: Catalog) -> Audit:
    """The explained estimate for one profile. Reads ``profile.facts`` only, never identity."""
    per_category: dict[str, list[tuple[Likelihood, str, str]]] = {
        c.id: [] for c in catalog.categories
    }
    broker_results: list[BrokerResult] = []
    planned: list[tuple[Broker, Likelihood]] = []
    for broker in catalog.brokers:
        if broker.status is not Status.ACTIVE:
            continue
        results = [evaluate_holding(h, profile) for h in broker.holdings]
        result = _broker_result(broker, results, catalog)
        broker_results.append(result)
        planned.append((broker, result.likelihood))
        for r in results:
            per_category.setdefault(r.holding.category, []).append(
                (r.likelihood, broker.name, broker.id)
            )
    categories = []
    for category in catalog.categories:
        entries = per_category.get(category.id, [])
        best: dict[str, Likelihood] = {}
        for likelihood, _name, broker_id in entries:
            if broker_id not in best or likelihood.rank > best[broker_id].rank:
                best[broker_id] = likelihood
        shown = sorted(
            (b for b, lk in best.items() if lk in (Likelihood.LIKELY, Likelihood.POSSIBLE)),
            key=lambda b: (-best[b].rank, b),
        )
        level = combine(list(best.values())) if best else Likelihood.UNKNOWN
        categories.append(
            CategoryResult(id=category.id, name=category.name, level=level, brokers=tuple(shown))
        )
    broker_results.sort(key=lambda b: (-b.likelihood.rank, b.name.casefold(), b.id))
    state = profile.answer("state")
    plan = build_plan(planned, state if isinstance(state, str) and state != UNKNOWN else None)
    answered = sum(1 for f in catalog.facts if profile.answer(f.id) != UNKNOWN)
    verified = sum(1 for b in catalog.brokers if b.quality.rank >= 2)
    based_on = (
        f"An estimate from {answered} of {len(catalog.facts)} answers about your life and the "
        f"catalog {catalog.info.version} (released {catalog.info.released}): {len(catalog)} "
        f"brokers, {verified} of them researched and verified."
    )
    return Audit(
        headline=_headline(broker_results, categories),
        based_on=based_on,
        cannot_know=CANNOT_KNOW,
        catalog=CatalogRef(version=catalog.info.version, released=catalog.info.released),
        categories=tuple(categories),
        brokers=tuple(broker_results),
        plan=tuple(plan),
    )

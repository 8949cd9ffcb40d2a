"""Putting it together: per-broker likelihoods and reasons, per-category levels, "one of these"
groups, government data sources, the counts the headline is rendered from, and the plan.

Every active broker is estimated: a researched record from its holdings (likelihood.py), a
registry-imported one from its filing (registry.py, at most ``possible``). ``evidence`` on each
result and the counts say which.
"""

from __future__ import annotations

import datetime as dt
import heapq
from typing import Any, TypeVar, cast

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Law
from broker_catalog.schema import AlternativeGroup, Broker, Likelihood
from exposure.engine.compiled import (
    BY_RANK,
    LIKELY,
    POSSIBLE,
    UNKNOWN_RANK,
    Compiled,
    Scores,
    compile_catalog,
    score_all,
)
from exposure.engine.government import government_results
from exposure.engine.likelihood import HoldingResult, evaluate_holding
from exposure.engine.links import holding_key, links_for
from exposure.engine.plan import Planned, action_kinds, build_plan, questions_action
from exposure.engine.questions import next_questions
from exposure.engine.reasons import group_sources, holding_reasons, registry_reasons, tie_reasons
from exposure.engine.registry import registry_rule, signal_rank
from exposure.engine.result import (
    Audit,
    BrokerResult,
    CatalogRef,
    CategoryResult,
    Counts,
    Evidence,
    GroupResult,
    Reason,
)
from exposure.profile.model import UNKNOWN, Answer, Profile

T = TypeVar("T")


def _holdings_explained(
    broker: Broker, profile: Profile, catalog: Catalog, scores: Scores
) -> list[tuple[HoldingResult, tuple[Reason, ...]]]:
    """Each holding's result and, when it is at least possible, its reasons.

    A holding's result depends only on the answers to its own triggers' facts and the ranks of
    the holdings its flows come from, far fewer combinations than a whole broker's: each is
    worked out once (in the same bounded memory as whole brokers' results)."""
    links = links_for(catalog)
    compiled = compile_catalog(catalog)
    memo = compiled.researched_memo
    out = []
    for h, holding in enumerate(broker.holdings):
        trigger_links = tuple(links.of(broker.id, h, t) for t in range(len(holding.triggers)))
        sources = {
            n: scores.holdings.get(
                holding_key(catalog.flows[n].source.broker, catalog.flows[n].source.category),
                LIKELY,
            )
            for link in trigger_links
            for n in link.flows
        }
        key = (
            "holding",
            broker.id,
            h,
            tuple(_frozen(profile.facts.get(t.fact, UNKNOWN)) for t in holding.triggers),
            tuple(sorted(sources.items())),
        )
        found = memo.get(key)
        if found is None:
            result = evaluate_holding(holding, profile, trigger_links, sources)
            held = (
                tuple(holding_reasons(broker, h, result, catalog))
                if result.likelihood.rank >= POSSIBLE
                else ()
            )
            found = _remember(memo, key, (result, held))
        out.append(cast("tuple[HoldingResult, tuple[Reason, ...]]", found))
    return out


def _researched(
    broker: Broker,
    rank: int,
    profile: Profile,
    catalog: Catalog,
    law: Law | None,
    scores: Scores,
) -> tuple[BrokerResult, tuple[Planned, ...]]:
    """The full result, with reasons, for a researched broker that likely or possibly holds
    records; and what the plan needs (its likely holdings).

    The result depends only on the answers to this broker's own questions, the ranks of the
    holdings its data flows come from, its rank and the law: a workshop's participants share
    most of these, so each combination is worked out once (a bounded memory of them)."""
    compiled = compile_catalog(catalog)
    facts, sources = _inputs(broker, catalog, compiled)
    key = (
        broker.id,
        rank,
        law.id if law is not None else None,
        tuple(_frozen(profile.facts.get(f, UNKNOWN)) for f in facts),
        tuple(scores.holdings.get(k, LIKELY) for k in sources),
    )
    found = compiled.researched_memo.get(key)
    if found is not None:
        return cast("tuple[BrokerResult, tuple[Planned, ...]]", found)
    return _remember(
        compiled.researched_memo, key, _explained(broker, rank, profile, catalog, law, scores)
    )


def _remember(memo: dict[tuple[object, ...], Any], key: tuple[object, ...], value: T) -> T:
    """Keep ``value`` under ``key``; a rare full reset keeps the memory bounded."""
    if len(memo) >= RESEARCHED_MEMO:
        memo.clear()
    memo[key] = value
    return value


# How many (broker, answers) combinations an audit remembers; a few MB at most.
RESEARCHED_MEMO = 20_000


def _frozen(answer: Answer) -> str | tuple[str, ...]:
    return tuple(answer) if isinstance(answer, list) else answer


def _inputs(
    broker: Broker, catalog: Catalog, compiled: Compiled
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The facts a broker's triggers ask about, and the holdings its data flows come from."""
    key = ("inputs", broker.id)
    found = compiled.memo.get(key)
    if isinstance(found, tuple):
        return found
    links = links_for(catalog)
    facts = tuple(dict.fromkeys(t.fact for h in broker.holdings for t in h.triggers))
    sources = tuple(
        dict.fromkeys(
            holding_key(catalog.flows[n].source.broker, catalog.flows[n].source.category)
            for h, holding in enumerate(broker.holdings)
            for t in range(len(holding.triggers))
            for n in links.of(broker.id, h, t).flows
        )
    )
    compiled.memo[key] = (facts, sources)
    return facts, sources


def _explained(
    broker: Broker,
    rank: int,
    profile: Profile,
    catalog: Catalog,
    law: Law | None,
    scores: Scores,
) -> tuple[BrokerResult, tuple[Planned, ...]]:
    explained = _holdings_explained(broker, profile, catalog, scores)
    results = [result for result, _reasons in explained]
    reasons = [reason for _result, held in explained for reason in held]
    reasons += _ties(broker, compile_catalog(catalog))
    likelihood = BY_RANK[rank]
    likely = tuple(r.holding for r in results if r.likelihood is Likelihood.LIKELY)
    kinds = action_kinds(broker, likely, law) if likelihood is Likelihood.LIKELY else []
    groups = tuple(
        dict.fromkeys(link.group for r in results for _, link in r.limited if link.group)
    )
    result = BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=likelihood,
        categories=tuple(
            dict.fromkeys(r.holding.category for r in results if r.likelihood.rank >= POSSIBLE)
        ),
        quality=broker.quality.value,
        reasons=tuple(reasons),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
        action=kinds[0][0] if kinds else None,
        evidence="researched",
        groups=groups,
    )
    return result, (Planned(broker, likelihood, likely),)


def _ties(broker: Broker, compiled: Compiled) -> list[Reason]:
    key = ("ties", broker.id)
    found = compiled.memo.get(key)
    if not isinstance(found, list):
        found = compiled.memo[key] = tie_reasons(broker)
    return list(found)


def _plain(broker: Broker, rank: int, compiled: Compiled) -> BrokerResult:
    """A broker rated below possible: no reasons, so the result depends on the catalog alone
    and is built once per (broker, rank)."""
    key = ("plain", broker.id, str(rank))
    found = compiled.memo.get(key)
    if isinstance(found, BrokerResult):
        return found
    result = compiled.memo[key] = BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=BY_RANK[rank],
        categories=(),
        quality=broker.quality.value,
        reasons=(),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
        evidence=_evidence(broker),
    )
    return result


def _filed(
    broker: Broker, rank: int, profile: Profile, catalog: Catalog, compiled: Compiled
) -> BrokerResult:
    """A registry-only broker that possibly holds records: the filing is the reason. The
    result depends only on which of its signals hold, so it is built once per combination."""
    signals = registry_rule(broker, catalog.categories)
    ranks = [signal_rank(s, profile.facts) for s in signals]
    key = ("filed", broker.id, str(rank), *map(str, ranks))
    found = compiled.memo.get(key)
    if isinstance(found, BrokerResult):
        return found
    result = compiled.memo[key] = BrokerResult(
        id=broker.id,
        name=broker.name,
        likelihood=BY_RANK[rank],
        categories=tuple(s.category for s, r in zip(signals, ranks, strict=True) if r >= POSSIBLE),
        quality=broker.quality.value,
        reasons=tuple(registry_reasons(broker, signals, ranks)),
        immigration_ties=any(t.immigration_enforcement for t in broker.government_ties),
        evidence="registry_filing",
    )
    return result


def _groups(
    catalog: Catalog, scores: Scores
) -> tuple[list[GroupResult], list[tuple[AlternativeGroup, list[Broker]]]]:
    results, likely = [], []
    for group in catalog.groups:
        rank = scores.groups.get(group.id, 0)
        if rank < POSSIBLE:
            continue
        members = tuple(dict.fromkeys(m.broker for m in group.members))
        results.append(
            GroupResult(
                id=group.id,
                likelihood=BY_RANK[rank],
                members=members,
                facts=group.facts,
                sources=group_sources(group),
            )
        )
        if rank >= LIKELY:
            likely.append((group, [catalog.by_id[m] for m in members]))
    return results, likely


_RANKS = {lk: lk.rank for lk in Likelihood}


def _positions(catalog: Catalog, compiled: Compiled) -> dict[str, int]:
    """Each broker's place in name order (then id), computed once per catalog."""
    found = compiled.memo.get(("positions",))
    if not isinstance(found, dict):
        ordered = sorted(catalog.ids, key=lambda b: (catalog.by_id[b].name.casefold(), b))
        found = compiled.memo[("positions",)] = {b: n for n, b in enumerate(ordered)}
    return found


def _evidence(broker: Broker) -> Evidence:
    if broker.holdings:
        return "researched"
    return "registry_filing" if broker.legal.registries else "none"


def _static(catalog: Catalog, compiled: Compiled) -> tuple[tuple[BrokerResult, ...], int]:
    """The registry-only brokers whose filing points at no category: rated ``unknown`` for
    everyone, whatever the answers (as score_all rates them). Most of the catalog, so their
    results are built once, in name order, and merged into each audit's list."""
    found = compiled.memo.get(("static",))
    if isinstance(found, tuple):
        return found
    ordered = sorted(
        (broker_id for broker_id, rule in compiled.registry if not rule),
        key=_positions(catalog, compiled).__getitem__,
    )
    results = tuple(_plain(catalog.by_id[b], UNKNOWN_RANK, compiled) for b in ordered)
    filed = sum(1 for r in results if r.evidence == "registry_filing")
    compiled.memo[("static",)] = (results, filed)
    return results, filed


def _with_static(
    ranked: list[BrokerResult], static: tuple[BrokerResult, ...], position: dict[str, int]
) -> list[BrokerResult]:
    """``ranked`` (sorted by likelihood, then name) with the static results (all ``unknown``,
    in name order) merged into its ``unknown`` stretch: the order sorting them all gives."""
    unknown = Likelihood.UNKNOWN
    start = next((n for n, b in enumerate(ranked) if _RANKS[b.likelihood] <= 1), len(ranked))
    end = next(
        (n for n in range(start, len(ranked)) if ranked[n].likelihood is not unknown), len(ranked)
    )
    middle = list(heapq.merge(ranked[start:end], static, key=lambda b: position[b.id]))
    return [*ranked[:start], *middle, *ranked[end:]]


def audit(profile: Profile, catalog: Catalog, *, today: dt.date) -> Audit:
    """The explained estimate for one profile. Reads ``profile.facts`` only, never identity.

    ``today`` is the evaluation date: a law applies only from its ``effective`` day. It is
    passed in (the CLI and TUI give the real date) so the estimate stays a pure function."""
    facts = profile.facts
    home = profile.home_state()
    law = catalog.privacy_law_for(home, today) if home else None
    pending = catalog.pending_law_for(home, today) if home else None
    route = catalog.route_law_for(home, today) if home else None
    compiled: Compiled = compile_catalog(catalog)
    scores = score_all(compiled, facts)
    per_category: dict[str, dict[str, int]] = {c.id: {} for c in catalog.categories}
    broker_results: list[BrokerResult] = []
    planned: list[Planned] = []
    for compiled_broker in compiled.researched:
        for holding in compiled_broker.holdings:
            rank = scores.holdings.get(holding.key, 0)
            seen = per_category.setdefault(holding.category, {})
            seen[compiled_broker.id] = max(rank, seen.get(compiled_broker.id, 0))
        best = scores.brokers[compiled_broker.id]
        broker = catalog.by_id[compiled_broker.id]
        if best >= POSSIBLE:
            result, plan_items = _researched(broker, best, profile, catalog, law, scores)
            broker_results.append(result)
            planned += plan_items
        else:
            broker_results.append(_plain(broker, best, compiled))
    for broker_id, rule in compiled.registry:
        if not rule:
            continue  # rated the same for everyone: see _static
        broker = catalog.by_id[broker_id]
        best = scores.brokers[broker_id]
        if best >= POSSIBLE:
            result = _filed(broker, best, profile, catalog, compiled)
            for filed_category in result.categories:
                seen = per_category.setdefault(filed_category, {})
                seen[broker_id] = max(best, seen.get(broker_id, 0))
            broker_results.append(result)
        else:
            broker_results.append(_plain(broker, best, compiled))
    categories = []
    for category in catalog.categories:
        ranks = per_category.get(category.id, {})
        shown = sorted((b for b, r in ranks.items() if r >= POSSIBLE), key=lambda b: (-ranks[b], b))
        level = BY_RANK[max(ranks.values())] if ranks else Likelihood.UNKNOWN
        likely = sum(1 for b in shown if ranks[b] >= LIKELY)
        categories.append(
            CategoryResult(
                id=category.id,
                name=category.name,
                level=level,
                brokers=tuple(shown),
                likely=likely,
                possible=len(shown) - likely,
            )
        )
    position = _positions(catalog, compiled)
    broker_results.sort(key=lambda b: (-_RANKS[b.likelihood], position[b.id]))
    dynamic = broker_results
    static, static_filed = _static(catalog, compiled)
    broker_results = _with_static(dynamic, static, position)
    group_results, likely_groups = _groups(catalog, scores)
    reach = [
        (catalog.by_id[b.id], b.likelihood)
        for b in dynamic
        if b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE)
    ]
    plan = build_plan(planned, home, law, route, likely_groups, reach, pending)
    if not likely_groups and not any(p.likelihood is Likelihood.LIKELY for p in planned):
        asked = next_questions(compiled, catalog, facts)
        plan = [questions_action(asked), *plan] if asked else plan
    government = government_results(catalog, profile, home)
    answered = sum(1 for f in catalog.facts if profile.answer(f.id) != UNKNOWN)
    held = [c for c in categories if c.level is not Likelihood.UNKNOWN]
    researched = sum(1 for b in dynamic if b.evidence == "researched")
    filed = static_filed + sum(1 for b in dynamic if b.evidence == "registry_filing")
    counts = Counts(
        likely=sum(1 for b in dynamic if b.likelihood is Likelihood.LIKELY),
        possible=sum(1 for b in dynamic if b.likelihood is Likelihood.POSSIBLE),
        categories_likely=sum(1 for c in held if c.level is Likelihood.LIKELY),
        categories_held=len(held),
        answered=answered,
        questions=len(catalog.facts),
        estimated=researched + filed,
        not_assessed=len(catalog) - researched - filed,
        researched=researched,
        registry_filing=filed,
        groups_likely=sum(1 for g in group_results if g.likelihood is Likelihood.LIKELY),
        government=len(government),
    )
    return Audit(
        counts=counts,
        catalog=CatalogRef(version=catalog.info.version, released=catalog.info.released),
        categories=tuple(categories),
        brokers=tuple(broker_results),
        plan=tuple(plan),
        groups=tuple(group_results),
        government=government,
    )

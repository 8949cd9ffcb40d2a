"""The rules that make the plan follow the catalog's own facts, checked on generated profiles:
law per holding, data flows, "one of these" groups, and sources behind every "likely"."""

from __future__ import annotations

import datetime as dt

from hypothesis import given

from broker_catalog.schema import Holding, Likelihood
from exposure.engine import audit
from exposure.engine.compiled import compile_catalog, score_all
from exposure.engine.likelihood import evaluate_holding
from exposure.engine.links import has_ended, holding_key, links_for
from exposure.profile.model import Profile
from tests.exposure.engine.test_properties import CATALOG, SETTINGS, profiles

TODAY = dt.date(2026, 12, 6)

LINKS = links_for(CATALOG)


def _only(holding: Holding, facts: tuple[str, ...]) -> tuple[Holding, tuple[int, ...]]:
    """The holding reduced to its triggers on ``facts``, and their original positions."""
    kept = tuple(n for n, t in enumerate(holding.triggers) if t.fact in facts)
    triggers = tuple(holding.triggers[n] for n in kept)
    return holding.model_copy(update={"triggers": triggers}), kept


@SETTINGS
@given(profiles)
def test_no_flow_target_is_rated_above_its_source_through_the_flow(profile: Profile) -> None:
    """What a flow explains never lifts the target above the source; its own triggers may."""
    ranks = score_all(compile_catalog(CATALOG), profile.facts).holdings
    for n, flow in enumerate(CATALOG.flows):
        target = CATALOG.by_id[flow.target.broker]
        source_rank = ranks.get(holding_key(flow.source.broker, flow.source.category), 0)
        for h, holding in enumerate(target.holdings):
            if holding.category != flow.target.category:
                continue
            reduced, kept = _only(holding, flow.facts)
            links = tuple(LINKS.of(target.id, h, t) for t in kept)
            result = evaluate_holding(reduced, profile, links, {n: source_rank})
            floor = Likelihood(holding.baseline).rank
            if has_ended(flow, CATALOG.info.released):
                assert result.likelihood.rank <= floor, (target.id, n)
            else:
                assert result.likelihood.rank <= max(source_rank, floor), (target.id, n)


@SETTINGS
@given(profiles)
def test_fcra_actions_only_for_fcra_holdings(profile: Profile) -> None:
    for action in audit(profile, CATALOG, today=TODAY).plan:
        if action.lead is None:
            continue
        holdings = CATALOG.by_id[action.lead].holdings
        laws = {h.category: [] for h in holdings}  # type: dict[str, list[str]]
        for h in holdings:
            laws[h.category].append(h.law.fcra)
        if action.kind == "fcra_disclosure_and_freeze":
            assert action.categories, action.lead
            assert all("yes" in laws[c] for c in action.categories), action.lead
        else:
            assert all(set(laws[c]) != {"yes"} for c in action.categories), action.lead


@SETTINGS
@given(profiles)
def test_an_alternative_group_never_yields_more_than_one_likely_member(profile: Profile) -> None:
    """Through the group's facts each member is at most possible; the group carries the
    likelihood, and is rated at least as high as any member would be on its own."""
    scores = score_all(compile_catalog(CATALOG), profile.facts)
    for group in CATALOG.groups:
        likely = 0
        for member in group.members:
            broker = CATALOG.by_id[member.broker]
            for h, holding in enumerate(broker.holdings):
                if holding.category != member.category:
                    continue
                reduced, kept = _only(holding, group.facts)
                links = tuple(LINKS.of(broker.id, h, t) for t in kept)
                result = evaluate_holding(reduced, profile, links)
                likely += result.likelihood is Likelihood.LIKELY
                assert scores.groups[group.id] >= result.whole.rank
        assert likely <= 1, group.id


@SETTINGS
@given(profiles)
def test_every_likely_result_has_a_reason_with_a_source(profile: Profile) -> None:
    result = audit(profile, CATALOG, today=TODAY)
    for broker in result.brokers:
        if broker.likelihood is Likelihood.LIKELY:
            assert any(r.sources for r in broker.reasons), broker.id
        if broker.evidence == "registry_filing":
            assert broker.likelihood.rank <= Likelihood.POSSIBLE.rank, broker.id
            if broker.likelihood is Likelihood.POSSIBLE:
                assert any(r.code == "registry_filing" and r.sources for r in broker.reasons)
    for group in result.groups:
        assert group.sources, group.id
    for source in result.government:
        assert source.sources, source.id
        assert all(r.sources for r in source.reasons), source.id

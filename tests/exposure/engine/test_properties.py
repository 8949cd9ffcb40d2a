"""Properties of the engine over the shipped catalog, checked with generated profiles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_catalog import Catalog, load_catalog
from broker_catalog.schema import AnswerKind, Likelihood
from exposure.engine import audit
from exposure.profile.model import UNKNOWN, Profile

TODAY = dt.date(2026, 12, 6)

CATALOG: Catalog = load_catalog(use_cache=False)
STATES = sorted(CATALOG.fact_by_id["state"].allowed_values())


def answers_for(kind: AnswerKind, values: list[str]) -> st.SearchStrategy[Any]:
    if kind is AnswerKind.YES_NO:
        return st.sampled_from(["yes", "no", UNKNOWN])
    if kind is AnswerKind.CHOICE:
        return st.sampled_from([*values, UNKNOWN])
    if kind is AnswerKind.STATE:
        return st.sampled_from([*STATES, UNKNOWN])
    pool = STATES if kind is AnswerKind.STATES else values
    return st.one_of(st.just(UNKNOWN), st.lists(st.sampled_from(pool), unique=True, max_size=4))


profiles = st.fixed_dictionaries(
    {f.id: answers_for(f.kind, [c.value for c in f.choices]) for f in CATALOG.facts}
).map(lambda facts: Profile(facts=facts))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def likelihoods(profile: Profile) -> dict[str, Likelihood]:
    return {b.id: b.likelihood for b in audit(profile, CATALOG, today=TODAY).brokers}


def _add_one_fact(profile: Profile, data: st.DataObject) -> Profile:
    """One more true thing about a life: a 'yes', or one more choice ticked."""
    facts = dict(profile.facts)
    growable = [
        f for f in CATALOG.facts
        if (f.kind is AnswerKind.YES_NO and facts[f.id] != "yes")
        or (f.kind is AnswerKind.MULTI and facts[f.id] != UNKNOWN)
    ]  # fmt: skip
    if not growable:
        return profile
    fact = data.draw(st.sampled_from(growable))
    if fact.kind is AnswerKind.YES_NO:
        facts[fact.id] = "yes"
    else:
        options = [c.value for c in fact.choices if c.value not in facts[fact.id]]
        if options:
            facts[fact.id] = [*facts[fact.id], data.draw(st.sampled_from(options))]
    return Profile(facts=facts)


@SETTINGS
@given(profiles, st.data())
def test_adding_a_life_fact_never_lowers_any_likelihood(
    profile: Profile, data: st.DataObject
) -> None:
    before = likelihoods(profile)
    after = likelihoods(_add_one_fact(profile, data))
    for broker_id, likelihood in before.items():
        assert after[broker_id].rank >= likelihood.rank, broker_id


@SETTINGS
@given(profiles)
def test_every_likely_broker_has_a_reason_and_a_source(profile: Profile) -> None:
    for broker in audit(profile, CATALOG, today=TODAY).brokers:
        if broker.likelihood is Likelihood.LIKELY:
            assert broker.reasons, broker.id
            assert any(r.sources for r in broker.reasons), broker.id


@SETTINGS
@given(profiles)
def test_the_result_is_deterministic(profile: Profile) -> None:
    assert audit(profile, CATALOG, today=TODAY) == audit(
        Profile(facts=dict(reversed(profile.facts.items()))), CATALOG, today=TODAY
    )


OFF_THE_GRID = {
    f.id: (
        "no"
        if f.kind is AnswerKind.YES_NO
        else []
        if f.kind in (AnswerKind.MULTI, AnswerKind.STATES)
        else UNKNOWN
    )
    for f in CATALOG.facts
} | {
    "state": "VT",
    "phone_plan": "none",
    "drivers_licence": "neither",
    "housing": "with_others",
    "employer_type": "not_working",
}
DRIVEN_BY_ACCOUNTS_LICENCE_ONLINE = (
    "utility-telecom",
    "phone-records",
    "phone-location",
    "dmv-vehicle",
    "license-plates",
    "social-media-monitoring",
    "facial-recognition",
    "employment-income",
)


def test_no_accounts_licence_or_online_presence_means_no_likely_there() -> None:
    result = audit(Profile(facts=OFF_THE_GRID), CATALOG, today=TODAY)
    levels = {c.id: c.level for c in result.categories}
    for category in DRIVEN_BY_ACCOUNTS_LICENCE_ONLINE:
        assert levels[category] is not Likelihood.LIKELY, category


@SETTINGS
@given(profiles)
def test_the_fast_scorer_agrees_with_the_model_rule(profile: Profile) -> None:
    from exposure.engine import likelihoods
    from exposure.engine.walk import walk

    fast = likelihoods(CATALOG, profile.facts)
    active = {b.id for b in CATALOG.brokers if b.status.value == "active"}
    assert set(fast) == active
    assert fast == walk(CATALOG, profile)


@SETTINGS
@given(first=profiles, second=profiles)
def test_a_remembered_broker_result_is_the_one_worked_out_afresh(
    first: Profile, second: Profile
) -> None:
    """An audit reuses a researched broker's explained result from an earlier profile that
    answered that broker's questions alike; the audit is exactly the one worked out with
    nothing remembered."""
    from exposure.engine.compiled import compile_catalog

    memo = compile_catalog(CATALOG).researched_memo
    audit(first, CATALOG, today=TODAY)  # remembers first's broker results
    remembered = audit(second, CATALOG, today=TODAY)
    memo.clear()
    assert remembered == audit(second, CATALOG, today=TODAY)
    assert memo  # the memory was used (and refilled)


def test_a_route_state_resident_is_estimated_as_one_elsewhere_plus_the_route() -> None:
    """The route law's action (California's DROP) names every covered likely broker once and
    the likely brokers it does not cover; comparing brokers by id gives the same plan."""
    facts = {f.id: UNKNOWN for f in CATALOG.facts}
    result = audit(Profile(facts={**facts, "state": "CA"}), CATALOG, today=TODAY)
    drop = [a for a in result.plan if a.kind == "california_drop"]
    assert len(drop) == 1
    covered = set(drop[0].brokers)
    registered = {b.id for b in CATALOG.brokers if any(r.state == "CA" for r in b.legal.registries)}
    reached = {
        b.id for b in result.brokers if b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE)
    }
    assert covered == reached & registered
    assert len(drop[0].brokers) == len(covered)


@SETTINGS
@given(profile=profiles)
def test_every_active_broker_is_listed_once_most_likely_first_then_by_name(
    profile: Profile,
) -> None:
    """The brokers whose rating no answer can change are merged into each audit's list (not
    rated again): the list still holds every active broker once, ordered by likelihood and
    then by name, and the counts are the list's."""
    result = audit(profile, CATALOG, today=TODAY)
    active = {b.id for b in CATALOG.brokers if b.status.value == "active"}
    ids = [b.id for b in result.brokers]
    assert sorted(ids) == sorted(active)
    by_name = {b.id: (b.name.casefold(), b.id) for b in CATALOG.brokers}
    ranked = sorted(result.brokers, key=lambda b: (-b.likelihood.rank, by_name[b.id]))
    assert [b.id for b in ranked] == ids
    count = result.counts
    assert count.likely == sum(1 for b in result.brokers if b.likelihood is Likelihood.LIKELY)
    assert count.possible == sum(1 for b in result.brokers if b.likelihood is Likelihood.POSSIBLE)
    assert count.researched == sum(1 for b in result.brokers if b.evidence == "researched")
    assert count.registry_filing == sum(
        1 for b in result.brokers if b.evidence == "registry_filing"
    )

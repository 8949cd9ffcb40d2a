"""The plan applies a state's law only from its effective day, judged on the date the caller
passes in; before it, the actions the law would turn into requests say when it starts."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_catalog import load_catalog
from exposure.catalog_language import wording
from exposure.engine import audit
from exposure.engine.result import Audit
from exposure.profile.files import demo_profile
from exposure.profile.model import Profile
from exposure.render.wording import Wording

CATALOG = load_catalog(use_cache=False)
OKLAHOMA_DAY = dt.date(2027, 1, 1)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _in(state: str) -> Profile:
    demo = demo_profile().without_identity()
    return demo.model_copy(update={"facts": {**demo.facts, "state": state}})


def _pending_steps(result: Audit) -> list[str]:
    return [str(s.params["law"]) for a in result.plan for s in a.steps if s.code == "law_pending"]


def _state_law_actions(result: Audit) -> list[str]:
    return [a.law or "" for a in result.plan if a.kind == "state_law_request"]


@SETTINGS
@given(offset=st.integers(min_value=-400, max_value=400))
def test_an_oklahoma_plan_uses_the_law_only_from_its_day(offset: int) -> None:
    today = OKLAHOMA_DAY + dt.timedelta(days=offset)
    result = audit(_in("OK"), CATALOG, today=today)
    if today >= OKLAHOMA_DAY:
        assert _state_law_actions(result)
        assert set(_state_law_actions(result)) == {"ok-odpa"}
        assert not _pending_steps(result)
    else:
        assert not _state_law_actions(result)
        assert _pending_steps(result)
        assert set(_pending_steps(result)) == {"ok-odpa"}


def test_the_day_before_and_the_day_of_differ_only_by_the_law() -> None:
    before = audit(_in("OK"), CATALOG, today=OKLAHOMA_DAY - dt.timedelta(days=1))
    on = audit(_in("OK"), CATALOG, today=OKLAHOMA_DAY)
    assert [(b.id, b.likelihood) for b in before.brokers] == [
        (b.id, b.likelihood) for b in on.brokers
    ]
    assert before.counts == on.counts
    pending = {a.lead for a in before.plan if any(s.code == "law_pending" for s in a.steps)}
    written = {a.lead for a in on.plan if a.kind == "state_law_request"}
    assert pending == written


def test_a_state_with_no_law_signed_gets_no_pending_step() -> None:
    result = audit(_in("WY"), CATALOG, today=dt.date(2026, 12, 6))
    assert not _pending_steps(result)
    assert not _state_law_actions(result)


def test_the_pending_step_names_the_law_and_its_day_in_english_and_spanish() -> None:
    result = audit(_in("OK"), CATALOG, today=dt.date(2026, 12, 6))
    step = next(s for a in result.plan for s in a.steps if s.code == "law_pending")
    english = Wording(CATALOG).step(step)
    assert "Oklahoma Data Privacy Act" in english
    assert "takes effect on 2027-01-01" in english
    spanish = wording(CATALOG, "es").step(step)
    assert "entra en vigor el 2027-01-01" in spanish


def test_a_government_result_lists_only_the_sources_of_what_it_shows() -> None:
    """Another state's rule is not shown, so its sources are not listed either."""
    profile = Profile(facts={"state": "NY", "drivers_licence": "licence"})
    result = audit(profile, CATALOG, today=dt.date(2026, 12, 6))
    dmv = next(g for g in result.government if g.id == "dmv-nlets")
    urls = {s.url for s in dmv.sources}
    assert "https://www.nysenate.gov/legislation/bills/2023/A2325" in urls
    assert "https://leg.colorado.gov/bills/SB21-131" not in urls

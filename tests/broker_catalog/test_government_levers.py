"""A government source's state levers: a state's own rule says what it rests on (statute,
policy, settlement, network block), its citation and the day it took effect, and cites
sources the record holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from broker_catalog import load_catalog
from broker_catalog.government_schema import GovernmentSource, Lever
from exposure.catalog_language import wording
from exposure.engine import audit
from exposure.profile.model import Profile

TODAY = dt.date(2026, 12, 6)
CATALOG = load_catalog(use_cache=False)


def _lever(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "states": ["NY"],
        "text": "A rule that helps.",
        "basis": "statute",
        "citation": "Example Law § 1",
        "effective": "2019-12",
        "sources": ["src"],
        "verified": TODAY,
    }
    return {**record, **changes}


def test_a_statute_lever_validates_with_its_citation_and_date() -> None:
    lever = Lever.model_validate(_lever())
    assert (lever.basis, lever.citation, lever.effective) == (
        "statute",
        "Example Law § 1",
        "2019-12",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"states": []}, "name its 'states'"),
        ({"citation": None}, "needs its 'citation'"),
        ({"effective": None}, "needs 'effective'"),
        ({"basis": None}, "need a 'basis'"),
        ({"effective": "2099-01-01"}, "in the future"),
        ({"basis": "rumour"}, "basis"),
    ],
)
def test_a_state_rule_lever_must_say_what_it_rests_on(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Lever.model_validate(_lever(**changes))


def test_a_policy_lever_needs_no_statute_citation_and_the_date_may_be_unknown() -> None:
    lever = Lever.model_validate(_lever(basis="policy", citation=None, effective="unknown"))
    assert lever.citation is None


def test_a_lever_that_cites_a_missing_source_is_refused() -> None:
    dmv = next(g for g in CATALOG.government if g.id == "dmv-nlets")
    record = dmv.model_dump()
    record["levers"][-1]["sources"] = ["no-such-source"]
    with pytest.raises(ValidationError, match=r"levers\[\d+\] cites unknown source id"):
        GovernmentSource.model_validate(record)


def test_the_dmv_record_cites_each_states_rule() -> None:
    dmv = next(g for g in CATALOG.government if g.id == "dmv-nlets")
    rules = {s: lv for lv in dmv.levers if lv.basis is not None for s in lv.states}
    for state in ("NY", "CA", "CO", "IL", "MA", "MN", "MD", "VA", "NM", "NV", "OR", "DE"):
        assert rules[state].basis == "statute", state
        assert rules[state].citation, state
    assert rules["WA"].basis == "policy"
    assert rules["VT"].basis == "settlement"
    known = {s.id for s in dmv.sources}
    assert all(set(lv.sources) <= known for lv in dmv.levers)


def _driver_in(state: str) -> Profile:
    return Profile(facts={"state": state, "drivers_licence": "licence"})


def test_a_new_yorker_sees_the_green_light_law_with_its_date() -> None:
    result = audit(_driver_in("NY"), CATALOG, today=TODAY)
    dmv = next(g for g in result.government if g.id == "dmv-nlets")
    english = "\n".join(wording(CATALOG).government(dmv))
    assert "N.Y. Vehicle and Traffic Law § 201(12)(a)" in english
    assert "in effect since 2019-12" in english
    spanish = "\n".join(wording(CATALOG, "es").government(dmv))
    assert "vigente desde 2019-12" in spanish
    assert "Colorado SB21-131" not in english


def test_a_rule_with_an_unknown_date_is_shown_without_one() -> None:
    result = audit(_driver_in("IL"), CATALOG, today=TODAY)
    dmv = next(g for g in result.government if g.id == "dmv-nlets")
    lines = wording(CATALOG).government(dmv)
    rule = next(line for line in lines if "625 ILCS 5/6-110.3" in line)
    assert "since" not in rule

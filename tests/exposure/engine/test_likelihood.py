"""The likelihood rule for one holding, case by case (see exposure/engine/likelihood.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog.schema import Holding, Likelihood, Trigger
from exposure.engine.likelihood import combine, evaluate_holding
from exposure.profile.model import Profile

TODAY = dt.date(2026, 1, 1)


def holding(*triggers: Trigger, baseline: str = "unlikely") -> Holding:
    return Holding.model_validate(
        {
            "category": "utility-telecom",
            "what": "Payment histories.",
            "how": "Utilities report them.",
            "triggers": triggers,
            "baseline": baseline,
            "sources": ["src"],
            "verified": TODAY,
        }
    )


ELECTRIC = Trigger(fact="utility_electric")
POSTPAID = Trigger(fact="phone_plan", values=("postpaid",), gives="possible")
SOCIAL = Trigger(fact="social_media_public", values=("facebook", "x"))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"utility_electric": "yes"}, Likelihood.LIKELY),
        ({"utility_electric": "no", "phone_plan": "postpaid"}, Likelihood.POSSIBLE),
        ({"utility_electric": "no", "phone_plan": "prepaid"}, Likelihood.UNLIKELY),
        ({"utility_electric": "unknown", "phone_plan": "prepaid"}, Likelihood.POSSIBLE),
        ({"phone_plan": "prepaid"}, Likelihood.POSSIBLE),  # an unanswered fact is "I don't know"
    ],
)
def test_triggers(facts: dict[str, str], expected: Likelihood) -> None:
    result = evaluate_holding(holding(ELECTRIC, POSTPAID), Profile(facts=facts))
    assert result.likelihood is expected


def test_multi_choice_answers_match_any_listed_value() -> None:
    h = holding(SOCIAL)
    assert (
        evaluate_holding(h, Profile(facts={"social_media_public": ["tiktok", "x"]})).likelihood
        is Likelihood.LIKELY
    )
    assert (
        evaluate_holding(h, Profile(facts={"social_media_public": ["tiktok"]})).likelihood
        is Likelihood.UNLIKELY
    )
    assert (
        evaluate_holding(h, Profile(facts={"social_media_public": []})).likelihood
        is Likelihood.UNLIKELY
    )


def test_a_sweeping_collection_is_possible_for_anyone() -> None:
    h = holding(ELECTRIC, baseline="possible")
    assert (
        evaluate_holding(h, Profile(facts={"utility_electric": "no"})).likelihood
        is Likelihood.POSSIBLE
    )


def test_matched_and_unknown_triggers_are_reported() -> None:
    result = evaluate_holding(
        holding(ELECTRIC, POSTPAID), Profile(facts={"utility_electric": "yes"})
    )
    assert [t.fact for t, _ in result.matched] == ["utility_electric"]
    assert [t.fact for t in result.unknown] == ["phone_plan"]


def test_combining_takes_the_highest_and_nothing_is_unknown() -> None:
    assert combine([Likelihood.UNLIKELY, Likelihood.POSSIBLE]) is Likelihood.POSSIBLE
    assert combine([Likelihood.LIKELY, Likelihood.POSSIBLE]) is Likelihood.LIKELY
    assert combine([]) is Likelihood.UNKNOWN

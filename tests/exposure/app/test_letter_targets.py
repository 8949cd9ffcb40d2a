"""Who gets a letter by default, and which identity details the letters need."""

from __future__ import annotations

import datetime as dt

from broker_catalog.catalog import Catalog
from broker_catalog.schema import IdentityField
from exposure.app.letter_targets import needed_identity, request_candidates
from exposure.engine import audit
from exposure.engine.result import LETTER_ACTIONS
from exposure.engine.targets import letter_targets
from exposure.profile.files import demo_profile

TODAY = dt.date(2026, 12, 6)


def test_the_plan_picks_only_brokers_a_letter_can_reach_in_plan_order(catalog: Catalog) -> None:
    result = audit(demo_profile(), catalog, today=TODAY)
    targets = letter_targets(result)
    assert targets
    in_plan_order = [b for a in result.plan if a.kind in LETTER_ACTIONS for b in a.brokers]
    assert targets == list(dict.fromkeys(in_plan_order))


def test_candidates_start_with_the_targets_and_never_repeat(catalog: Catalog) -> None:
    result = audit(demo_profile(), catalog, today=TODAY)
    targets = letter_targets(result)
    candidates = request_candidates(result, catalog)
    assert candidates[: len(targets)] == targets
    assert len(set(candidates)) == len(candidates)


def test_only_the_fields_the_chosen_brokers_need_and_a_reply_address(catalog: Catalog) -> None:
    # Gravy needs only an advertising ID (written by hand), but every letter needs a name and
    # a way to answer: the e-mail, which tells a broker less than a home address.
    assert needed_identity(catalog, ["gravy-analytics"]) == [
        IdentityField.FULL_NAME,
        IdentityField.EMAIL,
    ]
    assert needed_identity(catalog, []) == []
    fields = needed_identity(catalog, ["nctue"])
    assert IdentityField.FULL_NAME in fields
    assert all(f is not IdentityField.SSN for f in fields)

"""Which status may follow which, and what the dates mean today."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog import load_catalog
from exposure.ledger.lifecycle import (
    Status,
    TransitionError,
    assess,
    check_transition,
    recheck_days_for,
)


def test_a_drafted_request_can_only_be_sent() -> None:
    check_transition(Status.DRAFTED, Status.SENT)
    with pytest.raises(
        TransitionError,
        match="a request that is 'drafted' cannot become 'completed'; it can become: sent",
    ):
        check_transition(Status.DRAFTED, Status.COMPLETED)


def test_a_denial_leads_to_a_follow_up_or_a_complaint_not_back_to_waiting() -> None:
    check_transition(Status.DENIED, Status.FOLLOW_UP_SENT)
    check_transition(Status.DENIED, Status.COMPLAINT_FILED)
    with pytest.raises(TransitionError):
        check_transition(Status.DENIED, Status.ACKNOWLEDGED)


def test_a_completed_request_can_only_be_found_relisted() -> None:
    check_transition(Status.COMPLETED, Status.RELISTED)
    check_transition(Status.RELISTED, Status.SENT)
    with pytest.raises(TransitionError):
        check_transition(Status.COMPLETED, Status.SENT)


def test_overdue_means_waiting_past_the_effective_deadline() -> None:
    due, today = dt.date(2027, 1, 4), dt.date(2027, 1, 5)
    common = {"completed_on": None, "recheck_days": 90, "today": today}
    assert assess(Status.SENT, due=due, extended_until=None, **common).overdue  # type: ignore[arg-type]
    assert not assess(Status.SENT, due=due, extended_until=dt.date(2027, 2, 18), **common).overdue  # type: ignore[arg-type]
    assert not assess(Status.COMPLETED, due=due, extended_until=None, **common).overdue  # type: ignore[arg-type]


def test_recheck_is_due_after_the_interval() -> None:
    done = dt.date(2027, 1, 1)
    before = assess(
        Status.COMPLETED,
        due=None,
        extended_until=None,
        completed_on=done,
        recheck_days=45,
        today=dt.date(2027, 2, 14),
    )
    after = assess(
        Status.COMPLETED,
        due=None,
        extended_until=None,
        completed_on=done,
        recheck_days=45,
        today=dt.date(2027, 2, 15),
    )
    assert before.recheck_on == dt.date(2027, 2, 15)
    assert not before.recheck_due
    assert after.recheck_due


def test_recheck_intervals_drop_catalog_or_ninety_days() -> None:
    catalog = load_catalog(use_cache=False)
    spokeo = catalog.by_id["spokeo"]
    assert recheck_days_for(spokeo, "CA") == 45  # DROP-registered broker, Californian
    unregistered = catalog.by_id["babel-street"]
    assert recheck_days_for(unregistered, "CA") == 90
    assert spokeo.opt_out is not None
    with_interval = spokeo.model_copy(
        update={"opt_out": spokeo.opt_out.model_copy(update={"recheck_days": 30})}
    )
    assert recheck_days_for(with_interval, "TX") == 30
    assert recheck_days_for(spokeo, "TX") == 90

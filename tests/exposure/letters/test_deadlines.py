"""Deadline arithmetic, calendar and business days, for every regime in the law table."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog import Catalog, load_catalog
from broker_catalog.laws_schema import Deadline
from exposure.letters.deadlines import add_days, due_date, is_business_day

FRIDAY_BEFORE_THANKSGIVING = dt.date(2026, 11, 20)


def test_weekends_and_federal_holidays_are_not_business_days() -> None:
    assert not is_business_day(dt.date(2026, 11, 21))  # Saturday
    assert not is_business_day(dt.date(2026, 11, 26))  # Thanksgiving
    assert not is_business_day(dt.date(2026, 12, 25))  # Christmas
    assert is_business_day(dt.date(2026, 11, 27))


def test_business_days_skip_thanksgiving() -> None:
    assert add_days(FRIDAY_BEFORE_THANKSGIVING, 15, business=True) == dt.date(2026, 12, 14)
    assert add_days(FRIDAY_BEFORE_THANKSGIVING, 1, business=True) == dt.date(2026, 11, 23)


def test_calendar_days_and_extensions() -> None:
    deadline = Deadline(days=45, extension_days=45)
    assert due_date(FRIDAY_BEFORE_THANKSGIVING, deadline) == dt.date(2027, 1, 4)
    assert due_date(FRIDAY_BEFORE_THANKSGIVING, deadline, extended=True) == dt.date(2027, 2, 18)


def test_california_deadlines() -> None:
    law = load_catalog(use_cache=False).law_by_id["ca-ccpa"]
    assert law.response is not None
    assert law.opt_out_response is not None
    assert due_date(FRIDAY_BEFORE_THANKSGIVING, law.response) == dt.date(2027, 1, 4)
    assert due_date(FRIDAY_BEFORE_THANKSGIVING, law.opt_out_response) == dt.date(2026, 12, 14)


CATALOG: Catalog = load_catalog(use_cache=False)
STATE_LAWS = [law for law in CATALOG.laws if law.kind == "state_privacy"]


@pytest.mark.parametrize("law", STATE_LAWS, ids=[law.id for law in STATE_LAWS])
def test_every_state_law_has_a_deadline_that_computes(law: object) -> None:
    from broker_catalog.laws_schema import Law

    assert isinstance(law, Law)
    assert law.response is not None
    start = dt.date(2026, 3, 2)  # a Monday with no holiday in the following weeks
    due = due_date(start, law.response)
    if law.response.business_days:
        assert due == add_days(start, law.response.days, business=True)
    else:
        assert due == start + dt.timedelta(days=law.response.days)
    if law.response.extension_days:
        assert due_date(start, law.response, extended=True) > due

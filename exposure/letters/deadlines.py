"""Deadline arithmetic: calendar days, or business days that skip weekends and U.S. federal
holidays (from the well-kept `holidays` package rather than a hand-kept list).

State laws count from the day the business receives a request. We count from the letter's
date; people are told to add mailing time, and the ledger records the actual sent date.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from broker_catalog.laws_schema import Deadline


@cache
def _federal_holidays(year: int) -> frozenset[dt.date]:
    import holidays

    # The U.S. calendar without a subdivision is the federal holidays, with observed dates.
    return frozenset(holidays.country_holidays("US", years=year).keys())


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _federal_holidays(day.year)


def add_days(start: dt.date, days: int, *, business: bool) -> dt.date:
    if not business:
        return start + dt.timedelta(days=days)
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            left -= 1
    return day


def due_date(start: dt.date, deadline: Deadline, *, extended: bool = False) -> dt.date:
    """The answer is due this day; with ``extended``, the latest day an extension allows."""
    total = deadline.days + (deadline.extension_days if extended else 0)
    return add_days(start, total, business=deadline.business_days)

"""The law table's dates: a law signed but not yet in force carries its future ``effective`` day
and applies from that day on; a clause an amendment added later carries its own day."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from broker_catalog import load_catalog
from broker_catalog.laws_schema import Clause, Law

TODAY = dt.date(2026, 12, 6)
DAY = dt.timedelta(days=1)
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


def _law(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "xx-law",
        "kind": "state_privacy",
        "name": "Example Privacy Act",
        "short_name": "EPA",
        "states": ["OK"],
        "citation": "Example Stat. § 1",
        "rights": ["delete"],
        "response": {"days": 45},
        "sources": [
            {
                "id": "src",
                "url": "https://example.org/law",
                "title": "The law",
                "publisher": "Example",
            }
        ],
        "verified": TODAY,
    }
    return {**record, **changes}


def test_a_law_may_take_effect_after_today() -> None:
    law = Law.model_validate(_law(effective=dt.date(2027, 1, 1)))
    assert law.effective == dt.date(2027, 1, 1)
    assert law.pending(TODAY)
    assert not law.in_force(TODAY)
    assert law.in_force(dt.date(2027, 1, 1))


def test_verified_still_cannot_be_in_the_future() -> None:
    with pytest.raises(ValidationError, match="verified"):
        Law.model_validate(_law(verified=TODAY + 400 * DAY))


def test_a_law_whose_date_is_unknown_counts_as_in_force() -> None:
    law = Law.model_validate(_law())
    assert law.effective == "unknown"
    assert law.in_force(dt.date(2000, 1, 1))


@given(effective=dates, on=dates)
def test_a_law_applies_exactly_from_its_effective_day(effective: dt.date, on: dt.date) -> None:
    law = Law.model_validate(_law(effective=effective))
    assert law.in_force(on) is (on >= effective)
    assert law.pending(on) is (on < effective)


@given(effective=dates, on=dates)
def test_a_clause_applies_exactly_from_its_own_day(effective: dt.date, on: dt.date) -> None:
    clause = Clause(
        id="ban",
        kinds=("delete",),
        effective=effective,
        text="A ban ($cite).",
        cite="Example Stat. § 2",
        sources=("src",),
    )
    assert clause.in_force(on) is (on >= effective)
    undated = clause.model_copy(update={"effective": None})
    assert undated.in_force(on)


def test_the_shipped_table_holds_oklahoma_with_its_future_day() -> None:
    catalog = load_catalog(use_cache=False)
    oklahoma = catalog.law_by_id["ok-odpa"]
    assert oklahoma.effective == dt.date(2027, 1, 1)
    assert catalog.privacy_law_for("OK", dt.date(2026, 12, 31)) is None
    assert catalog.pending_law_for("OK", dt.date(2026, 12, 31)) == oklahoma
    assert catalog.privacy_law_for("OK", dt.date(2027, 1, 1)) == oklahoma
    assert catalog.pending_law_for("OK", dt.date(2027, 1, 1)) is None


def test_dated_clauses_in_the_shipped_table() -> None:
    laws = load_catalog(use_cache=False).law_by_id
    dated = {c.id: c.effective for law in laws.values() for c in law.clauses}
    assert dated["sale-ban-hb2008"] == dt.date(2026, 1, 1)
    assert dated["sale-ban-sb338"] == dt.date(2026, 7, 1)

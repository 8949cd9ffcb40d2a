"""`catalog freshness`: which records and facts were checked in this pass, and how old they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from broker_catalog.freshness import BANDS, age_band, freshness, freshness_json, partial_date
from broker_catalog.loader import load_catalog

TODAY = dt.date(2026, 12, 6)
PASS = dt.date(2026, 12, 1)


def _write(root: Path, name: str, text: str) -> None:
    (root / "brokers" / f"{name}.toml").write_text(text, encoding="utf-8")


def _second_broker(minimal_catalog: Path, *, checked: str, method_checked: str) -> None:
    """A copy of the fixture broker, re-checked on ``checked`` except its e-mail desk."""
    text = (minimal_catalog / "brokers" / "valid-broker.toml").read_text(encoding="utf-8")
    text = text.replace('id = "valid-broker"', 'id = "second-broker"')
    text = text.replace("Valid Broker Example LLC", "Second Broker Example LLC")
    text = text.replace('brands = ["ValidSearch"]', 'brands = ["SecondSearch"]')
    text = text.replace("2026-01-15", checked)
    text = text.replace(
        "[legal]",
        "[[opt_out.methods]]\n"
        'kind = "email"\n'
        'email = "jane.roe@second-broker.example.org"\n'
        "names_person = true\n"
        "old_filing_only = true\n"
        'sources = ["privacy-page"]\n'
        f"verified = {method_checked}\n\n"
        "[legal]",
    )
    _write(minimal_catalog, "second-broker", text)


def test_a_record_reviewed_in_the_pass_counts_and_an_older_one_is_listed(
    minimal_catalog: Path,
) -> None:
    _second_broker(minimal_catalog, checked="2026-12-04", method_checked="2026-12-04")
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY, PASS)
    assert report.researched == 2
    assert report.records_in_pass == 1
    assert report.records_not_in_pass == ("valid-broker",)
    assert report.record_check_age["30d"] == 1
    assert report.record_check_age["older"] == 0
    assert report.record_check_age["365d"] == 1  # 2026-01-15 is 325 days before TODAY


def test_each_fact_keeps_its_own_date(minimal_catalog: Path) -> None:
    """A record can be reviewed in the pass while one of its facts could not be re-checked."""
    _second_broker(minimal_catalog, checked="2026-12-04", method_checked="2025-03-01")
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY, PASS)
    stale = {(f.broker, f.where) for f in report.facts_not_in_pass}
    assert ("second-broker", "opt_out.methods[1]") in stale
    assert ("second-broker", "holdings[0]") not in stale
    assert report.facts_by_kind["method"] == {"facts": 3, "in_pass": 1}


def test_registry_only_contacts_and_personal_mailboxes_are_found(minimal_catalog: Path) -> None:
    _second_broker(minimal_catalog, checked="2026-12-04", method_checked="2026-12-04")
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY, PASS)
    # The fixture's only source is also what its registry entry cites: a filing.
    assert {(c.broker, c.where) for c in report.registry_only_contacts} == {
        ("valid-broker", "contacts.email"),
        ("second-broker", "opt_out.methods[1]"),
        ("second-broker", "contacts.email"),
    }
    assert [(c.broker, c.where) for c in report.personal_mailboxes] == [
        ("second-broker", "opt_out.methods[1]")
    ]
    assert [(c.broker, c.where) for c in report.old_filing_only_contacts] == [
        ("second-broker", "opt_out.methods[1]")
    ]


def test_the_pass_defaults_to_the_one_the_catalog_names(minimal_catalog: Path) -> None:
    info = minimal_catalog / "catalog.toml"
    kept = [
        line
        for line in info.read_text(encoding="utf-8").splitlines()
        if not line.startswith("pass_started")
    ]
    info.write_text("\n".join([*kept, 'pass_started = "2026-01-15"', ""]), encoding="utf-8")
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY)
    assert report.since == dt.date(2026, 1, 15)
    assert report.records_in_pass == 1


def test_the_newest_source_is_dated_by_the_first_day_it_can_mean(minimal_catalog: Path) -> None:
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY, PASS)
    # published = "2025-06" -> 2025-06-01, 553 days before TODAY.
    assert report.record_source_age["older"] == 1


def test_partial_dates() -> None:
    assert partial_date("2021") == dt.date(2021, 1, 1)
    assert partial_date("2021-08") == dt.date(2021, 8, 1)
    assert partial_date("2021-08-30") == dt.date(2021, 8, 30)
    assert partial_date("unknown") is None


@given(st.dates(max_value=TODAY), st.dates(max_value=TODAY))
def test_an_older_check_never_falls_in_a_newer_band(a: dt.date, b: dt.date) -> None:
    order = [name for name, _ in BANDS] + ["older"]
    older, newer = sorted((a, b))
    assert order.index(age_band(older, TODAY)) >= order.index(age_band(newer, TODAY))


def test_json_and_report_agree(minimal_catalog: Path) -> None:
    report = freshness(load_catalog(minimal_catalog, use_cache=False), TODAY, PASS)
    data = freshness_json(report)
    assert data["facts"]["total"] == report.facts  # type: ignore[index]
    assert len(data["facts"]["not_in_pass"]) == report.facts - report.facts_in_pass  # type: ignore[index]

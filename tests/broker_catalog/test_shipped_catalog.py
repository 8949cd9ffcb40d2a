"""The shipped catalog itself: coverage, sourcing discipline and the registry import."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from broker_catalog import load_catalog
from broker_catalog.schema import Quality

CATALOG = load_catalog(use_cache=False)
DEEP = [b for b in CATALOG.brokers if b.quality.rank >= Quality.VERIFIED.rank]
TRACKING = re.compile(r"^(utm_.*|oref|ref|curator|fbclid|gclid|mc_cid|mc_eid|akid|CID)$")


def test_at_least_250_researched_records() -> None:
    assert len(DEEP) >= 250


def test_every_researched_record_was_reviewed_in_the_current_pass() -> None:
    """The release names its verification pass; a researched record not gone through in it is
    stale (its facts keep their own dates: see `exposure catalog freshness`)."""
    import datetime as dt

    from broker_catalog.freshness import freshness

    assert CATALOG.info.pass_started is not None
    report = freshness(CATALOG, dt.date.fromisoformat(CATALOG.info.released))
    assert report.records_not_in_pass == ()


@pytest.mark.parametrize("category", [c.id for c in CATALOG.categories])
def test_every_category_has_at_least_three_researched_brokers(category: str) -> None:
    researched = [b for b in CATALOG.by_category[category] if b.quality.rank >= 2]
    assert len(researched) >= 3, [b.id for b in researched]


def test_every_researched_record_is_sourced_and_dated() -> None:
    for broker in DEEP:
        assert broker.sources, broker.id
        assert broker.opt_out is not None, broker.id
        assert broker.opt_out.sources, broker.id
        for tie in broker.government_ties:
            assert tie.sources, broker.id


def test_no_source_url_carries_tracking_parameters() -> None:
    for broker in CATALOG.brokers:
        for source in broker.sources:
            params = [k for k, _ in parse_qsl(urlsplit(source.url).query)]
            assert not [p for p in params if TRACKING.match(p)], (broker.id, source.url)


def test_registry_imports_are_in_the_catalog() -> None:
    # Research turns imported records into researched ones; what must stay is the filings.
    filed = [b for b in CATALOG.brokers if b.legal.registries]
    assert len(filed) >= 750
    assert len(CATALOG.by_registry["CA"]) >= 500
    assert len(CATALOG.by_registry["VT"]) >= 200


def test_known_registrants_carry_their_registry_ids() -> None:
    # Registration ids as filed with the Vermont Secretary of State (vt-registry-2021.csv).
    expected = {"nctue": "353366", "spokeo": "367445", "thomson-reuters-clear": "352778"}
    for broker_id, registry_id in expected.items():
        vt = [r for r in CATALOG.by_id[broker_id].legal.registries if r.state == "VT"]
        assert [r.registry_id for r in vt] == [registry_id], broker_id

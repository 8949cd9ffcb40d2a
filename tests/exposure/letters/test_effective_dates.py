"""A law applies from its effective day, judged on the letter's date: before it, a person in that
state gets the voluntary request and a note saying when the law starts; from it, the law."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_catalog import Catalog, load_catalog
from exposure.letters.draft import draft_letter
from exposure.letters.regime import choose

from .people import person

CATALOG = load_catalog(use_cache=False)
OKLAHOMA_DAY = dt.date(2027, 1, 1)
VIRGINIA_BAN_DAY = dt.date(2026, 7, 1)
OREGON_BAN_DAY = dt.date(2026, 1, 1)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
around = st.integers(min_value=-400, max_value=400)


def _location_broker(catalog: Catalog) -> str:
    return next(
        b.id
        for b in catalog.brokers
        if b.legal.disclosures.precise_geolocation == "yes" and b.legal.fcra != "yes"
    )


def test_an_oregon_residents_letter_to_a_location_broker_cites_hb_2008() -> None:
    broker = CATALOG.by_id[_location_broker(CATALOG)]
    ada = person("Ada Example", state="OR")
    letter = draft_letter(broker, ada, CATALOG, kind="delete", today=dt.date(2026, 12, 6))
    text = " ".join(letter.paragraphs)
    assert letter.regime == "or-ocpa"
    assert "sale-ban-hb2008" in letter.clauses
    assert "Or. Rev. Stat. § 646A.578, as amended by HB 2008" in text
    assert "1,750 feet" in text


def test_before_hb_2008_took_effect_the_oregon_letter_does_not_cite_it() -> None:
    broker = CATALOG.by_id[_location_broker(CATALOG)]
    ada = person("Ada Example", state="OR")
    letter = draft_letter(broker, ada, CATALOG, kind="delete", today=dt.date(2025, 12, 31))
    assert letter.regime == "or-ocpa"
    assert "sale-ban-hb2008" not in letter.clauses
    assert "HB 2008" not in " ".join(letter.paragraphs)


def test_an_oklahoma_resident_gets_the_oklahoma_law_from_2027_01_01() -> None:
    broker = CATALOG.by_id["spokeo"]
    on_the_day = draft_letter(
        broker, person("Ada Example", state="OK"), CATALOG, kind="delete", today=OKLAHOMA_DAY
    )
    assert on_the_day.regime == "ok-odpa"
    assert on_the_day.due == OKLAHOMA_DAY + dt.timedelta(days=45)
    assert not any("takes effect" in n for n in on_the_day.notes)


def test_before_2027_an_oklahoma_resident_gets_the_voluntary_request_and_the_date() -> None:
    broker = CATALOG.by_id["spokeo"]
    day_before = OKLAHOMA_DAY - dt.timedelta(days=1)
    letter = draft_letter(
        broker, person("Ada Example", state="OK"), CATALOG, kind="delete", today=day_before
    )
    assert letter.regime == "no-law"
    assert letter.due is None
    assert "Oklahoma" not in " ".join(letter.paragraphs)
    assert any("Oklahoma Data Privacy Act takes effect on 2027-01-01" in n for n in letter.notes)


@SETTINGS
@given(offset=around, kind=st.sampled_from(["delete", "opt_out", "know"]))
def test_the_oklahoma_regime_applies_exactly_from_its_day(offset: int, kind: str) -> None:
    today = OKLAHOMA_DAY + dt.timedelta(days=offset)
    regime = choose(CATALOG.by_id["spokeo"], kind, "OK", CATALOG, today=today)  # type: ignore[arg-type]
    if today >= OKLAHOMA_DAY:
        assert (regime.law.id, regime.pending) == ("ok-odpa", None)
        assert regime.template == f"{kind}-state"
    else:
        assert regime.law.id == "no-law"
        assert regime.pending is not None
        assert regime.pending.id == "ok-odpa"
        assert regime.template == f"{kind}-none"


@SETTINGS
@given(offset=around, state=st.sampled_from(["VA", "OR"]))
def test_a_dated_sale_ban_is_cited_exactly_from_its_day(offset: int, state: str) -> None:
    day = {"VA": VIRGINIA_BAN_DAY, "OR": OREGON_BAN_DAY}[state]
    clause = {"VA": "sale-ban-sb338", "OR": "sale-ban-hb2008"}[state]
    today = day + dt.timedelta(days=offset)
    broker = CATALOG.by_id[_location_broker(CATALOG)]
    letter = draft_letter(
        broker, person("Ada Example", state=state), CATALOG, kind="delete", today=today
    )
    assert (clause in letter.clauses) is (today >= day)


@SETTINGS
@given(offset=around)
def test_every_dated_state_law_applies_from_its_day(offset: int) -> None:
    for law in CATALOG.laws:
        if law.kind != "state_privacy" or not isinstance(law.effective, dt.date):
            continue
        today = law.effective + dt.timedelta(days=offset)
        for state in law.states:
            found = CATALOG.privacy_law_for(state, today)
            assert (found == law) is (today >= law.effective), (law.id, today)

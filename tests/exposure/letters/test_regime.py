"""The legal ground of each request: FCRA for credit bureaus, the state law where one applies,
and an honest voluntary request where none does."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog import Catalog
from exposure.letters.regime import RegimeError, choose

TODAY = dt.date(2026, 12, 6)


def test_an_fcra_agency_gets_an_fcra_request_by_default(catalog: Catalog) -> None:
    regime = choose(catalog.by_id["nctue"], None, "CA", catalog, today=TODAY)
    assert regime.kind == "file_disclosure"
    assert regime.law.id == "fcra-disclosure"
    assert regime.template == "file_disclosure-fcra"


def test_a_californian_gets_the_ccpa_with_its_deadlines(catalog: Catalog) -> None:
    delete = choose(catalog.by_id["spokeo"], "delete", "CA", catalog, today=TODAY)
    assert delete.law.id == "ca-ccpa"
    assert delete.section == "Cal. Civ. Code § 1798.105"
    assert delete.deadline is not None
    assert (delete.deadline.days, delete.deadline.business_days) == (45, False)
    opt_out = choose(catalog.by_id["spokeo"], "opt_out", "CA", catalog, today=TODAY)
    assert opt_out.deadline is not None
    assert (opt_out.deadline.days, opt_out.deadline.business_days) == (15, True)


@pytest.mark.parametrize("state", ["VA", "CO", "CT", "OR", "TX", "MN"])
def test_each_state_with_a_law_gets_its_own_citation(catalog: Catalog, state: str) -> None:
    law = catalog.privacy_law_for(state, TODAY)
    if law is None:
        pytest.skip(f"no law record for {state} in this catalog")
    regime = choose(catalog.by_id["spokeo"], "delete", state, catalog, today=TODAY)
    assert regime.law.id == law.id
    assert state in regime.law.states
    assert regime.deadline == law.response


def test_no_law_means_an_honest_voluntary_request(catalog: Catalog) -> None:
    assert catalog.privacy_law_for("WY", TODAY) is None
    regime = choose(catalog.by_id["spokeo"], "delete", "WY", catalog, today=TODAY)
    assert regime.law.id == "no-law"
    assert regime.template == "delete-none"
    assert regime.deadline is None


def test_an_fcra_request_to_a_non_agency_is_refused(catalog: Catalog) -> None:
    with pytest.raises(RegimeError, match="not recorded as a consumer reporting agency"):
        choose(catalog.by_id["spokeo"], "security_freeze", "CA", catalog, today=TODAY)


def test_a_broker_that_refuses_agents_gets_no_agent_letter(catalog: Catalog) -> None:
    refusing = [b for b in catalog.brokers if b.opt_out and b.opt_out.agents.value == "no"]
    assert refusing, "the catalog records brokers that refuse agents (e.g. Acxiom, LexisNexis)"
    regime = choose(refusing[0], "delete", "CA", catalog, today=TODAY)
    assert not regime.agent_allowed
    assert regime.agent_note is not None

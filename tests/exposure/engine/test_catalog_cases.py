"""The cases of issue 14, written from the catalog's own records, for fictional people.

Each test names the records it rests on; if a record changes so that a case no longer holds,
the test says which fact moved.
"""

from __future__ import annotations

import datetime as dt

from broker_catalog.schema import Likelihood
from exposure.engine import audit
from exposure.engine.result import Audit, BrokerResult
from exposure.letters.regime import choose, default_kind
from exposure.profile.model import Answer, Profile
from exposure.render.wording import Wording
from tests.exposure.engine.test_properties import CATALOG, OFF_THE_GRID

TODAY = dt.date(2026, 12, 6)

WORDS = Wording(CATALOG)


def person(**answers: Answer) -> Audit:
    """A fictional person who answered "no" (or none) to everything except ``answers``."""
    return audit(Profile(facts={**OFF_THE_GRID, **answers}), CATALOG, today=TODAY)


def broker(result: Audit, broker_id: str) -> BrokerResult:
    return next(b for b in result.brokers if b.id == broker_id)


def test_acxiom_marketing_gets_a_state_law_route_not_the_fcra() -> None:
    """acxiom.toml: its one holding is marketing data, and Acxiom says it is not FCRA data."""
    result = person(state="CA", housing="owner", credit_history=["mortgage"])
    assert broker(result, "acxiom").likelihood is Likelihood.LIKELY
    actions = [a for a in result.plan if a.lead == "acxiom"]
    assert [a.kind for a in actions] in (["opt_out"], ["state_law_request"])
    assert actions[0].categories == ("marketing",)
    assert default_kind(CATALOG.by_id["acxiom"]) == "delete"
    letter = choose(CATALOG.by_id["acxiom"], None, "CA", CATALOG, today=TODAY)
    assert letter.law.kind == "state_privacy"  # a CCPA request, never an FCRA letter


def test_a_credit_bureau_gets_the_fcra_for_its_credit_file() -> None:
    """equifax.toml: the credit file is FCRA data."""
    result = person(state="CA", credit_history=["credit_card"])
    fcra = [a for a in result.plan if a.lead == "equifax" and a.kind.startswith("fcra")]
    assert [a.categories for a in fcra] == [("credit-header",)]


def test_clear_is_not_rated_above_nctue_and_the_ended_licence_no_longer_counts() -> None:
    """nctue.toml and equifax.toml: NCTUE's data reached CLEAR through Equifax until 2021-10."""
    result = person(utility_electric="yes")
    nctue = broker(result, "nctue")
    clear = broker(result, "thomson-reuters-clear")
    assert clear.likelihood.rank <= nctue.likelihood.rank
    assert "utility-telecom" not in clear.categories
    assert broker(result, "equifax").likelihood.rank <= nctue.likelihood.rank


def test_clear_says_why_the_utility_records_no_longer_count() -> None:
    result = person(utility_electric="yes", recent_move="yes")
    clear = broker(result, "thomson-reuters-clear")
    ended = [r for r in clear.reasons if r.code == "flow_ended"]
    assert ended
    assert ended[0].sources
    assert "2021-10" in WORDS.reason(ended[0])


def test_a_lease_makes_the_tenant_screeners_one_of_these() -> None:
    """alternatives.toml: a landlord screens a renter through one company, not all of them."""
    result = person(housing="renter_own_lease")
    for member in ("realpage", "saferent-solutions", "transunion-smartmove"):
        assert broker(result, member).likelihood is Likelihood.POSSIBLE, member
    (group,) = [g for g in result.groups if g.id == "tenant-screening"]
    assert group.likelihood is Likelihood.LIKELY
    assert [a.kind for a in result.plan if a.group == "tenant-screening"] == ["one_of_these"]
    assert "one company likely holds a file on you" in WORDS.headline(result)


def test_phone_number_records_do_not_make_location_data_likely() -> None:
    """phone-records and phone-location are separate categories since issue 14."""
    result = person(phone_plan="postpaid", phone_number_long_held="yes")
    levels = {c.id: c.level for c in result.categories}
    assert levels["phone-records"] is Likelihood.LIKELY
    assert levels["phone-location"] is not Likelihood.LIKELY


def test_no_credit_is_never_told_that_lenders_report_your_accounts() -> None:
    result = person(credit_history=[])
    for b in result.brokers:
        for reason in b.reasons:
            assert "report your accounts" not in WORDS.reason(reason), b.id


def test_an_all_unknown_plan_names_three_questions_that_would_change_it() -> None:
    result = audit(Profile(facts={}), CATALOG, today=TODAY)
    first = result.plan[0]
    assert first.kind == "answer_questions"
    assert len(first.steps) == 3
    assert all(WORDS.step(s).endswith("?") for s in first.steps)


def test_nothing_likely_reads_as_such() -> None:
    result = audit(Profile(facts={}), CATALOG, today=TODAY)
    assert WORDS.headline(result).startswith("No broker stands out as likely")


def test_every_broker_is_estimated_from_a_record_or_a_filing() -> None:
    result = audit(Profile(facts={}), CATALOG, today=TODAY)
    c = result.counts
    assert c.researched + c.registry_filing == c.estimated
    # Only records with neither holdings nor a registry filing (a vendor with no consumer data,
    # a merged record) go unassessed; research moves brokers from filings to records.
    assert c.not_assessed <= 5
    assert c.registry_filing > 0
    assert c.estimated + c.not_assessed == len(CATALOG)


def test_a_filing_that_discloses_precise_geolocation_is_the_reason_and_the_source() -> None:
    result = person(location_apps="yes")
    filed = [b for b in result.brokers if b.evidence == "registry_filing"]
    possible = [b for b in filed if b.likelihood is Likelihood.POSSIBLE]
    assert possible
    assert all(b.likelihood is not Likelihood.LIKELY for b in filed)
    reason = possible[0].reasons[0]
    assert reason.code == "registry_filing"
    assert reason.sources
    assert "precise geolocation" in WORDS.reason(reason)


def test_government_sources_concern_the_people_they_name_with_state_levers() -> None:
    result = person(state="WA", tax_filing="itin", drivers_licence="licence")
    found = {g.id: g for g in result.government}
    assert found["irs-taxpayer-addresses"].likelihood is Likelihood.LIKELY
    assert found["dmv-nlets"].state_levers
    assert "cms-medicaid" not in found  # "no" to public benefits
    lines = WORDS.government(found["dmv-nlets"])
    assert any("your state" in line for line in lines)


def test_the_california_drop_action_carries_its_link_from_the_law_table() -> None:
    result = person(state="CA", housing="owner")
    (drop,) = [a for a in result.plan if a.kind == "california_drop"]
    route = CATALOG.law_by_id[drop.law or ""]
    assert route.regulator is not None
    assert [m.contact for m in drop.methods] == [route.regulator.url]

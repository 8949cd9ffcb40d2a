"""What spans records: law per holding, dated data flows, "one of these" groups, and government
data sources. Each is checked by the loader, all or nothing, with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from broker_catalog import CatalogError, load_catalog
from broker_catalog.catalog import Catalog

SHIPPED = load_catalog(use_cache=False)

GOVERNMENT = """\
id = "fictional-agency-data"
agency = "A fictional agency"
programme = "A fictional sharing agreement"
shares = "Names and addresses."
since = "2025-04"
legal_basis = "A fictional statute."
status = "In force."
concerns = [{ fact = "utility_electric" }]
cites = ["agency-notice"]
verified = 2026-01-15

[[levers]]
states = ["CA"]
text = "A fictional state law limits the sharing."
sources = ["agency-notice"]
verified = 2026-01-15

[[sources]]
id = "agency-notice"
url = "https://agency.example.org/notice"
title = "Notice"
publisher = "A fictional agency"
accessed = 2026-01-15
"""

FLOW = """
[[flows]]
from = { broker = "valid-broker", category = "utility-telecom" }
to = { broker = "{target}", category = "utility-telecom" }
facts = ["utility_electric"]
what = "Resold."
until = "2021-10"
sources = ["privacy-page"]
verified = 2026-01-15
"""


def _problems(root: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root, use_cache=False)
    return str(caught.value)


def _second_broker(root: Path, broker_id: str) -> None:
    text = (root / "brokers" / "valid-broker.toml").read_text(encoding="utf-8")
    text = text.replace('id = "valid-broker"', f'id = "{broker_id}"', 1)
    text = text.replace('brands = ["ValidSearch"]', "brands = []")
    text = text.replace("Valid Broker Example LLC", f"{broker_id} Example LLC")
    (root / "brokers" / f"{broker_id}.toml").write_text(text, encoding="utf-8")


def test_a_government_record_loads_from_its_own_folder(minimal_catalog: Path) -> None:
    (minimal_catalog / "government").mkdir()
    (minimal_catalog / "government" / "fictional-agency-data.toml").write_text(GOVERNMENT)
    catalog = load_catalog(minimal_catalog, use_cache=False)
    (source,) = catalog.government
    assert source.levers[0].states == ("CA",)
    assert source.concerns[0].fact == "utility_electric"


def test_a_government_record_naming_an_unknown_fact_stops_the_load(minimal_catalog: Path) -> None:
    (minimal_catalog / "government").mkdir()
    bad = GOVERNMENT.replace('fact = "utility_electric"', 'fact = "shoe_size"')
    (minimal_catalog / "government" / "fictional-agency-data.toml").write_text(bad)
    message = _problems(minimal_catalog)
    where = "fictional-agency-data.toml:8: concerns[0].fact"
    assert f"{where}: unknown life fact 'shoe_size'" in message


def test_a_lever_citing_a_missing_source_is_refused(minimal_catalog: Path) -> None:
    (minimal_catalog / "government").mkdir()
    bad = GOVERNMENT.replace('sources = ["agency-notice"]', 'sources = ["nowhere"]')
    (minimal_catalog / "government" / "fictional-agency-data.toml").write_text(bad)
    assert "levers[0] cites unknown source id(s): nowhere" in _problems(minimal_catalog)


def test_a_flow_to_a_holding_that_does_not_exist_names_file_field_and_line(
    minimal_catalog: Path,
) -> None:
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    path.write_text(path.read_text() + FLOW.replace("{target}", "nobody-here"))
    message = _problems(minimal_catalog)
    assert "valid-broker.toml:" in message
    assert "flows[0].to: refers to unknown broker id 'nobody-here'" in message


def test_a_flow_between_two_records_loads_with_its_dates(minimal_catalog: Path) -> None:
    _second_broker(minimal_catalog, "second-broker")
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    path.write_text(path.read_text() + FLOW.replace("{target}", "second-broker"))
    catalog = load_catalog(minimal_catalog, use_cache=False)
    (flow,) = catalog.flows
    assert (flow.source.broker, flow.target.broker, flow.until) == (
        "valid-broker",
        "second-broker",
        "2021-10",
    )


def test_a_flow_must_start_or_end_at_the_record_that_states_it(minimal_catalog: Path) -> None:
    _second_broker(minimal_catalog, "second-broker")
    _second_broker(minimal_catalog, "third-broker")
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    stray = FLOW.replace("{target}", "third-broker").replace(
        'from = { broker = "valid-broker"', 'from = { broker = "second-broker"'
    )
    path.write_text(path.read_text() + stray)
    assert "flows[0] must start or end at this broker" in _problems(minimal_catalog)


def test_a_stated_legal_regime_must_cite_a_source(minimal_catalog: Path) -> None:
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    text = path.read_text().replace(
        'triggers = [{ fact = "utility_electric" }',
        'law = { fcra = "yes" }\ntriggers = [{ fact = "utility_electric" }',
    )
    path.write_text(text)
    assert "fcra stated without 'sources' and 'verified'" in _problems(minimal_catalog)


def test_a_group_member_must_be_a_real_holding(minimal_catalog: Path) -> None:
    shutil.copy(Path(str(SHIPPED_ROOT)) / "alternatives.toml", minimal_catalog)
    message = _problems(minimal_catalog)
    assert "alternatives.toml" in message
    assert "group[0].members[0]: refers to unknown broker id 'realpage'" in message


SHIPPED_ROOT = Path(__file__).resolve().parents[2] / "broker_catalog"


# The shipped catalog, as migrated by hand.


def _fcra_companies(catalog: Catalog) -> list[str]:
    return [b.id for b in catalog.brokers if b.legal.fcra == "yes" and b.holdings]


def test_every_holding_of_an_fcra_company_says_which_law_governs_it() -> None:
    """Stated with a source, or "unknown" with a note saying what the sources leave open."""
    for broker_id in _fcra_companies(SHIPPED):
        for holding in SHIPPED.by_id[broker_id].holdings:
            assert holding.law.note, f"{broker_id}: {holding.category} has no law note"


def test_acxiom_marketing_data_is_not_fcra_data() -> None:
    (marketing,) = SHIPPED.by_id["acxiom"].holdings
    assert (marketing.category, marketing.law.fcra) == ("marketing", "no")


def test_credit_bureaus_credit_files_are_fcra_data() -> None:
    for broker_id in ("equifax", "experian", "transunion"):
        file = SHIPPED.by_id[broker_id].holdings[0]
        assert file.law.fcra == "yes", broker_id


def test_the_nctue_licence_to_clear_is_recorded_as_ended() -> None:
    into_clear = [f for f in SHIPPED.flows if f.target.broker == "thomson-reuters-clear"]
    utility = [f for f in into_clear if f.target.category == "utility-telecom"]
    assert [(f.source.broker, f.until) for f in utility] == [("equifax", "2021-10")]
    upstream = [f for f in SHIPPED.flows if f.target == utility[0].source]
    assert [f.source.broker for f in upstream] == ["nctue"]


def test_tenant_screening_is_one_of_these() -> None:
    (group,) = [g for g in SHIPPED.groups if g.id == "tenant-screening"]
    members = {m.broker for m in group.members}
    assert {"realpage", "saferent-solutions", "transunion-smartmove"} <= members
    assert group.facts == ("housing",)


def test_phone_records_and_phone_location_are_separate_categories() -> None:
    ids = [c.id for c in SHIPPED.categories]
    assert "phone-records" in ids
    assert "phone-location" in ids
    for broker in SHIPPED.by_category["phone-records"]:
        records = [h for h in broker.holdings if h.category == "phone-records"]
        assert all("location_apps" not in {t.fact for t in h.triggers} for h in records)


def test_government_sources_cover_taxes_medicaid_and_dmv_with_state_levers() -> None:
    by_id = {g.id: g for g in SHIPPED.government}
    assert set(by_id) >= {"irs-taxpayer-addresses", "cms-medicaid", "dmv-nlets"}
    facts = {t.fact for g in by_id.values() for t in g.concerns}
    assert facts >= {"tax_filing", "public_benefits", "drivers_licence"}
    assert any(lever.states for lever in by_id["dmv-nlets"].levers)
    for source in by_id.values():
        assert source.sources
        assert source.levers


def test_the_new_life_facts_are_asked_without_identifying_anyone() -> None:
    asked = {f.id for f in SHIPPED.facts}
    assert asked >= {
        "paid_informally",
        "tax_filing",
        "public_benefits",
        "mail_forwarding",
        "vehicle_other_name",
    }
    for fact in SHIPPED.facts:
        assert fact.why, fact.id

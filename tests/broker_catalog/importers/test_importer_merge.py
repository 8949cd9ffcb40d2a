"""Merge rules, hand-written records, idempotency and dry runs, on small synthetic files."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from broker_catalog import load_catalog
from broker_catalog.importers import ca_cppa, import_registry, opt_out_pages, vt
from tests.broker_catalog.importers.support import TODAY, snapshot, write_csv

HAND_WRITTEN = """\
# Hand-written and verified: the importer must not disturb this comment.
id = "acme-data"
name = "Acme Data LLC"
brands = ["AcmeSearch"]  # storefront
website = "https://acme.example.org/"
summary = "A fictional broker."
quality = "verified"
last_verified = 2025-01-15

[[sources]]
id = "acme-privacy"
url = "https://acme.example.org/privacy"
title = "Privacy notice"
publisher = "Acme Data LLC"

[opt_out]
available = "yes"
sources = ["acme-privacy"]
verified = 2025-01-15

[[opt_out.methods]]
kind = "web_form"
url = "https://acme.example.org/optout"
sources = ["acme-privacy"]
verified = 2025-01-15

[legal]
fcra = "no"  # checked by hand

[contacts]
email = "privacy@acme.example.org"
sources = ["acme-privacy"]
"""


def vt_row(name: str, registration: str, **cells: str) -> dict[str, str]:
    row = {
        vt.NAME: name,
        vt.REGISTRATION_ID: registration,
        vt.STATUS: "ACTIVE",
        vt.CREATED: "1/30/2019",
        vt.ADDRESS: "1 Main St, Burlington, VT, 05401, USA",
        vt.EMAIL: "legal@acme.example.org",
        vt.WEBSITE: "acme.example.org",
        vt.PERMITS_OPT_OUT: "Yes",
        vt.METHOD: "Use the form at acme.example.org/optout.",
        vt.THIRD_PARTY: "No.",
        vt.CANNOT: "Fraud prevention products.",
        vt.MINORS: "Yes",
    }
    return row | cells


def cppa_row(name: str, **cells: str) -> dict[str, str]:
    row = {
        ca_cppa.NAME: name,
        ca_cppa.WEBSITE: "https://acme.example.org",
        ca_cppa.EMAIL: "privacy@acme.example.org",
        ca_cppa.MINORS: "No",
        ca_cppa.GEOLOCATION: "Yes",
        ca_cppa.REPRODUCTIVE: "No",
        ca_cppa.FCRA: "Yes",
        ca_cppa.GLBA: "No",
        ca_cppa.HIPAA: "No",
    }
    return row | cells


def vt_file(path: Path, *rows: dict[str, str]) -> Path:
    return write_csv(path, vt.COLUMNS, rows)


def cppa_file(path: Path, *rows: dict[str, str]) -> Path:
    note = [["If not answered by DB, do not surface in website."]]
    return write_csv(path, ca_cppa.COLUMNS, rows, preamble=note)


@pytest.fixture
def with_hand_written(catalog_root: Path) -> Path:
    (catalog_root / "brokers" / "acme-data.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    return catalog_root


def test_hand_written_record_keeps_every_hand_written_field(
    with_hand_written: Path, tmp_path: Path
) -> None:
    csv_path = vt_file(tmp_path / "vt.csv", vt_row("ACME DATA, L.L.C.", "350001"))
    report = import_registry("vt", csv_path, with_hand_written, today=TODAY, dry_run=False)
    assert [c.broker_id for c in report.changed] == ["acme-data"]
    text = (with_hand_written / "brokers" / "acme-data.toml").read_text(encoding="utf-8")
    kept_lines = [
        line for line in HAND_WRITTEN.splitlines() if line != 'sources = ["acme-privacy"]'
    ]
    assert all(line in text.splitlines() for line in kept_lines)  # comments and layout survive
    record = load_catalog(with_hand_written, use_cache=False).by_id["acme-data"]
    assert record.quality == "verified"
    assert record.last_verified == dt.date(2025, 1, 15)
    assert record.contacts.email == "privacy@acme.example.org"  # not the filing's legal@
    assert [r.registry_id for r in record.legal.registries] == ["350001"]
    assert record.legal.disclosures.minors == "yes"
    assert {s.topic for s in record.legal.statements} >= {"opt_out_method", "cannot_opt_out"}
    assert record.opt_out is not None
    assert [m.url for m in record.opt_out.methods] == ["https://acme.example.org/optout"]
    assert any("contacts.email kept" in n for n in report.notes)


def test_fcra_on_a_hand_written_record_is_only_filled_when_unknown(
    with_hand_written: Path, tmp_path: Path
) -> None:
    csv_path = cppa_file(tmp_path / "cppa.csv", cppa_row("Acme Data LLC"))
    report = import_registry("ca-cppa", csv_path, with_hand_written, today=TODAY, dry_run=False)
    record = load_catalog(with_hand_written, use_cache=False).by_id["acme-data"]
    assert record.legal.fcra == "no"  # the filing says Yes; the hand-written "no" stays
    assert record.legal.glba == "no"  # was unknown, filled
    assert any("legal.fcra kept 'no'" in n for n in report.notes)


def test_rerun_is_byte_identical_even_on_a_later_day(
    with_hand_written: Path, tmp_path: Path
) -> None:
    csv_path = vt_file(
        tmp_path / "vt.csv", vt_row("Acme Data LLC", "350001"), vt_row("Other Broker Co", "2")
    )
    import_registry("vt", csv_path, with_hand_written, today=TODAY, dry_run=False)
    before = snapshot(with_hand_written)
    later = TODAY + dt.timedelta(days=3)
    report = import_registry("vt", csv_path, with_hand_written, today=later, dry_run=False)
    assert not report.new
    assert not report.changed
    assert sorted(report.unchanged) == ["acme-data", "other-broker"]
    assert snapshot(with_hand_written) == before


def test_dry_run_writes_nothing_and_renders_a_diff(with_hand_written: Path, tmp_path: Path) -> None:
    csv_path = vt_file(
        tmp_path / "vt.csv", vt_row("Acme Data LLC", "350001"), vt_row("Newco Data", "7")
    )
    before = snapshot(with_hand_written)
    report = import_registry("vt", csv_path, with_hand_written, today=TODAY, dry_run=True)
    assert snapshot(with_hand_written) == before
    assert [c.broker_id for c in report.new] == ["newco-data"]
    rendered = report.render(diff=True)
    assert "dry run, nothing written" in rendered
    assert "+++ b/brokers/newco-data.toml" in rendered
    assert '+registry_id = "350001"' in rendered


def test_a_later_filing_updates_an_imported_record_and_reports_the_change(
    catalog_root: Path, tmp_path: Path
) -> None:
    first = vt_file(tmp_path / "a.csv", vt_row("Acme Data LLC", "350001", **{vt.MINORS: "No"}))
    import_registry("vt", first, catalog_root, today=TODAY, dry_run=False)
    second = vt_file(tmp_path / "b.csv", vt_row("Acme Data LLC", "350001", **{vt.MINORS: "Yes"}))
    later = TODAY + dt.timedelta(days=1)
    report = import_registry("vt", second, catalog_root, today=later, dry_run=False)
    (change,) = report.changed
    shown = [str(c) for c in change.changes]
    assert "~ legal.disclosures.minors: 'no' -> 'yes'" in shown
    assert "~ last_verified: '2025-06-01' -> '2025-06-02'" in shown


def test_a_newer_filing_wins_and_an_older_one_only_fills_gaps(
    catalog_root: Path, tmp_path: Path
) -> None:
    cppa = cppa_file(tmp_path / "c.csv", cppa_row("Acme Data LLC", **{ca_cppa.MINORS: "No"}))
    import_registry("ca-cppa", cppa, catalog_root, today=TODAY, dry_run=False)
    older = vt_file(tmp_path / "v.csv", vt_row("Acme Data LLC", "350001", **{vt.MINORS: "Yes"}))
    report = import_registry("vt", older, catalog_root, today=TODAY, dry_run=False)
    record = load_catalog(catalog_root, use_cache=False).by_id["acme-data"]
    assert record.legal.disclosures.minors == "no"
    assert any("a newer filing is on the record" in n for n in report.notes)
    assert {r.state for r in record.legal.registries} == {"CA", "VT"}


@pytest.mark.parametrize(
    ("incoming", "rule"),
    [
        ("ACME DATA, INC.", "name"),
        ("AcmeSearch", "brand"),
        ("Acme Analytics Corp", "domain"),
    ],
)
def test_filings_match_existing_records_by_name_brand_or_domain(
    with_hand_written: Path, tmp_path: Path, incoming: str, rule: str
) -> None:
    csv_path = vt_file(tmp_path / "vt.csv", vt_row(incoming, "350001"))
    report = import_registry("vt", csv_path, with_hand_written, today=TODAY, dry_run=True)
    assert [c.broker_id for c in report.changed] == ["acme-data"]
    assert not report.new
    if rule != "name":
        assert any(f"(same {rule})" in n for n in report.notes)


def test_a_shared_domain_without_a_shared_word_is_not_a_match(
    with_hand_written: Path, tmp_path: Path
) -> None:
    csv_path = vt_file(tmp_path / "vt.csv", vt_row("Zenith Partners LLC", "350001"))
    report = import_registry("vt", csv_path, with_hand_written, today=TODAY, dry_run=True)
    assert [c.broker_id for c in report.new] == ["zenith-partners"]


def test_registrants_sharing_a_website_in_one_file_stay_separate(
    catalog_root: Path, tmp_path: Path
) -> None:
    rows = [
        cppa_row("Trans Union LLC", **{ca_cppa.WEBSITE: "https://www.transunion.com"}),
        cppa_row("TransUnion Digital LLC", **{ca_cppa.WEBSITE: "https://www.transunion.com"}),
    ]
    csv_path = cppa_file(tmp_path / "c.csv", *rows)
    import_registry("ca-cppa", csv_path, catalog_root, today=TODAY, dry_run=False)
    catalog = load_catalog(catalog_root, use_cache=False)
    assert sorted(catalog.by_id) == ["trans-union", "transunion-digital"]
    assert catalog.by_id["transunion-digital"].parent == "trans-union"


def test_id_collisions_get_a_deterministic_suffix(catalog_root: Path, tmp_path: Path) -> None:
    existing = HAND_WRITTEN.replace('name = "Acme Data LLC"', 'name = "Acme Data Holdings"')
    existing = existing.replace('brands = ["AcmeSearch"]  # storefront', "")
    existing = existing.replace("acme.example.org", "acme-holdings.example.net")
    (catalog_root / "brokers" / "acme-data.toml").write_text(existing, encoding="utf-8")
    csv_path = vt_file(tmp_path / "vt.csv", vt_row("Acme Data LLC", "350001"))
    report = import_registry("vt", csv_path, catalog_root, today=TODAY, dry_run=False)
    assert [c.broker_id for c in report.new] == ["acme-data-2"]


def test_opt_out_page_and_hiding_flag(catalog_root: Path, tmp_path: Path) -> None:
    row = {
        opt_out_pages.NAME: "Acme Data LLC",
        opt_out_pages.URL_FINAL: "https://acme.example.org/optout",
        opt_out_pages.STATUS: "success",
        opt_out_pages.HIDING: "TRUE",
        opt_out_pages.MINORS: "FALSE",
        opt_out_pages.LOCATION: "TRUE",
        opt_out_pages.REPRODUCTIVE: "FALSE",
    }
    csv_path = write_csv(tmp_path / "pages.csv", opt_out_pages.COLUMNS, [row])
    report = import_registry("opt-out-pages", csv_path, catalog_root, today=TODAY, dry_run=False)
    record = load_catalog(catalog_root, use_cache=False).by_id["acme-data"]
    assert record.opt_out is not None
    assert record.opt_out.methods[0].url == "https://acme.example.org/optout"
    assert record.legal.disclosures.precise_geolocation == "yes"
    hidden = [h for h in report.held_back if h.field.endswith("hidden_from_search")]
    assert [(h.broker_id, h.value) for h in hidden] == [("acme-data", "yes")]
    data = tomllib.loads((catalog_root / "brokers" / "acme-data.toml").read_text("utf-8"))
    assert "hidden" not in str(data)

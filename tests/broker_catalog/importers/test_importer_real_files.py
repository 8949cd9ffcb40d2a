"""The four real registry files: broker counts after de-duplication and known rows.

Counts (rows -> brokers): CPPA 2025 535 -> 532 (Compact Information Systems, LLC files four
rows, one per DBA); AG 2020-21 402 -> 401 (KnowWho listed twice); Vermont 2021 278 -> 224 (54
renewals: an expired and an active registration of one company); opt-out pages 499 -> 499.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from broker_catalog import load_catalog
from broker_catalog.catalog import Catalog
from broker_catalog.importers import import_registry, parse_registry
from tests.broker_catalog.importers.support import TODAY, make_catalog, registry_file, snapshot

FILES = {
    "ca-cppa": ("ca-cppa-registry-2025.csv", 535, 532),
    "ca-ag": ("ca-ag-registry-2020-2021.csv", 402, 401),
    "vt": ("vt-registry-2021.csv", 278, 224),
    "opt-out-pages": ("ca-opt-out-pages-2025.csv", 499, 499),
}
ORDER = ("ca-cppa", "opt-out-pages", "vt", "ca-ag")
#: The four files imported in ORDER into an empty catalog (see test_all_four_files_merge).
MERGED_TOTAL = 802


@pytest.mark.parametrize("fmt", list(FILES))
def test_each_file_parses_to_its_documented_broker_count(registries: Path, fmt: str) -> None:
    name, rows, brokers = FILES[fmt]
    parsed = parse_registry(fmt, registry_file(registries, name), today=TODAY)
    assert parsed.rows_read == rows
    assert len(parsed.filings) == brokers
    assert not [p for p in parsed.problems if p.skipped]


@pytest.mark.parametrize("fmt", list(FILES))
def test_each_file_alone_imports_to_that_many_records(
    registries: Path, tmp_path: Path, fmt: str
) -> None:
    name, _, brokers = FILES[fmt]
    root = make_catalog(tmp_path / "catalog")
    report = import_registry(fmt, registry_file(registries, name), root, today=TODAY, dry_run=False)
    assert len(report.new) == brokers == report.brokers_in_file
    assert len(load_catalog(root, use_cache=False)) == brokers


@pytest.fixture(scope="module")
def merged(registries: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_catalog(tmp_path_factory.mktemp("merged") / "catalog")
    for fmt in ORDER:
        path = registry_file(registries, FILES[fmt][0])
        import_registry(fmt, path, root, today=TODAY, dry_run=False)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def catalog(merged: Path) -> Catalog:
    return load_catalog(merged, use_cache=False)


def test_all_four_files_merge_into_one_catalog(catalog: Catalog) -> None:
    assert len(catalog) == MERGED_TOTAL


def test_vermont_registration_ids_and_statements(catalog: Catalog) -> None:
    acxiom = catalog.by_id["acxiom"]
    vt = [r for r in acxiom.legal.registries if r.state == "VT"]
    assert [(r.registry_id, r.year, r.source) for r in vt] == [("352752", 2021, "vt-registry-2021")]
    topics = {s.topic for s in acxiom.legal.statements if s.state == "VT"}
    assert {"opt_out_method", "third_party_opt_out", "cannot_opt_out", "minors"} <= topics
    assert any(r.state == "CA" and r.registry_id == "unknown" for r in acxiom.legal.registries)


def test_vermont_renewals_keep_the_active_registration(catalog: Catalog) -> None:
    spokeo = catalog.by_id["spokeo"]
    ids = [r.registry_id for r in spokeo.legal.registries if r.state == "VT"]
    assert ids == ["367445"]  # the active one; 352267 (expired) is reported in the notes


def test_cppa_flags_disclosures_and_metrics(catalog: Catalog) -> None:
    explorium = catalog.by_id["explorium"]
    assert explorium.website == "https://www.explorium.ai/"
    assert explorium.contacts.email == "privacy@explorium.ai"
    assert explorium.contacts.privacy_url == "https://www.explorium.ai/platform-privacy-policy/"
    assert (explorium.legal.fcra, explorium.legal.glba, explorium.legal.hipaa) == ("no",) * 3
    assert explorium.legal.disclosures.minors == "no"
    delete = next(m for m in explorium.legal.metrics if m.kind == "delete")
    assert (delete.year, delete.received, delete.complied, delete.denied) == (2023, 10, 10, 0)
    assert delete.median_days == 5
    trans_union = catalog.by_id["trans-union"]
    assert trans_union.legal.fcra == "yes"


def test_one_registrant_filing_several_rows_is_one_record(catalog: Catalog) -> None:
    compact = catalog.by_id["compact-information-systems"]
    assert {"AccuData Integrated Marketing", "ASL Marketing", "Deep Sync", "HomeData"} <= set(
        compact.brands
    )
    # Vermont's AccuData and ASL Marketing registrations land on the same record (by trade name)
    vt_ids = {r.registry_id for r in compact.legal.registries if r.state == "VT"}
    assert "353027" in vt_ids  # ACCUDATA INTEGRATED MARKETING, INC.
    assert len(vt_ids) >= 2


def test_corporate_families_stay_separate_records_linked_by_parent(catalog: Catalog) -> None:
    members = ["transunion-digital", "trans-union-content-solutions", "tru-optik-data", "neustar"]
    for member in members:
        assert catalog.by_id[member].parent == "trans-union"
    assert catalog.by_id["exelate"].parent == "nielsen"
    assert catalog.by_id["lexisnexis-risk-solutions-fl"].parent == "lexisnexis-risk-solutions"


def test_ag_emails_are_de_obfuscated_and_prose_kept(catalog: Catalog) -> None:
    allant = catalog.by_id["allant-group"]
    assert allant.contacts.email == "privacy@allantgroup.com"
    assert allant.contacts.address == (
        "2655 Warrenville Rd",
        "Suite 200",
        "Downers Grover, IL 60515",
        "United States",
    )
    prose = [s for s in allant.legal.statements if s.topic == "opt_out_method"]
    assert prose
    assert prose[0].source == "ca-ag-registry-2021"
    assert any(r.state == "CA" and r.year == 2020 for r in allant.legal.registries)


def test_opt_out_pages_become_web_form_methods(catalog: Catalog) -> None:
    m1 = catalog.by_id["m1-data-and-analytics"]
    assert m1.opt_out is not None
    assert m1.opt_out.available == "unknown"
    assert [m.url for m in m1.opt_out.methods] == ["https://m1-data.com/disclosures/"]
    # a page shared by several registrants reaches the ones listed with it
    assert catalog.by_id["transunion-digital"].opt_out is not None


def test_every_record_cites_the_registry_exactly_as_specified(catalog: Catalog) -> None:
    for broker in catalog.brokers:
        for source in broker.sources:
            if source.id == "vt-registry-2021":
                assert source.publisher == "Vermont Secretary of State"
                assert source.title == "Data Broker Registry (2021 filings)"
        assert broker.quality == "imported"
        assert broker.last_verified == TODAY


def test_reimporting_every_file_is_byte_identical(registries: Path, merged: Path) -> None:
    before = snapshot(merged)
    for fmt in ORDER:
        path = registry_file(registries, FILES[fmt][0])
        report = import_registry(fmt, path, merged, today=TODAY, dry_run=False)
        assert not report.new
        assert not report.changed
    assert snapshot(merged) == before


def test_written_files_are_plain_toml(merged: Path) -> None:
    text = (merged / "brokers" / "acxiom.toml").read_text(encoding="utf-8")
    assert text.startswith("# Imported from Data Broker Registry (2025 filings)")
    assert tomllib.loads(text)["id"] == "acxiom"

"""Wrong files fail loudly before anything is written; bad rows are reported, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_catalog import load_catalog
from broker_catalog.errors import CatalogError, UserFacingError
from broker_catalog.importers import ca_ag, import_registry, parse_registry, vt
from tests.broker_catalog.importers.support import TODAY, snapshot, write_csv


def good_vt_row(name: str = "Acme Data LLC") -> dict[str, str]:
    return {vt.NAME: name, vt.REGISTRATION_ID: "350001", vt.STATUS: "ACTIVE"}


def test_wrong_header_names_the_expected_column(tmp_path: Path, catalog_root: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["Company", "Email"], [{"Company": "Acme"}])
    with pytest.raises(CatalogError, match=r"no header row found.*'Data Broker Name:'"):
        import_registry("vt", path, catalog_root, today=TODAY, dry_run=True)


def test_a_file_of_another_format_is_refused(tmp_path: Path, catalog_root: Path) -> None:
    path = write_csv(tmp_path / "ag.csv", ca_ag.COLUMNS, [{ca_ag.NAME: "Acme"}])
    with pytest.raises(CatalogError, match="no header row found"):
        import_registry("vt", path, catalog_root, today=TODAY, dry_run=True)


def test_missing_columns_are_listed_with_the_header_row(tmp_path: Path) -> None:
    columns = [c for c in vt.COLUMNS if c not in (vt.EMAIL, vt.MINORS)]
    path = write_csv(tmp_path / "vt.csv", columns, [])
    with pytest.raises(CatalogError) as caught:
        parse_registry("vt", path, today=TODAY)
    message = caught.value.message
    assert "row 1" in message
    assert "missing column 'Email Address:'" in message
    assert "7. Does the data broker have actual knowledge" in message


def test_a_truncated_last_row_names_row_and_column(tmp_path: Path, catalog_root: Path) -> None:
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [good_vt_row(), good_vt_row("Other")])
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("Other") + 5] + ",123\n", encoding="utf-8")
    before = snapshot(catalog_root)
    with pytest.raises(CatalogError, match=r"row 3.*truncated.*2 of 18 columns.*'Status:'"):
        import_registry("vt", path, catalog_root, today=TODAY, dry_run=False)
    assert snapshot(catalog_root) == before


def test_a_file_cut_inside_a_quoted_cell_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [good_vt_row()])
    path.write_text(path.read_text(encoding="utf-8") + '"Cut, "in the middle', encoding="utf-8")
    with pytest.raises(CatalogError, match="row 3"):
        parse_registry("vt", path, today=TODAY)


def test_not_utf8_and_empty_files_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Data Broker Name:\nSoci\xe9t\xe9\n".encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        parse_registry("vt", latin, today=TODAY)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CatalogError, match="empty"):
        parse_registry("vt", empty, today=TODAY)


def test_unknown_format_and_future_dates_are_user_errors(
    tmp_path: Path, catalog_root: Path
) -> None:
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [good_vt_row()])
    with pytest.raises(UserFacingError, match=r"unknown registry format 'oregon'"):
        import_registry("oregon", path, catalog_root, today=TODAY, dry_run=True)
    with pytest.raises(UserFacingError, match="in the future"):
        import_registry("vt", path, catalog_root, today=TODAY.replace(year=2999), dry_run=True)


def test_bad_rows_are_reported_and_skipped_visibly(tmp_path: Path, catalog_root: Path) -> None:
    rows = [
        good_vt_row(),
        {vt.NAME: "   ", vt.EMAIL: "someone@example.org"},
        {vt.NAME: "X" * 5000},
        good_vt_row("Bad Cells Inc") | {vt.EMAIL: "nobody", vt.WEBSITE: "javascript:alert(1)"},
        {},
    ]
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, rows)
    report = import_registry("vt", path, catalog_root, today=TODAY, dry_run=False)
    assert sorted(c.broker_id for c in report.new) == ["acme-data", "bad-cells"]
    assert report.skipped_rows == (3, 4, 6)
    lines = report.render().splitlines()
    assert any(
        "row 3, column 'Data Broker Name:'" in line and "row skipped" in line for line in lines
    )
    assert any("row 4, column 'name'" in line and "at most 4000" in line for line in lines)
    assert any(
        "row 5, column 'Email Address:'" in line and "left unknown" in line for line in lines
    )
    assert any("row 5, column 'Primary Internet Address:'" in line for line in lines)
    assert any("row 6" in line and "an empty row" in line for line in lines)


def test_hostile_values_are_stored_as_inert_text(tmp_path: Path, catalog_root: Path) -> None:
    hostile = 'Evil """ \\ \x1b[31m\u202e <script>alert(1)</script>\n[section]\nid = "x"'
    row = good_vt_row("Hostile Data LLC") | {vt.CANNOT: hostile, vt.ADDITIONAL: "'''\n\"\"\""}
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [row])
    import_registry("vt", path, catalog_root, today=TODAY, dry_run=False)
    record = load_catalog(catalog_root, use_cache=False).by_id["hostile-data"]
    (cannot,) = [s.text for s in record.legal.statements if s.topic == "cannot_opt_out"]
    assert cannot == 'Evil """ \\ [31m <script>alert(1)</script>\n[section]\nid = "x"'
    assert record.id == "hostile-data"


def test_a_broken_catalog_is_refused_before_importing(tmp_path: Path, catalog_root: Path) -> None:
    (catalog_root / "brokers" / "broken.toml").write_text("id = 'broken'\n", encoding="utf-8")
    path = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [good_vt_row()])
    with pytest.raises(CatalogError, match=r"broken\.toml"):
        import_registry("vt", path, catalog_root, today=TODAY, dry_run=False)
    assert not (catalog_root / "brokers" / "acme-data.toml").exists()

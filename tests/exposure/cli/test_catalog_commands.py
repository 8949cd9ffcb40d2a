"""`exposure catalog …` does what the docs say: JSON for scripts, plain errors for people."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exposure.cli.main import main

MALFORMED = Path(__file__).parents[2] / "broker_catalog" / "fixtures" / "malformed"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_prints_every_broker(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    code, out, _ = run(capsys, "--catalog", str(minimal_catalog), "catalog", "list")
    assert code == 0
    assert "valid-broker" in out
    assert "Valid Broker Example LLC" in out


def test_list_json_has_the_documented_fields(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    code, out, _ = run(capsys, "--catalog", str(minimal_catalog), "catalog", "list", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row == {
        "id": "valid-broker",
        "name": "Valid Broker Example LLC",
        "brands": ["ValidSearch"],
        "parent": None,
        "status": "active",
        "quality": "verified",
        "last_verified": "2026-01-15",
        "categories": ["utility-telecom"],
        "opt_out": "yes",
        "registries": ["VT"],
        "government_ties": 1,
    }


def test_list_filters_by_category(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    base = ("--catalog", str(minimal_catalog), "catalog", "list", "--json", "--category")
    assert json.loads(run(capsys, *base, "people-search")[1]) == []
    assert len(json.loads(run(capsys, *base, "utility-telecom")[1])) == 1


def test_an_unknown_category_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    code, out, err = run(
        capsys, "--catalog", str(minimal_catalog), "catalog", "list", "--category", "nope"
    )
    assert code == 1
    assert out == ""
    assert err.startswith("exposure: unknown category 'nope'; known categories: utility-telecom")
    assert "Traceback" not in err


def test_show_finds_a_broker_by_brand(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    code, out, _ = run(capsys, "--catalog", str(minimal_catalog), "catalog", "show", "validsearch")
    assert code == 0
    assert "Valid Broker Example LLC  [valid-broker]" in out
    assert "web form: https://valid-broker.example.org/optout" in out
    assert "A fictional agency (2021-02, $1,000)" in out


def test_show_json_is_the_full_record(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    _code, out, _ = run(
        capsys, "--catalog", str(minimal_catalog), "catalog", "show", "valid-broker", "--json"
    )
    record = json.loads(out)
    assert record["opt_out"]["methods"][0]["url"] == "https://valid-broker.example.org/optout"
    assert record["holdings"][0]["triggers"][0] == {
        "fact": "utility_electric", "values": ["yes"], "gives": "likely"
    }  # fmt: skip


def test_show_an_unknown_broker(capsys: pytest.CaptureFixture[str], minimal_catalog: Path) -> None:
    code, _, err = run(capsys, "--catalog", str(minimal_catalog), "catalog", "show", "nobody")
    assert code == 1
    assert "no broker 'nobody' in the catalog" in err


def test_show_strips_terminal_control_sequences(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    path = minimal_catalog / "brokers" / "valid-broker.toml"
    hostile = 'summary = "Evil \\u001b]0;pwned\\u0007 title \\u202e reversed"'
    path.write_text(
        path.read_text().replace('summary = "A fictional', hostile + '\n# "A fictional')
    )
    code, out, _ = run(capsys, "--catalog", str(minimal_catalog), "catalog", "show", "valid-broker")
    assert code == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out
    assert "Evil ]0;pwned title  reversed" in out


def test_stats_json_counts(capsys: pytest.CaptureFixture[str], minimal_catalog: Path) -> None:
    _code, out, _ = run(capsys, "--catalog", str(minimal_catalog), "catalog", "stats", "--json")
    data = json.loads(out)
    assert data["brokers"] == 1
    assert data["by_category"]["utility-telecom"] == 1
    assert data["by_category"]["people-search"] == 0
    assert data["by_quality"] == {"tested": 0, "verified": 1, "imported": 0, "scraped": 0}
    assert data["by_registry"] == {"CA": 0, "VT": 1, "OR": 0, "TX": 0}
    assert data["by_opt_out"] == {"yes": 1, "partial": 0, "no": 0, "unknown": 0}
    assert data["with_government_ties"] == 1
    assert data["with_immigration_ties"] == 1


def test_stats_on_the_shipped_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "stats")
    assert code == 0
    assert "By data category:" in out


def test_validate_reports_every_problem_and_fails(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path
) -> None:
    for name in ("bad-url.toml", "future-date.toml"):
        shutil.copy(MALFORMED / name, minimal_catalog / "brokers" / name)
    code, out, err = run(capsys, "catalog", "validate", str(minimal_catalog))
    assert code == 1
    assert out == ""
    assert "bad-url.toml:17: sources[1].url: expected an https:// URL" in err
    assert "future-date.toml:7: last_verified: date 2999-01-01 is in the future" in err
    assert "Traceback" not in err


def test_validate_a_good_catalog(capsys: pytest.CaptureFixture[str], minimal_catalog: Path) -> None:
    code, out, _ = run(capsys, "catalog", "validate", str(minimal_catalog))
    assert code == 0
    assert out.startswith("ok: 1 brokers, 12 categories")


def test_debug_shows_the_traceback(minimal_catalog: Path) -> None:
    shutil.copy(MALFORMED / "bad-url.toml", minimal_catalog / "brokers" / "bad-url.toml")
    from broker_catalog import CatalogError

    with pytest.raises(CatalogError):
        main(["--debug", "catalog", "validate", str(minimal_catalog)])


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "schema")
    assert code == 0
    assert json.loads(out)["title"] == "Broker"


def test_catalog_env_variable_selects_the_catalog(
    capsys: pytest.CaptureFixture[str], minimal_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPOSURE_CATALOG", str(minimal_catalog))
    _code, out, _ = run(capsys, "catalog", "list", "--json")
    assert [row["id"] for row in json.loads(out)] == ["valid-broker"]

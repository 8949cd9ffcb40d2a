"""`exposure catalog freshness`: the command around broker_catalog.freshness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exposure.cli.main import main


def test_the_command_prints_json(minimal_catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--catalog", str(minimal_catalog), "catalog", "freshness", "--since", "2026-01-15"]
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since"] == "2026-01-15"
    assert data["records"]["researched"] == 1
    assert data["records"]["in_pass"] == 1
    assert data["records"]["not_in_pass"] == []
    assert set(data["records"]["by_check_age"]) == set(data["bands"])
    assert data["contacts"]["registry_only"] == [
        {"broker": "valid-broker", "where": "contacts.email"}
    ]


def test_the_text_names_what_was_not_rechecked(
    minimal_catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--catalog", str(minimal_catalog), "catalog", "freshness", "--since", "2026-02-01"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "0 of 1 researched records reviewed" in out
    assert "Records not reviewed in this pass (1):\n  valid-broker" in out
    assert "valid-broker holdings[0]" in out


def test_a_bad_since_date_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["catalog", "freshness", "--since", "12/06/2026"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--since: expected a date like" in err
    assert "Traceback" not in err

"""`exposure profile …` with the real Secret Service holding the vault key."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from exposure.cli.main import main
from exposure.vault.store import Vault


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_asks_every_question_and_saves_encrypted(
    real_keyring: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Answer "?" (I don't know) to everything except the first two questions.
    replies = ["NM", "none"] + ["?"] * 40
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(replies) + "\n"))
    code, out, _ = run(capsys, "profile", "init")
    assert code == 0
    assert "Why we ask:" in out
    assert "Saved in the vault" in out
    vault = Path(os.environ["EXPOSURE_VAULT"])
    assert Vault.exists(vault)
    assert b"NM" not in (vault / "profile.sealed").read_bytes()
    code, out, _ = run(capsys, "profile", "show", "--json")
    facts = json.loads(out)["facts"]
    assert facts["state"] == "NM"
    assert facts["past_states"] == []
    assert facts["utility_electric"] == "unknown"


def test_import_edit_export_and_wipe(
    real_keyring: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.toml"
    source.write_text(
        '[facts]\nstate = "TX"\nutility_gas = "no"\n[identity]\nfull_name = "Fictional Person"\n'
    )
    code, out, _ = run(capsys, "profile", "import", str(source))
    assert code == 0
    assert "delete it now" in out
    assert run(capsys, "profile", "edit", "utility_gas=yes", "social_media_public=x,tiktok")[0] == 0
    code, out, _ = run(capsys, "profile", "export", "--out", str(tmp_path / "out.json"))
    exported = json.loads((tmp_path / "out.json").read_text())
    assert exported["facts"]["utility_gas"] == "yes"
    assert exported["facts"]["social_media_public"] == ["x", "tiktok"]
    assert "identity" not in exported, "identity stays in the vault unless asked for"
    run(capsys, "profile", "export", "--out", str(tmp_path / "all.toml"), "--with-identity")
    assert "Fictional Person" in (tmp_path / "all.toml").read_text()
    code, out, _ = run(capsys, "audit", "--json")
    assert code == 0, "a bare audit uses the saved profile"
    code, out, _ = run(capsys, "profile", "wipe", "--yes")
    assert out.strip() == "Vault deleted."
    assert not Path(os.environ["EXPOSURE_VAULT"]).exists()


def test_edit_rejects_unknown_facts_and_answers(
    real_keyring: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"facts": {"state": "TX"}}')
    run(capsys, "profile", "import", str(source))
    code, _, err = run(capsys, "profile", "edit", "boat=yes")
    assert code == 1
    assert "boat is not FACT=VALUE with a known fact" in err
    code, _, err = run(capsys, "profile", "edit", "utility_gas=maybe")
    assert code == 1
    assert "utility_gas: the answer is not one of: no, yes (or unknown)" in err
    assert "maybe" not in err


def test_wipe_without_a_terminal_needs_yes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "profile", "wipe")
    assert code == 1
    assert "add --yes" in err


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "profile", "schema")
    assert code == 0
    assert json.loads(out)["title"] == "Profile"

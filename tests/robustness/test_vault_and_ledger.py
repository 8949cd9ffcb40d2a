"""Damaged vault and ledger files: a clear refusal naming the file, and nothing else lost.

A vault and a ledger are made through the real CLI (the key in a real gnome-keyring), then one
file is damaged: bits flipped, cut short, a ledger from a newer exposure, a wrong key. Every
command that reads it must refuse in one sentence naming the file, leave the damaged file
exactly as it was (opening is never a reason to write), and leave every other file alone.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.harness import assert_clear, assert_refused, run, snapshot

BROKER = "clearview-ai"  # has a route for the demo profile


_TEMPLATE: dict[str, Path] = {}


@pytest.fixture
def vault(real_keyring: Any, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault with a profile and one recorded request; made once, copied for each test (its
    key stays in the session's keyring, so every copy opens)."""
    path = Path(os.environ["EXPOSURE_VAULT"])
    if "vault" not in _TEMPLATE:
        profile = tmp_path / "me.json"
        profile.write_text('{"facts": {"state": "TX", "utility_gas": "no"}}')
        assert run("profile", "import", profile).code == 0
        out = tmp_path / "letters"
        answer = run("letters", "--demo", "--broker", BROKER, "--record", "--out", out)
        assert answer.code == 0, answer.err
        db = sqlite3.connect(path / "ledger.sqlite3")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
        db.close()
        _TEMPLATE["vault"] = tmp_path_factory.mktemp("vault-template") / "vault"
        shutil.copytree(path, _TEMPLATE["vault"])
    else:
        shutil.copytree(_TEMPLATE["vault"], path)
    return path


def kept(vault: Path) -> dict[str, tuple[int, str]]:
    """The vault's files, less SQLite's shared-memory index and an empty write-ahead log,
    which come and go with every connection and hold no data."""
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    return {
        name: entry
        for name, entry in snapshot(vault).items()
        if not name.endswith("-shm") and not (name.endswith("-wal") and entry[1] == empty)
    }


def flip(offset: int) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        at = offset % len(data)
        return data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1 :]

    return damage


def cut(keep: float) -> Callable[[bytes], bytes]:
    return lambda data: data[: int(len(data) * keep)]


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "flip-early": flip(20),
    "flip-middle": flip(-len(b"x") * 200),
    "flip-last": flip(-1),
    "cut-half": cut(0.5),
    "cut-to-one-byte": cut(0.0001),
    "emptied": cut(0),
    "garbage": lambda data: b"\xff\xfe not a vault file \x00" * 10,
}

READERS: dict[str, list[tuple[str, ...]]] = {
    "profile.sealed": [("profile", "show"), ("audit",), ("profile", "export", "--out", "x.json")],
    "vault.json": [("profile", "show"), ("requests", "list")],
    "ledger.sqlite3": [
        ("requests", "list"),
        ("requests", "show", "1"),
        ("requests", "export", "--csv"),
    ],
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
@pytest.mark.parametrize("name", READERS, ids=list(READERS))
def test_a_damaged_file_is_refused_and_left_alone(
    vault: Path, tmp_path: Path, name: str, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    undamaged = {argv: run(*argv) for argv in READERS[name]}
    target = vault / name
    target.write_bytes(DAMAGE[damage](target.read_bytes()))
    before = kept(vault)
    for argv in READERS[name]:
        answer = run(*argv)
        assert_clear(answer, vault)
        if answer.code == 0:
            # Only a flipped bit in a database page's unused space can pass unnoticed, and
            # then because it changed nothing: what is shown must be exactly as before.
            assert name == "ledger.sqlite3", f"{argv}: accepted a damaged {name}"
            assert answer.out == undamaged[argv].out, f"{argv}: showed damaged data"
        assert kept(vault) == before, f"{argv} changed the vault"


def test_a_ledger_from_a_newer_exposure(vault: Path) -> None:
    db = sqlite3.connect(vault / "ledger.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = kept(vault)
    answer = run("requests", "list")
    assert_refused(answer, "ledger.sqlite3", "newer")
    assert kept(vault) == before


@pytest.fixture
def stored_key(vault: Path, real_keyring: Any) -> Iterator[Callable[[str], None]]:
    """Replace the vault's key in the keyring for one test; the real one is put back after
    (the vault template's copies share it)."""
    import json

    name = f"vault-key:{json.loads((vault / 'vault.json').read_text())['vault_id']}"
    original = real_keyring.get_password("exposure", name)
    yield lambda value: real_keyring.set_password("exposure", name, value)
    real_keyring.set_password("exposure", name, original)


def test_a_wrong_key_in_the_keyring(vault: Path, stored_key: Callable[[str], None]) -> None:
    import base64

    stored_key(base64.b64encode(b"k" * 32).decode())
    before = kept(vault)
    for argv in (("profile", "show"), ("requests", "list")):
        assert_refused(run(*argv), "does not open this vault")
        assert kept(vault) == before


def test_a_damaged_key_in_the_keyring(vault: Path, stored_key: Callable[[str], None]) -> None:
    stored_key("not base64 at all!")
    before = kept(vault)
    assert_refused(run("profile", "show"), "keyring")
    assert kept(vault) == before


def test_a_missing_vault_json_does_not_start_a_new_vault_over_the_old(
    vault: Path, tmp_path: Path
) -> None:
    (vault / "vault.json").unlink()
    before = kept(vault)
    profile = tmp_path / "new.json"
    profile.write_text('{"facts": {"state": "NM"}}')
    assert_refused(run("profile", "import", profile), vault / "vault.json")
    assert kept(vault) == before

"""`exposure doctor` reports versions, keyring, fonts and paths; insecure keyrings count as none."""

from __future__ import annotations

import json

import pytest
from keyring.backends import fail, null

from exposure.cli.main import main
from exposure.vault.keyring_backend import classify


def test_doctor_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"python", "platform", "packages", "keyring", "fonts", "paths"}
    assert data["packages"]["pydantic"].startswith("2.")
    assert set(data["paths"]) == {"catalog", "catalog_cache", "vault"}


def test_doctor_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "keyring" in out
    assert "vault" in out


UNUSABLE = [fail.Keyring(), null.Keyring()]  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("backend", UNUSABLE, ids=["fail", "null"])
def test_fail_and_null_keyrings_are_not_usable(backend: object) -> None:
    assert not classify(backend).usable


def test_a_plaintext_file_keyring_is_not_usable() -> None:
    # keyrings.alt's plaintext backend, as keyring would load it when that package is installed.
    plaintext = type("PlaintextKeyring", (), {"__module__": "keyrings.alt.file"})
    assert not classify(plaintext()).usable


def test_a_secret_service_keyring_is_usable() -> None:
    from keyring.backends import SecretService

    assert classify(SecretService.Keyring()).usable  # type: ignore[no-untyped-call]

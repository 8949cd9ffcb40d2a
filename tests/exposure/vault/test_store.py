"""The vault keeps personal data encrypted at rest, private on disk, and never falls back to
plaintext."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backends import fail

from exposure.vault.store import NO_KEYRING_NOTICE, Vault, VaultError, wipe

PASSPHRASE = "correct horse battery"  # noqa: S105 - a test passphrase


def _asker(*answers: str) -> tuple[list[str], Callable[[str], str]]:
    asked: list[str] = []
    queue = list(answers)

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return queue.pop(0)

    return asked, ask


def _passphrase_vault(path: Path) -> Vault:
    _, ask = _asker(PASSPHRASE, PASSPHRASE)
    notices: list[str] = []
    vault = Vault.open(path, keyring=fail.Keyring(), ask=ask, notify=notices.append, create=True)  # type: ignore[no-untyped-call]
    assert notices
    assert notices[0].startswith("No password store is available on this computer")
    assert "keyring." not in notices[0]  # words, never the backend's technical name
    return vault


def test_without_a_keyring_the_vault_uses_a_passphrase_and_says_why(tmp_path: Path) -> None:
    notices: list[str] = []
    asked, ask = _asker(PASSPHRASE, PASSPHRASE)
    vault = Vault.open(tmp_path / "v", keyring=None, ask=ask, notify=notices.append, create=True)
    assert vault.key_source == "passphrase"
    assert notices == [NO_KEYRING_NOTICE.format(backend="none")]
    assert asked == ["New vault passphrase: ", "Repeat the passphrase: "]


def test_documents_round_trip_and_are_not_plaintext_on_disk(tmp_path: Path) -> None:
    vault = _passphrase_vault(tmp_path / "v")
    secret = b"Marisol Ejemplo-Demo, 1200 Ficticia Lane"
    vault.write("profile", secret)
    for path in (tmp_path / "v").iterdir():
        assert secret not in path.read_bytes()
        assert b"Ficticia" not in path.read_bytes()
    _, ask = _asker(PASSPHRASE)
    reopened = Vault.open(tmp_path / "v", keyring=None, ask=ask, notify=print)
    assert reopened.read("profile") == secret
    assert reopened.read("ledger") is None


def test_files_are_0600_and_the_folder_0700(tmp_path: Path) -> None:
    vault = _passphrase_vault(tmp_path / "v")
    vault.write("profile", b"x")
    assert stat.S_IMODE((tmp_path / "v").stat().st_mode) == 0o700
    for path in (tmp_path / "v").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_wrong_passphrase_is_refused_clearly(tmp_path: Path) -> None:
    _passphrase_vault(tmp_path / "v").write("profile", b"x")
    _, ask = _asker("not the passphrase")
    with pytest.raises(VaultError, match="the passphrase does not open this vault"):
        Vault.open(tmp_path / "v", keyring=None, ask=ask, notify=print)


def test_mismatched_or_short_new_passphrases_save_nothing(tmp_path: Path) -> None:
    _, ask = _asker(PASSPHRASE, "something else")
    with pytest.raises(VaultError, match="differ"):
        Vault.open(tmp_path / "v", keyring=None, ask=ask, notify=print, create=True)
    _, ask = _asker("short", "short")
    with pytest.raises(VaultError, match="at least 8"):
        Vault.open(tmp_path / "w", keyring=None, ask=ask, notify=print, create=True)
    assert not Vault.exists(tmp_path / "v")
    assert not Vault.exists(tmp_path / "w")


def test_tampering_and_swapping_are_detected(tmp_path: Path) -> None:
    vault = _passphrase_vault(tmp_path / "v")
    vault.write("profile", b"the profile")
    vault.write("ledger", b"the ledger")
    sealed = (tmp_path / "v" / "profile.sealed").read_bytes()
    (tmp_path / "v" / "profile.sealed").write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))
    with pytest.raises(VaultError, match="cannot be decrypted"):
        vault.read("profile")
    (tmp_path / "v" / "profile.sealed").write_bytes((tmp_path / "v" / "ledger.sealed").read_bytes())
    with pytest.raises(VaultError, match="cannot be decrypted"):
        vault.read("profile")


def test_a_missing_vault_is_an_error_unless_creating(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="there is no vault"):
        Vault.open(tmp_path / "none", keyring=None, ask=input, notify=print)


def test_document_names_cannot_escape_the_vault(tmp_path: Path) -> None:
    vault = _passphrase_vault(tmp_path / "v")
    with pytest.raises(VaultError, match="invalid document name"):
        vault.write("../outside", b"x")
    assert not (tmp_path / "outside.sealed").exists()


def test_wipe_needs_no_passphrase(tmp_path: Path) -> None:
    _passphrase_vault(tmp_path / "v").write("profile", b"x")
    assert wipe(tmp_path / "v", None)
    assert not (tmp_path / "v").exists()
    assert not wipe(tmp_path / "v", None)

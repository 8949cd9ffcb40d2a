"""With a real Secret Service (gnome-keyring over D-Bus), the vault key lives in the keyring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exposure.vault.store import SERVICE, Vault, VaultError, wipe


def _never(prompt: str) -> str:
    raise AssertionError(f"no passphrase should be asked with a keyring ({prompt})")


def test_the_key_is_stored_in_and_read_from_the_keyring(real_keyring: Any, tmp_path: Path) -> None:
    notices: list[str] = []
    vault = Vault.open(
        tmp_path / "v", keyring=real_keyring, ask=_never, notify=notices.append, create=True
    )
    assert vault.key_source == "keyring"
    assert notices == []
    vault.write("profile", b"fictional profile")
    vault_id = (tmp_path / "v" / "vault.json").read_text().split('"vault_id": "')[1].split('"')[0]
    assert real_keyring.get_password(SERVICE, f"vault-key:{vault_id}")
    again = Vault.open(tmp_path / "v", keyring=real_keyring, ask=_never, notify=notices.append)
    assert again.read("profile") == b"fictional profile"


def test_wipe_removes_the_key_from_the_keyring(real_keyring: Any, tmp_path: Path) -> None:
    Vault.open(tmp_path / "v", keyring=real_keyring, ask=_never, notify=print, create=True)
    vault_id = (tmp_path / "v" / "vault.json").read_text().split('"vault_id": "')[1].split('"')[0]
    assert wipe(tmp_path / "v", real_keyring)
    assert real_keyring.get_password(SERVICE, f"vault-key:{vault_id}") is None


def test_a_keyring_vault_without_the_keyring_is_a_clear_error(
    real_keyring: Any, tmp_path: Path
) -> None:
    Vault.open(tmp_path / "v", keyring=real_keyring, ask=_never, notify=print, create=True)
    with pytest.raises(VaultError, match="no password store is available now"):
        Vault.open(tmp_path / "v", keyring=None, ask=_never, notify=print)

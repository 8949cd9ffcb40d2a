"""Opening the vault: the keyring when there is a secure one, a passphrase otherwise.

Surfaces differ only in how they ask for a passphrase (a terminal prompt, a modal dialog) and
how they show a notice; which backend to trust and how the vault opens is decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exposure.vault.store import Vault

Ask = Callable[[str], str]
Notify = Callable[[str], None]


def open_vault(path: Path, *, ask: Ask, notify: Notify, create: bool = False) -> Vault:
    from exposure.vault.keyring_backend import backend

    return Vault.open(path, keyring=backend(), ask=ask, notify=notify, create=create)


def has_vault(path: Path) -> bool:
    return Vault.exists(path)

"""A passphrase-protected vault and a ledger in it, for the ledger tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure.ledger.store import Ledger
from exposure.vault.store import Vault

PASSPHRASE = "correct horse battery"  # noqa: S105 - a test passphrase


def open_vault(path: Path, *, create: bool = False) -> Vault:
    answers = iter([PASSPHRASE, PASSPHRASE])
    return Vault.open(
        path, keyring=None, ask=lambda _: next(answers), notify=lambda _: None, create=create
    )


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return open_vault(tmp_path / "vault", create=True)


@pytest.fixture
def ledger(vault: Vault) -> Iterator[Ledger]:
    opened = Ledger.open(vault)
    yield opened
    opened.close()

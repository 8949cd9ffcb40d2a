"""Which OS keyring is in use, and whether it is one we may trust with the vault key.

keyring picks a backend by priority. With no Secret Service it falls back to one that fails on
every call, and an installed ``keyrings.alt`` silently outranks that with a plaintext file. A
plaintext or null backend is not a keyring for our purposes: the vault must then ask for a
passphrase, visibly, never fall back to storing its key in the clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class KeyringLike(Protocol):
    """The three calls the vault makes; any keyring backend provides them."""

    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


_UNTRUSTED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_UNTRUSTED_NAMES = ("PlaintextKeyring", "Windows.EncryptedKeyring", "UncryptedFileKeyring")


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    name: str
    usable: bool
    reason: str


def classify(backend: object) -> KeyringStatus:
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__qualname__}"
    if cls.__module__.startswith(_UNTRUSTED_MODULES) or cls.__qualname__ in _UNTRUSTED_NAMES:
        return KeyringStatus(name, False, "no secure keyring: a passphrase will be asked instead")
    if cls.__module__ == "keyring.backends.chainer":
        inner = [classify(b) for b in getattr(backend, "backends", ())]
        good = [s for s in inner if s.usable]
        if good:
            return KeyringStatus(name, True, f"via {good[0].name}")
        return KeyringStatus(name, False, "no secure keyring: a passphrase will be asked instead")
    return KeyringStatus(name, True, "secure OS keyring")


def current() -> KeyringStatus:
    return classify(backend())


def backend() -> KeyringLike:
    """The keyring backend keyring chose for this machine (may be an unusable one)."""
    import keyring

    chosen: KeyringLike = keyring.get_keyring()
    return chosen

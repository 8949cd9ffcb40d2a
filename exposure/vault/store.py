"""The vault: the only place personal data is saved, encrypted at rest.

Layout of the vault folder (0700; every file 0600):

- ``vault.json``: not secret. The vault's id, where its key lives (``keyring`` or
  ``passphrase``), the scrypt salt and cost for a passphrase, and a sealed check value that
  tells a wrong passphrase from a damaged file.
- ``<name>.sealed``: one AES-GCM sealed document each (the profile now; the ledger later).

The key is 32 random bytes kept in the OS keyring. Where there is no trustworthy keyring (fail,
null or plaintext backends) the key is derived from a passphrase instead, asked once per run,
with a notice that says why. There is no plaintext mode.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broker_catalog.limits import read_bytes_limited
from exposure.atomic import ensure_private_dir, write_atomic
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.limits import MAX_VAULT_DOCUMENT
from exposure.vault import crypto
from exposure.vault.keyring_backend import KeyringLike, classify

SERVICE = "exposure"
META = "vault.json"
_CHECK = b"exposure vault key check"

PassphraseProvider = Callable[[str], str]

_SCRYPT_DEFAULTS = (("n", crypto.SCRYPT_N), ("r", crypto.SCRYPT_R), ("p", crypto.SCRYPT_P))
#: A vault.json asking for more scrypt work than this is damaged or forged (2^20 is ~1 GiB).
_MAX_SCRYPT_N = 2**20

NO_KEYRING_NOTICE = (
    "No password store is available on this computer, so your vault will be protected by a "
    "passphrase instead. Choose one you will remember: without it the saved data cannot be "
    "recovered, by you or by anyone else."
)


def no_keyring_notice(backend: str) -> str:
    """:data:`NO_KEYRING_NOTICE` in the reader's language, in words: never the backend's name
    (``backend`` only tells a store that keeps passwords unencrypted from none at all)."""
    if "alt" in backend.split(".") or "Plaintext" in backend or "Uncrypted" in backend:
        return _(
            "The only password store on this computer keeps passwords unencrypted, so your "
            "vault will be protected by a passphrase instead. Choose one you will remember: "
            "without it the saved data cannot be recovered, by you or by anyone else."
        )
    return _(
        "No password store is available on this computer, so your vault will be protected by a "
        "passphrase instead. Choose one you will remember: without it the saved data cannot be "
        "recovered, by you or by anyone else."
    )


class VaultError(ExposureError):
    """The vault cannot be opened, read or written."""


@dataclass(frozen=True, slots=True)
class _Meta:
    vault_id: str
    key_source: str
    salt: bytes | None
    check: bytes
    n: int
    r: int
    p: int

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "format": "exposure-vault",
            "version": 1,
            "vault_id": self.vault_id,
            "key_source": self.key_source,
            "check": base64.b64encode(self.check).decode(),
        }
        if self.salt is not None:
            data["scrypt"] = {
                "salt": base64.b64encode(self.salt).decode(),
                "n": self.n,
                "r": self.r,
                "p": self.p,
            }
        return json.dumps(data, indent=2).encode() + b"\n"

    @classmethod
    def from_json(cls, raw: bytes, name: str = f"the vault's {META}") -> _Meta:
        """Read vault.json; a damaged one is refused, naming the field, and never rewritten."""
        field = "the file"
        try:
            data = json.loads(raw)
            if data.get("format") != "exposure-vault" or data.get("version") != 1:
                raise ValueError("format")
            scrypt = data.get("scrypt") or {}
            field = "vault_id"
            vault_id = data["vault_id"]
            field = "key_source"
            key_source = data["key_source"]
            if not isinstance(vault_id, str) or key_source not in ("keyring", "passphrase"):
                raise ValueError(field)
            field = "scrypt.salt"
            salt = base64.b64decode(scrypt["salt"], validate=True) if scrypt else None
            field = "check"
            check = base64.b64decode(data["check"], validate=True)
            field = "scrypt"
            n, r, p = (int(scrypt.get(k, d)) for k, d in _SCRYPT_DEFAULTS)
            if not (2 <= n <= _MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 64 and 1 <= p <= 16):
                raise ValueError(field)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise VaultError(
                _(
                    "{path} is damaged ({field} is missing or not as this exposure wrote it); "
                    "nothing was changed"
                ).format(path=name, field=field)
            ) from None
        return cls(vault_id, key_source, salt, check, n, r, p)


def _ask_twice(ask: PassphraseProvider) -> str:
    first = ask(_("New vault passphrase: "))
    if len(first) < 8:
        raise VaultError(_("the passphrase must be at least 8 characters"))
    if ask(_("Repeat the passphrase: ")) != first:
        raise VaultError(_("the two passphrases differ; nothing was saved"))
    return first


class Vault:
    """An unlocked vault. Open one with :meth:`Vault.open` (creating it when asked)."""

    def __init__(self, path: Path, meta: _Meta, key: bytes) -> None:
        self.path = path
        self._meta = meta
        self._key = key

    @property
    def key_source(self) -> str:
        return self._meta.key_source

    @staticmethod
    def exists(path: Path) -> bool:
        return (path / META).is_file()

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        keyring: KeyringLike | None,
        ask: PassphraseProvider,
        notify: Callable[[str], None],
        create: bool = False,
    ) -> Vault:
        """Unlock the vault at ``path``; with ``create``, make one if there is none.

        ``keyring`` is a keyring backend (or None for none); ``ask`` prompts for a passphrase and
        ``notify`` shows a notice. Both are supplied by the edge (CLI, TUI, tests).
        """
        if not cls.exists(path):
            if not create:
                raise VaultError(
                    _(
                        "there is no vault at {path}; create one with 'exposure profile init'"
                    ).format(path=path)
                )
            if (path.is_dir() and any(path.glob("*.sealed"))) or (path / "ledger.sqlite3").exists():
                # A new vault here would get a new key and overwrite what the old one sealed.
                raise VaultError(
                    _(
                        "{meta} is missing, but {path} holds sealed files; restore it from a "
                        "backup, or move the folder away to start a new vault. Nothing was changed"
                    ).format(meta=path / META, path=path)
                )
            return cls._create(path, keyring=keyring, ask=ask, notify=notify)
        meta_file = path / META
        meta = _Meta.from_json(read_bytes_limited(meta_file, 64 * 1024, VaultError), str(meta_file))
        if meta.key_source == "keyring":
            key = cls._key_from_keyring(meta, keyring)
        else:
            if meta.salt is None:
                raise VaultError(
                    _("the vault's {file} is damaged (no passphrase salt)").format(file=META)
                )
            key = crypto.derive_key(ask(_("Vault passphrase: ")), meta.salt, meta.n, meta.r, meta.p)
        try:
            crypto.open_sealed(key, meta.check, meta.vault_id.encode())
        except crypto.DecryptionError:
            what = "passphrase" if meta.key_source == "passphrase" else "key in the keyring"
            message = (
                _("the passphrase does not open this vault")
                if what == "passphrase"
                else _("the key in the keyring does not open this vault")
            )
            raise VaultError(message) from None
        return cls(path, meta, key)

    @classmethod
    def _create(
        cls,
        path: Path,
        *,
        keyring: KeyringLike | None,
        ask: PassphraseProvider,
        notify: Callable[[str], None],
    ) -> Vault:
        ensure_private_dir(path)
        vault_id = secrets.token_hex(16)
        status = classify(keyring) if keyring is not None else None
        salt: bytes | None = None
        if keyring is not None and status is not None and status.usable:
            key = crypto.new_key()
            try:
                keyring.set_password(SERVICE, _username(vault_id), base64.b64encode(key).decode())
            except Exception:  # keyring backends raise many things
                raise VaultError(
                    _(
                        "this computer's password store refused to keep the vault key (it may be "
                        "locked); nothing was saved"
                    )
                ) from None
            source = "keyring"
        else:
            notify(no_keyring_notice(status.name if status else "none"))
            salt = os.urandom(16)
            key = crypto.derive_key(_ask_twice(ask), salt)
            source = "passphrase"
        check = crypto.seal(key, _CHECK, vault_id.encode())
        meta = _Meta(
            vault_id, source, salt, check, crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P
        )
        write_atomic(path / META, meta.to_json())
        return cls(path, meta, key)

    @staticmethod
    def _key_from_keyring(meta: _Meta, keyring: KeyringLike | None) -> bytes:
        if keyring is None or not classify(keyring).usable:
            raise VaultError(
                _(
                    "this vault's key is in the computer's password store, but no password "
                    "store is available now (is your desktop session unlocked?)"
                )
            )
        try:
            stored = keyring.get_password(SERVICE, _username(meta.vault_id))
        except Exception:
            raise VaultError(
                _(
                    "this computer's password store would not give the vault key back (it may "
                    "be locked: unlock your desktop session and try again)"
                )
            ) from None
        if not stored:
            raise VaultError(
                _("the vault key is missing from the keyring; the vault cannot be opened")
            )
        try:
            key = base64.b64decode(stored, validate=True)
        except ValueError:
            key = b""
        if len(key) != crypto.KEY_BYTES:
            raise VaultError(
                _("the vault key in the keyring is damaged; the vault cannot be opened")
            )
        return key

    def _file(self, name: str) -> Path:
        if not name.isidentifier():
            raise VaultError(f"invalid document name {name!r}")
        return self.path / f"{name}.sealed"

    def write(self, name: str, data: bytes) -> None:
        sealed = crypto.seal(self._key, data, f"{self._meta.vault_id}/{name}".encode())
        write_atomic(self._file(name), sealed)

    def seal(self, context: str, data: bytes) -> bytes:
        """Encrypt a value that lives outside the vault's files (e.g. a ledger note)."""
        return crypto.seal(self._key, data, f"{self._meta.vault_id}/{context}".encode())

    def unseal(self, context: str, sealed: bytes) -> bytes:
        try:
            aad = f"{self._meta.vault_id}/{context}".encode()
            return crypto.open_sealed(self._key, sealed, aad)
        except crypto.DecryptionError as exc:
            raise VaultError(
                _("a sealed value ({context}) cannot be decrypted: {problem}").format(
                    context=context, problem=exc
                )
            ) from None

    def read(self, name: str) -> bytes | None:
        path = self._file(name)
        if not path.exists() and not path.is_symlink():
            return None
        sealed = read_bytes_limited(path, MAX_VAULT_DOCUMENT, VaultError)
        try:
            return crypto.open_sealed(self._key, sealed, f"{self._meta.vault_id}/{name}".encode())
        except crypto.DecryptionError as exc:
            raise VaultError(
                _(
                    "{path} cannot be decrypted: {problem}. It was left as it is; restore it "
                    "from a backup, or move it away to start that document afresh"
                ).format(path=path, problem=exc)
            ) from None


def wipe(path: Path, keyring: KeyringLike | None) -> bool:
    """Remove the vault folder and its key in the keyring, without needing to unlock it (a
    forgotten passphrase must not stop a person from deleting their data). False if none."""
    if not path.exists():
        return False
    meta_file = path / META
    if meta_file.is_file() and keyring is not None:
        try:
            meta = _Meta.from_json(meta_file.read_bytes())
            if meta.key_source == "keyring":
                keyring.delete_password(SERVICE, _username(meta.vault_id))
        except Exception:  # noqa: S110 - a damaged file or an already-missing key: delete anyway
            pass
    shutil.rmtree(path)
    return True


def _username(vault_id: str) -> str:
    return f"vault-key:{vault_id}"

"""The vault's cryptography, all from `cryptography`: AES-256-GCM, and scrypt for passphrases.

Each document is sealed with a fresh random nonce and bound, through the associated data, to the
vault's id and the document's name, so a sealed file cannot be swapped for another unnoticed.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from exposure.i18n import _

MAGIC = b"EXPOSURE-VAULT-1\n"
NONCE = 12
KEY_BYTES = 32
# scrypt cost: about 0.1 s and 32 MiB on a laptop; raise n as machines get faster.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class DecryptionError(Exception):
    """Wrong key, or a file that was altered or truncated."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def derive_key(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plaintext, MAGIC + context)


def open_sealed(key: bytes, sealed: bytes, context: bytes) -> bytes:
    if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + NONCE + 16:
        raise DecryptionError(_("not a vault file, or truncated"))
    nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(MAGIC) + NONCE :], MAGIC + context)
    except InvalidTag:
        raise DecryptionError(_("wrong key, or the file was altered")) from None

"""Catalog release archives: checking the published SHA-256 and unpacking only catalog files.

A release is a ``.tar.gz`` of the catalog's data files (optionally under one top folder) with a
``.sha256`` file beside it in the usual ``sha256sum`` format. Unpacking never uses
``tarfile.extract``: each member's name is checked against the catalog layout and its bytes are
written to a path built here, so an archive cannot place a file outside the target, create
links or devices, or smuggle in anything but catalog data.
"""

from __future__ import annotations

import hashlib
import re
import tarfile
from pathlib import Path, PurePosixPath

from exposure.net.errors import VerificationError

_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
_SLUG = r"[a-z0-9][a-z0-9-]*"
ALLOWED = re.compile(
    rf"^(catalog\.toml|categories\.toml|facts\.toml|link-health\.json"
    rf"|brokers/{_SLUG}\.toml|laws/{_SLUG}\.toml)$"
)
MAX_MEMBERS = 20_000
MAX_UNPACKED = 200 * 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_sha256(text: str, archive_name: str) -> str:
    """The checksum for ``archive_name`` from a ``sha256sum``-style file (or a bare checksum)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        fields = line.split()
        if len(fields) == 1 and _HEX.match(fields[0]) and len(lines) == 1:
            return fields[0].lower()
        if len(fields) == 2 and _HEX.match(fields[0]) and fields[1].lstrip("*") == archive_name:
            return fields[0].lower()
    raise VerificationError(f"the checksum file has no SHA-256 for {archive_name}")


def check_sha256(expected: str) -> str:
    if not _HEX.match(expected.strip()):
        raise VerificationError(f"{expected!r} is not a SHA-256 checksum (64 hex digits)")
    return expected.strip().lower()


def verify(path: Path, expected: str) -> str:
    """Refuse the archive unless its SHA-256 is ``expected``; returns the checksum."""
    actual = sha256_of(path)
    if actual != check_sha256(expected):
        raise VerificationError(
            f"the downloaded archive does not match its published checksum "
            f"(expected {expected.lower()}, got {actual}); nothing was installed"
        )
    return actual


def unpack_catalog(archive: Path, dest: Path) -> Path:
    """Unpack the catalog files of ``archive`` into ``dest`` (which must not exist yet)."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            if len(members) > MAX_MEMBERS:
                raise VerificationError(f"the archive has more than {MAX_MEMBERS} entries")
            files = _plan(members)
            dest.mkdir(parents=True)
            total = 0
            for relative, member in files.items():
                total += member.size
                if total > MAX_UNPACKED:
                    raise VerificationError("the archive unpacks to more than 200 MB")
                source = tar.extractfile(member)
                if source is None:
                    raise VerificationError(f"{member.name}: cannot be read from the archive")
                target = dest.joinpath(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read())
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise VerificationError(f"the archive cannot be unpacked: {exc}") from None
    return dest


def _plan(members: list[tarfile.TarInfo]) -> dict[PurePosixPath, tarfile.TarInfo]:
    """Map each member to its place in the catalog, refusing anything that has no place."""
    names = [PurePosixPath(m.name.removeprefix("./")) for m in members if m.name not in (".", "./")]
    tops = {n.parts[0] for n in names if n.parts}
    prefix = ""
    if len(tops) == 1 and not ALLOWED.match(next(iter(tops))):
        top = next(iter(tops))
        if top not in ("brokers", "laws"):
            prefix = top
    files: dict[PurePosixPath, tarfile.TarInfo] = {}
    for member, name in zip((m for m in members if m.name not in (".", "./")), names, strict=True):
        relative = PurePosixPath(*name.parts[1:]) if prefix else name
        if member.isdir():
            if str(relative) in (".", "", "brokers", "laws"):
                continue
            raise VerificationError(f"unexpected folder in the archive: {member.name}")
        if not member.isfile():
            raise VerificationError(f"{member.name}: links and special files are not accepted")
        if not ALLOWED.match(str(relative)):
            raise VerificationError(f"{member.name}: not a catalog file")
        files[relative] = member
    for required in ("catalog.toml", "categories.toml", "facts.toml"):
        if PurePosixPath(required) not in files:
            raise VerificationError(f"the archive has no {required}")
    return files

"""`exposure catalog update`: fetch a catalog release, verify it, and install it for rollback.

Order matters: download, check the SHA-256, unpack only catalog files, validate the whole
catalog, refuse a downgrade, and only then switch ``current``. Any failure before the switch
leaves the installed catalog exactly as it was.

The checksum is taken from ``--sha256`` when given (published somewhere else, e.g. release
notes: this protects against a tampered server) or else from ``<URL>.sha256`` beside the
archive (this catches corrupt and truncated downloads and mix-ups, not a compromised server).
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from exposure.atomic import ensure_private_dir
from exposure.errors import ExposureError
from exposure.net import archive, install
from exposure.net.download import download
from exposure.net.errors import VerificationError

MAX_ARCHIVE = 100 * 1024 * 1024
MAX_CHECKSUM_FILE = 64 * 1024


@dataclass(slots=True)
class Staged:
    """A verified, unpacked and validated release, not yet installed."""

    url: str
    sha256: str
    folder: Path
    name: str
    version: str
    released: str
    brokers: int
    current_version: str
    current_source: str  # "installed" or "built-in"
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def is_older(self) -> bool:
        return version_key(self.version) < version_key(self.current_version)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        _remove_if_empty(self.folder.parent / install.RELEASES)


def _remove_if_empty(folder: Path) -> None:
    """A declined or failed first update leaves no empty ``releases/`` folder behind."""
    with contextlib.suppress(OSError):  # not empty (a release is installed), or already gone
        folder.rmdir()


def version_key(version: str) -> tuple[int, ...]:
    """Catalog versions are dates like 2026.11.21; compare them as numbers."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        raise ExposureError("a catalog version is not like 2026.11.21 (catalog.toml)") from None


def stage(url: str, home: Path, *, sha256: str | None = None) -> Staged:
    """Download and check a release into a staging folder; nothing installed is touched."""
    from broker_catalog.errors import CatalogError
    from broker_catalog.loader import default_root, load_catalog

    expected = archive.check_sha256(sha256) if sha256 else None
    ensure_private_dir(home / install.RELEASES)
    folder = install.staging_dir(home)
    try:
        folder.mkdir(mode=0o700)
        name = Path(urlsplit(url).path).name or "catalog.tar.gz"
        packed = folder / "archive.tar.gz"
        download(url, packed, max_bytes=MAX_ARCHIVE)
        if expected is None:
            listing = folder / "archive.sha256"
            download(url + ".sha256", listing, max_bytes=MAX_CHECKSUM_FILE)
            expected = archive.parse_sha256(listing.read_text("utf-8", errors="replace"), name)
        digest = archive.verify(packed, expected)
        unpacked = archive.unpack_catalog(packed, folder / "catalog")
        try:
            new = load_catalog(unpacked, use_cache=False)
        except CatalogError as exc:
            raise VerificationError(f"the release is not a valid catalog: {exc.message}") from None
        current_root = install.installed(home).current
        source = "installed" if current_root is not None else "built-in"
        old = load_catalog(current_root or default_root())
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        _remove_if_empty(home / install.RELEASES)
        raise
    old_ids = set(old.ids)  # ids only: no record is unpickled
    new_ids = set(new.ids)
    return Staged(
        url=url,
        sha256=digest,
        folder=folder,
        name=f"{new.info.version}-{digest[:12]}",
        version=new.info.version,
        released=new.info.released,
        brokers=len(new),
        current_version=old.info.version,
        current_source=source,
        added=sorted(new_ids - old_ids),
        removed=sorted(old_ids - new_ids),
    )


def commit(staged: Staged, home: Path) -> Path:
    """Install a staged release as current; returns the folder to point ``--catalog`` at."""
    install.install(staged.folder / "catalog", home, staged.name)
    shutil.rmtree(staged.folder, ignore_errors=True)
    return home / install.CURRENT

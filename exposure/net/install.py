"""Where downloaded catalog releases live, and switching between them atomically.

Layout of the catalog home (``EXPOSURE_CATALOG_HOME``, else the per-user data folder
``exposure-catalog``; kept apart from the vault, which ``exposure profile wipe`` deletes)::

    releases/<version>-<sha256 prefix>/   one complete, validated catalog per release
    current  -> releases/...              what ``--catalog <home>/current`` loads
    previous -> releases/...              what ``exposure catalog rollback`` goes back to

``current`` and ``previous`` are symbolic links replaced with one ``rename`` each, which is
atomic: a reader sees the old release or the new one, never a half-copied folder. Releases that
neither link names are deleted at the next install.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from exposure.errors import ExposureError

CURRENT = "current"
PREVIOUS = "previous"
RELEASES = "releases"


def catalog_home() -> Path:
    override = os.environ.get("EXPOSURE_CATALOG_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("exposure-catalog", appauthor=False)


@dataclass(frozen=True, slots=True)
class Installed:
    current: Path | None
    previous: Path | None


def installed(home: Path) -> Installed:
    return Installed(_target(home / CURRENT), _target(home / PREVIOUS))


def _target(link: Path) -> Path | None:
    if not link.is_symlink():
        return None
    target = link.parent / link.readlink()
    return target if target.is_dir() else None


def staging_dir(home: Path) -> Path:
    """A fresh folder on the same file system as the releases, so moving it in is a rename."""
    (home / RELEASES).mkdir(parents=True, exist_ok=True)
    return home / f".staging-{secrets.token_hex(6)}"


def install(staged: Path, home: Path, name: str) -> Path:
    """Make ``staged`` the current release (named ``name``); the old current becomes previous."""
    release = home / RELEASES / name
    before = installed(home)
    if before.current == release:
        shutil.rmtree(staged, ignore_errors=True)
        return release
    if release.exists():
        shutil.rmtree(staged, ignore_errors=True)  # the same archive, unpacked before
    else:
        staged.rename(release)
    if before.current is not None:
        _point(home, PREVIOUS, before.current.name)
    _point(home, CURRENT, name)
    _prune(home)
    return release


def rollback(home: Path) -> Installed:
    """Swap current and previous; running it twice returns to where it started."""
    before = installed(home)
    if before.previous is None:
        raise ExposureError(
            f"there is no previous catalog release in {home} to roll back to "
            "(exposure catalog update installs one)"
        )
    _point(home, CURRENT, before.previous.name)
    if before.current is not None:
        _point(home, PREVIOUS, before.current.name)
    return installed(home)


def _point(home: Path, link: str, release: str) -> None:
    tmp = home / f".{link}-{secrets.token_hex(6)}"
    try:
        tmp.symlink_to(Path(RELEASES) / release, target_is_directory=True)
    except OSError as exc:
        raise ExposureError(
            f"cannot create a symbolic link in {home} ({exc.strerror}); installed catalogs "
            "need symbolic links (on Windows, turn on Developer Mode)"
        ) from None
    tmp.replace(home / link)


def _prune(home: Path) -> None:
    keep = {p.name for p in (installed(home).current, installed(home).previous) if p}
    for release in (home / RELEASES).iterdir():
        if release.name not in keep:
            shutil.rmtree(release, ignore_errors=True)

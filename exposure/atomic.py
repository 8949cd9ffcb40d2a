"""Writing files so that a crash or kill at any moment leaves the old file or the new one.

The new content goes to a temporary file in the same folder (created 0600, so it is never
readable by others even for a moment), is flushed to disk, and then renamed over the target;
the folder is synced so the rename itself survives a power cut.

Every folder this module creates is 0700, parents included: ``mkdir(parents=True, mode=…)``
applies the mode to the last folder only, so the others would be left world-readable.

A path the person typed is not personal data, and a failure to write must say which path and
why; an OS error's own text is not enough (it never says which folder was missing), so failures
become :class:`OutputPathError`, which is both an :class:`ExposureError` (the CLI prints it in one
line) and an :class:`OSError` (callers that already catch OSError keep working).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from exposure.errors import ExposureError


class OutputPathError(ExposureError, OSError):
    """A file or folder cannot be written where the person asked; the message names the path."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.strerror = reason


def _reason(exc: OSError, path: Path) -> str:
    """Why ``path`` cannot be written, in words that name the path (never file contents)."""
    if isinstance(exc, FileNotFoundError):
        return f"the folder {path.parent} does not exist"
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        return f"a part of {path.parent} is a file, not a folder"
    if isinstance(exc, IsADirectoryError):
        return f"{path} is a folder; give a file name"
    if isinstance(exc, FileExistsError):
        return f"{path} exists and is not a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each 0700; an existing ``path`` is made 0700
    (the vault, an output folder), its existing parents are left as they are."""
    make_private_dirs(path)
    try:
        path.chmod(0o700)
    except OSError as exc:
        reason = _reason(exc, path)
        raise OutputPathError(f"cannot make the folder {path} private: {reason}", reason) from None
    return path


def make_private_dirs(path: Path) -> Path:
    """Create ``path`` and any missing parents, each 0700; existing folders are not touched.

    For a folder beside which something is written (a workshop file's folder, the parent of
    an output folder): it may be the person's home or ``/tmp``, whose mode is not ours.
    """
    try:
        missing = [p for p in (path, *path.parents) if not p.exists()]
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask
        if not path.is_dir():
            raise FileExistsError(errno.EEXIST, "exists", str(path))
    except OSError as exc:
        reason = _reason(exc, path)
        raise OutputPathError(f"cannot create the folder {path}: {reason}", reason) from None
    return path


#: A temporary file this old is a kill's leftover, not another writer's work in progress.
STALE_SECONDS = 60


def write_atomic(path: Path, data: bytes) -> None:
    _remove_stale_temporaries(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        reason = _reason(exc, path)
        raise OutputPathError(f"cannot write {path}: {reason}", reason) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputPathError):
            reason = _reason(exc, path)
            raise OutputPathError(f"cannot write {path}: {reason}", reason) from None
        raise
    sync_dir(path.parent)


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A private folder beside ``target`` to build a batch in; it is removed unless moved.

    Writing a batch there and moving it into place at the end means a failure or a kill
    half-way leaves nothing in ``target``. The folder is hidden and named after the target
    (``.NAME.staging-…``), so a later run can find and remove what a kill left behind
    (:func:`remove_stale_stages`).
    """
    make_private_dirs(target.parent)
    stage = target.parent / f".{target.name}.staging-{secrets.token_hex(6)}"
    try:
        stage.mkdir(mode=0o700)
    except OSError as exc:
        reason = _reason(exc, stage)
        raise OutputPathError(f"cannot create a folder beside {target}: {reason}", reason) from None
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def stale_stages(target: Path) -> list[Path]:
    """Staging folders that a killed run left beside ``target``."""
    if not target.parent.is_dir():
        return []
    return sorted(target.parent.glob(f".{target.name}.staging-*"))


def _remove_stale_temporaries(path: Path) -> None:
    """A kill between creating a temporary file and renaming it leaves the temporary file; the
    next write of the same target removes it, so half-written copies do not pile up."""
    with contextlib.suppress(OSError):
        now = time.time()
        for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            if now - stale.lstat().st_mtime > STALE_SECONDS:
                stale.unlink(missing_ok=True)


def sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

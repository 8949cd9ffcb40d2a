"""Writing files so that a crash or kill at any moment leaves the old file or the new one.

The one atomic write of the whole project (the catalog's cache and record files, and every file
the app writes, through exposure.atomic). New content goes to a temporary file in the same
folder, created 0600 so it is never readable by others even for a moment, is flushed to disk,
and is then renamed over the target; the folder is synced so the rename itself survives a power
cut. Here, at the lowest layer, because the catalog is usable without the app.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` and flush it to disk."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    tmp = _stage(path, data)
    try:
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_dir(path.parent)


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write several files as one change: all staged (a full disk fails before any file
    changes), then renamed into place; if a rename fails, the files already replaced are put
    back as they were."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(path, data), path))
        done: list[tuple[Path, bytes | None]] = []
        try:
            for tmp, path in staged:
                previous = path.read_bytes() if path.exists() else None
                tmp.replace(path)
                done.append((path, previous))
        except OSError:
            for path, previous in reversed(done):
                if previous is None:
                    path.unlink(missing_ok=True)
                else:
                    write_atomic(path, previous)
            raise
    finally:
        for leftover, _ in staged:
            leftover.unlink(missing_ok=True)
    for folder in {path.parent for path in files}:
        sync_dir(folder)


def sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

"""Files and folders the app writes for a person: private, never half-written, and a failure
that names the path.

The atomic write itself lives at the lowest layer (broker_catalog.atomic, shared with the
catalog's cache and record files); this adds what only the app needs:

- Every folder created here is 0700, parents included: ``mkdir(parents=True, mode=…)`` applies
  the mode to the last folder only, so the others would be left world-readable.
- A failure to write says which path and why. An OS error's own text never says which folder
  was missing, so failures become :class:`OutputPathError`, both an :class:`ExposureError` (the
  CLI prints it in one line) and an :class:`OSError` (callers that catch OSError keep working).
  A path the person typed is not personal data: naming it is required.
- A kill between creating a temporary file and renaming it leaves that file behind; the next
  write of the same target removes it, so half-written copies do not pile up.
- A batch of files can be built in a hidden folder beside its target and moved in at the end
  (:func:`staged_folder`), so a failure or a kill half-way leaves nothing in the target.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import secrets
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from broker_catalog import atomic as _lowest
from broker_catalog.atomic import sync_dir
from exposure.errors import ExposureError

__all__ = [
    "OutputPathError",
    "ensure_private_dir",
    "make_private_dirs",
    "staged_folder",
    "stale_stages",
    "sync_dir",
    "write_all",
    "write_atomic",
]

#: A temporary file this old is a kill's leftover, not another writer's work in progress.
STALE_SECONDS = 60


class OutputPathError(ExposureError, OSError):
    """A file or folder cannot be written where the person asked; the message names the path."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.strerror = reason


def _reason(exc: OSError, path: Path) -> str:
    """Why ``path`` cannot be written, in words that name the path (never file contents), in
    the reader's language; never the exception's class name."""
    from exposure.i18n import _

    if isinstance(exc, FileNotFoundError):
        return _("the folder {path} does not exist").format(path=path.parent)
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        return _("a part of {path} is a file, not a folder").format(path=path.parent)
    if isinstance(exc, IsADirectoryError):
        return _("{path} is a folder; give a file name").format(path=path)
    if isinstance(exc, FileExistsError):
        return _("{path} exists and is not a folder").format(path=path)
    if isinstance(exc, PermissionError):
        return _("permission denied")
    if exc.errno == errno.ENOSPC:
        return _("the disk is full")
    if exc.errno == errno.EROFS:
        return _("the disk or folder is read-only")
    return _("the system refused to write there")


def _cannot(kind: str, path: Path, reason: str) -> OutputPathError:
    """The refusal, naming the path and why, in the reader's language."""
    from exposure.i18n import _

    templates = {
        "private": _("cannot make the folder {path} private: {reason}"),
        "create": _("cannot create the folder {path}: {reason}"),
        "write": _("cannot write {path}: {reason}"),
        "write_into": _("cannot write into {path}: {reason}"),
    }
    return OutputPathError(templates[kind].format(path=path, reason=reason), reason)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each 0700; an existing ``path`` is made 0700
    (the vault, an output folder), its existing parents are left as they are."""
    make_private_dirs(path)
    try:
        path.chmod(0o700)
    except OSError as exc:
        reason = _reason(exc, path)
        raise _cannot("private", path, reason) from None
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
        raise _cannot("create", path, reason) from None
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (file 0600); a failure names the path."""
    _remove_stale_temporaries(path)
    try:
        _lowest.write_atomic(path, data)
    except OutputPathError:
        raise
    except OSError as exc:
        reason = _reason(exc, path)
        raise _cannot("write", path, reason) from None


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write several files as one change (see broker_catalog.atomic.write_all); their folders
    are created 0700 first, and a failure names the folder."""
    for folder in dict.fromkeys(path.parent for path in files):
        make_private_dirs(folder)
    for path in files:
        _remove_stale_temporaries(path)
    try:
        _lowest.write_all(files)
    except OSError as exc:
        where = Path(exc.filename) if isinstance(exc.filename, str) else next(iter(files))
        reason = _reason(exc, where)
        raise _cannot("write_into", where.parent, reason) from None


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A private folder beside ``target`` to build a batch in; it is removed unless moved.

    The folder is hidden and named after the target (``.NAME.staging-…``), so a later run can
    find what a kill left behind (:func:`stale_stages`).
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
    return sorted(target.parent.glob(f".{glob.escape(target.name)}.staging-*"))


def _remove_stale_temporaries(path: Path) -> None:
    with contextlib.suppress(OSError):
        now = time.time()
        for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            if now - stale.lstat().st_mtime > STALE_SECONDS:
                stale.unlink(missing_ok=True)

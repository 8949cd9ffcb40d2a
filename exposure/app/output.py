"""Where the use cases write files: checked paths, private permissions, atomic writes.

Every file a job writes for a person goes through here, so each gets the same guarantees: 0600
files in 0700 folders, never a half-written file (exposure.atomic), never a name that escapes
the chosen folder, and a one-line error that names the path when the disk says no.
"""

from __future__ import annotations

from pathlib import Path

from exposure.errors import ExposureError


class OutputError(ExposureError):
    """A file could not be written where the person asked."""


def private_folder(folder: Path) -> Path:
    """The folder, created 0700 with its missing parents if need be."""
    from exposure.atomic import ensure_private_dir

    target = folder.expanduser()
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file, not a folder; choose a folder to write into")
    try:
        return ensure_private_dir(target)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {target}: {exc.strerror}") from None


def inside(folder: Path, name: str) -> Path:
    """Defence in depth: never write outside the chosen folder, whatever the name."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or "/" in name or name.startswith("."):
        raise OutputError(f"refusing to write a file named by the catalog outside {folder}")
    return path


def write_file(path: Path, data: bytes) -> Path:
    """Write one file atomically, 0600; a missing parent folder is created 0700."""
    from exposure.atomic import write_atomic

    target = path.expanduser()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name to write")
    if not target.parent.exists():
        private_folder(target.parent)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    return target

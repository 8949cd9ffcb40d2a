"""Where the use cases write files: checked paths, private permissions, atomic writes.

Every file a job writes for a person goes through here, so each gets the same guarantees: 0600
files in 0700 folders, never a half-written file (exposure.atomic), never a name that escapes
the chosen folder, and a one-line error that names the path when the disk says no.
"""

from __future__ import annotations

from pathlib import Path

from exposure.errors import ExposureError
from exposure.i18n import _


class OutputError(ExposureError):
    """A file could not be written where the person asked."""


def private_folder(folder: Path) -> Path:
    """The folder, created 0700 with its missing parents if need be. A folder that already
    exists keeps its permissions: it is the person's (their Documents, say), and the files
    written into it are 0600 whatever the folder allows."""
    from exposure.atomic import make_private_dirs

    target = folder.expanduser()
    if target.exists() and not target.is_dir():
        raise OutputError(
            _("{path} is a file, not a folder; choose a folder to write into").format(path=target)
        )
    try:
        return make_private_dirs(target)
    except OSError as exc:
        raise OutputError(
            _("cannot create the folder {path}: {problem}").format(
                path=target, problem=exc.strerror
            )
        ) from None


def inside(folder: Path, name: str) -> Path:
    """Defence in depth: never write outside the chosen folder, whatever the name."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or "/" in name or name.startswith("."):
        raise OutputError(
            _("refusing to write a file named by the catalog outside {folder}").format(
                folder=folder
            )
        )
    return path


def write_file(path: Path, data: bytes) -> Path:
    """Write one file atomically, 0600; a missing parent folder is created 0700."""
    from exposure.atomic import write_atomic

    target = path.expanduser()
    if target.is_dir():
        raise OutputError(_("{path} is a folder; give a file name to write").format(path=target))
    if not target.parent.exists():
        private_folder(target.parent)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise OutputError(
            _("cannot write {path}: {problem}").format(path=target, problem=exc.strerror)
        ) from None
    return target

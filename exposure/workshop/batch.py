"""Adding a batch of participants all or nothing: the printed folders and the count agree.

A batch is printed into a hidden staging folder beside ``--out`` (``.OUT.staging-…``). When
every participant is printed, a commit marker recording the workshop's new count is written
into it, then the workshop file is saved with that count (the commit point), and only then are
the participant folders moved into ``--out``, one rename each.

A failure before the commit point removes the staging folder: nothing was counted, nothing is
in ``--out``. A kill leaves a staging folder behind; the next ``workshop add`` into the same
folder looks at its marker: if the workshop file already counts the batch, the moves are
finished; otherwise the batch was never counted and the folder is deleted. Either way the
participant folders in ``--out`` and the workshop's count agree again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from exposure.atomic import ensure_private_dir, stale_stages, sync_dir, write_atomic

MARKER = ".committed-count"


def recover(out: Path, participants: int) -> int:
    """Finish or discard what a killed batch left beside ``out``; returns folders moved in."""
    moved = 0
    for stage in stale_stages(out):
        if _marked_count(stage) == participants:
            moved += _move_participants(stage, out)
        shutil.rmtree(stage, ignore_errors=True)
    return moved


def mark_committed(stage: Path, participants: int) -> None:
    """Record, inside the batch, the count the workshop file will hold once it is saved."""
    write_atomic(stage / MARKER, f"{participants}\n".encode())


def publish(stage: Path, out: Path) -> None:
    """Move a committed batch into ``out`` (after the workshop file was saved)."""
    _move_participants(stage, out)


def _move_participants(stage: Path, out: Path) -> int:
    """Move the participant folders; the marker stays until the last one is in, so a kill
    half-way leaves a marked stage that :func:`recover` finishes."""
    moving = [p for p in sorted(stage.iterdir()) if p.name != MARKER]
    ensure_private_dir(out)
    for folder in moving:
        folder.rename(out / folder.name)
    sync_dir(out)
    (stage / MARKER).unlink(missing_ok=True)
    return len(moving)


def _marked_count(stage: Path) -> int | None:
    try:
        return int((stage / MARKER).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None

"""A batch of participants is counted and moved in all or nothing, whenever it is killed."""

from __future__ import annotations

from pathlib import Path

from exposure.workshop import batch


def _stage(out: Path, numbers: range, marked: int | None) -> Path:
    stage = out.parent / f".{out.name}.staging-0123456789ab"
    for n in numbers:
        (stage / f"participant-{n}").mkdir(parents=True)
    if marked is not None:
        batch.mark_committed(stage, marked)
    return stage


def test_a_batch_killed_before_it_was_counted_is_discarded(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage = _stage(out, range(1, 4), marked=3)  # the workshop file still says 0
    assert batch.recover(out, participants=0) == 0
    assert not stage.exists()
    assert not out.exists()


def test_a_batch_killed_half_way_through_moving_in_is_finished(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "participant-1").mkdir(parents=True)  # moved before the kill
    stage = _stage(out, range(2, 4), marked=3)  # counted: the workshop file says 3
    assert batch.recover(out, participants=3) == 2
    assert sorted(p.name for p in out.iterdir()) == [f"participant-{n}" for n in (1, 2, 3)]
    assert not stage.exists()


def test_a_batch_killed_while_printing_has_no_marker_and_is_discarded(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage = _stage(out, range(1, 2), marked=None)
    assert batch.recover(out, participants=0) == 0
    assert not stage.exists()

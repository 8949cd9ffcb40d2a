"""Files that are not files: a named pipe or a device would be read for ever, a folder cannot
be read at all. Each reader refuses them by name before reading a byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.robustness.harness import assert_refused, run


@pytest.mark.parametrize(
    "argv",
    [
        ("audit", "--profile", "{file}"),
        ("workshop", "add", "{workshop}", "--csv", "{file}", "--out", "{out}"),
        ("workshop", "close", "{file}"),
    ],
    ids=["profile", "workshop-csv", "workshop-file"],
)
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_special_file_is_refused_by_name(
    tmp_path: Path, argv: tuple[str, ...], kind: str
) -> None:
    file = tmp_path / "input.json"
    if kind == "fifo":
        os.mkfifo(file)
    elif kind == "device":
        file.symlink_to("/dev/zero")
    else:
        file.mkdir()
    workshop = tmp_path / "w.json"
    assert run("workshop", "start", workshop, "--name", "Fictional").code == 0
    values = {"file": file, "workshop": workshop, "out": tmp_path / "out"}
    answer = run(*(a.format(**values) for a in argv))
    assert_refused(answer, file)
    assert not (tmp_path / "out").exists()

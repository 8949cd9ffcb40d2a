"""Where files are written: new folders are private, a person's existing folder is left as it
is, and the files themselves are always private."""

from __future__ import annotations

import stat
from pathlib import Path

from exposure.app.output import private_folder, write_file


def test_a_new_folder_and_its_new_parents_are_private(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "a" / "b")
    for made in (tmp_path / "a", folder):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700


def test_an_existing_folder_keeps_its_permissions_and_files_are_private(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    documents.chmod(0o755)
    written = write_file(private_folder(documents) / "letter.pdf", b"%PDF")
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
    assert stat.S_IMODE(written.stat().st_mode) == 0o600

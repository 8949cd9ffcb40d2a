"""Every case reported in issue 18, one test each, run through the real CLI.

Each of these failed before the fix: an internal error (exit 70), a value echoed in the
message, or a bad input silently accepted.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.harness import CANARY, assert_refused, names, run, snapshot

CSV_HEADER = "state,utility_electric\n"


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "w.json"
    assert run("workshop", "start", path, "--name", "Fictional workshop").code == 0
    return path


# --- values echoed in errors ------------------------------------------------------------------


def test_a_bad_state_answer_is_not_echoed(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(f'[facts]\nstate = "{CANARY}"\n')
    answer = run("audit", "--profile", profile)
    assert_refused(answer, "state")
    assert "expected" in answer.err or "one of" in answer.err


def test_a_bad_workshop_cell_is_not_echoed(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(f'{CSV_HEADER}"=HYPERLINK(""{CANARY}"")",yes\nTX,"{CANARY}\nline two"\n')
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv, "row 2", "state")


def test_an_unknown_workshop_column_is_not_echoed(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(f"state,{CANARY}\nTX,yes\n")
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv, "column 2")


# --- internal errors ---------------------------------------------------------------------------


def test_a_csv_row_with_one_cell_too_many(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(f"{CSV_HEADER}TX,yes\nTX,yes,{CANARY}\n")
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv, "row 3")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".json", '{"facts": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        (".toml", "facts = " + "[" * 5_000 + "]" * 5_000 + "\n"),
        (".toml", "[facts]\nstate = " + "{a = " * 2_000 + "1" + "}" * 2_000 + "\n"),
    ],
    ids=["json-lists", "toml-lists", "toml-tables"],
)
def test_a_deeply_nested_profile(tmp_path: Path, suffix: str, text: str) -> None:
    profile = tmp_path / f"p{suffix}"
    profile.write_text(text)
    assert_refused(run("audit", "--profile", profile), profile)


def test_a_deeply_nested_broker_file(minimal_catalog: Path) -> None:
    broker = minimal_catalog / "brokers" / "deep.toml"
    broker.write_text("id = " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert_refused(run("catalog", "validate", minimal_catalog), broker)


def test_a_folder_named_like_a_broker_file(minimal_catalog: Path) -> None:
    folder = minimal_catalog / "brokers" / "folder.toml"
    folder.mkdir()
    assert_refused(run("catalog", "validate", minimal_catalog), folder)


def test_report_into_a_missing_folder(tmp_path: Path) -> None:
    # The use-case layer creates a missing folder for a report (exposure/app/output.py); every
    # folder it creates is private, and the report 0600.
    target = tmp_path / "no" / "such" / "dir" / "r.pdf"
    assert run("report", "--demo", "--out", target).code == 0
    for folder in (tmp_path / "no", tmp_path / "no" / "such", target.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert target.stat().st_mode & 0o777 == 0o600


def test_report_below_a_file(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("a file, not a folder\n")
    assert_refused(run("report", "--demo", "--out", file / "r.pdf"), file)
    assert file.read_text() == "a file, not a folder\n"


def test_demo_out_below_a_file(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("a file, not a folder\n")
    assert_refused(run("demo", "--out", file / "x"), file)
    assert file.read_text() == "a file, not a folder\n"


def test_letters_out_is_an_existing_file(tmp_path: Path) -> None:
    file = tmp_path / "existing"
    file.write_text("keep me\n")
    assert_refused(run("letters", "--demo", "--out", file), file)
    assert file.read_text() == "keep me\n"


# --- silently accepted -------------------------------------------------------------------------


def _saved(vault: Path) -> dict[str, tuple[int, str]]:
    return snapshot(vault)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty.toml", ""),
        ("empty.json", "{}"),
        ("unknown.json", '{"facts": {"state": "unknown", "utility_gas": "unknown"}}'),
    ],
    ids=["empty-toml", "empty-json", "all-unknown"],
)
def test_an_empty_profile_does_not_replace_a_saved_one(
    real_keyring: Any, tmp_path: Path, name: str, text: str
) -> None:
    good = tmp_path / "good.json"
    good.write_text('{"facts": {"state": "TX", "utility_gas": "no"}}')
    assert run("profile", "import", good).code == 0
    vault = Path(os.environ["EXPOSURE_VAULT"])
    before = _saved(vault)
    empty = tmp_path / name
    empty.write_text(text)
    answer = run("profile", "import", empty)
    assert_refused(answer, empty, "--force")
    assert _saved(vault) == before
    assert run("profile", "import", empty, "--force").code == 0


def test_a_three_million_item_list_in_a_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"facts": {"past_states": ["TX"] * 3_000_000}}))
    assert_refused(run("audit", "--profile", profile), profile)


def test_a_long_list_within_the_size_limit(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"facts": {"past_states": ["TX"] * 5_000}}))
    assert_refused(run("audit", "--profile", profile), profile, "past_states")


def test_a_workshop_csv_with_a_duplicated_column(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("state,state\nTX,CA\n")
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv, "state")
    assert json.loads(workshop.read_text())["participants"] == 0


def test_a_workshop_csv_with_no_rows(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(CSV_HEADER)
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv)


def test_validate_a_catalog_with_no_brokers(minimal_catalog: Path) -> None:
    for file in (minimal_catalog / "brokers").iterdir():
        file.unlink()
    assert_refused(run("catalog", "validate", minimal_catalog), minimal_catalog / "brokers")


def test_a_symlinked_broker_file_is_refused(minimal_catalog: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.toml"
    broker = minimal_catalog / "brokers" / "valid-broker.toml"
    shutil.move(broker, elsewhere)
    broker.symlink_to(elsewhere)
    assert_refused(run("catalog", "validate", minimal_catalog), broker)


# --- limits and half-done work -----------------------------------------------------------------


def test_too_many_rows_are_refused_before_anything_is_written(
    tmp_path: Path, workshop: Path
) -> None:
    from exposure.limits import MAX_ROWS_PER_ADD

    csv = tmp_path / "p.csv"
    csv.write_text(CSV_HEADER + "TX,yes\n" * (MAX_ROWS_PER_ADD + 1))
    before = workshop.read_bytes()
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", tmp_path / "out")
    assert_refused(answer, csv, str(MAX_ROWS_PER_ADD))
    assert not (tmp_path / "out").exists()
    assert workshop.read_bytes() == before
    assert names(tmp_path) == ["p.csv", "w.json"]


def test_a_failing_batch_leaves_nothing_half_written(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    # Two good rows, then a bad one: the good ones must not be printed and counted.
    csv.write_text(f"{CSV_HEADER}TX,yes\nCA,no\nTX,{CANARY}\n")
    out = tmp_path / "out"
    answer = run("workshop", "add", workshop, "--csv", csv, "--out", out)
    assert_refused(answer, csv, "row 4")
    assert not out.exists()
    assert json.loads(workshop.read_text())["participants"] == 0


def test_a_workshop_file_in_an_existing_folder_leaves_its_mode_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert run("workshop", "start", shared / "w.json", "--name", "Fictional").code == 0
    assert shared.stat().st_mode & 0o777 == 0o755, "a folder the tool did not create keeps its mode"
    assert (shared / "w.json").stat().st_mode & 0o777 == 0o600


def test_the_workshop_out_folder_is_private(tmp_path: Path, workshop: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(f"{CSV_HEADER}TX,yes\n")
    out = tmp_path / "new" / "out"
    assert run("workshop", "add", workshop, "--csv", csv, "--out", out).code == 0
    for folder in (tmp_path / "new", out, out / "participant-1"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert json.loads(workshop.read_text())["participants"] == len(names(out)) == 1


def test_a_failed_update_leaves_no_releases_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "catalog-home"
    monkeypatch.setenv("EXPOSURE_CATALOG_HOME", str(home))
    with socket.socket() as sock:  # a port that refuses connections
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/catalog.tar.gz"
    answer = run("catalog", "update", "--from", url, "--sha256", "0" * 64, "--yes")
    assert_refused(answer)
    assert not (home / "releases").exists()


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    import time

    from exposure.atomic import STALE_SECONDS, write_atomic

    target = tmp_path / "letter.pdf"
    stale = tmp_path / ".letter.pdf.0123456789ab.tmp"
    fresh = tmp_path / ".letter.pdf.ba9876543210.tmp"  # another writer, still at work
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a letter")
    old = time.time() - STALE_SECONDS - 5
    os.utime(stale, (old, old))
    write_atomic(target, b"the whole letter")
    assert names(tmp_path) == [fresh.name, "letter.pdf"]

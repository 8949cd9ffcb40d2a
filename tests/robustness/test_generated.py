"""Thousands of bad inputs, generated from valid files, through the real CLI.

For every kind of file the tool reads, hypothesis damages a valid one (see mutations.py) and
the command that reads it must answer clearly: never an internal error or a traceback, the file
named when it refuses, no planted canary in the output, nothing half-written and saved data
unchanged. ``--robustness-full`` raises the number of cases per test from a quick sample to
hundreds (docs/robustness.md has the latest count and time).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exposure.profile.files import demo_profile, profile_to_text
from tests.conftest import FIXTURES, SHIPPED_CATALOG
from tests.robustness.harness import (
    CANARY,
    assert_clear,
    names,
    run,
    snapshot,
)
from tests.robustness.mutations import byte_mutations, data_mutations, to_json, to_toml

Check = Callable[[bytes], None]


def hammer(examples: int, valid: bytes, check: Check, data: Any = None, toml: bool = False) -> None:
    """Run ``check`` on byte-level damage of ``valid``, and on structured damage of ``data``."""
    strategies: list[st.SearchStrategy[bytes | None]] = [byte_mutations(valid)]
    if data is not None:
        strategies.append(data_mutations(data).map(to_toml if toml else to_json))

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(strategies))
    def case(bad: bytes | None) -> None:
        if bad is not None:
            check(bad)

    case()


@contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="exposure-robust-") as folder:
        yield Path(folder)


# --- profile files -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_profile_files(robustness_examples: int, suffix: str) -> None:
    valid_profile = demo_profile()
    valid = profile_to_text(valid_profile, suffix).encode()
    data = valid_profile.model_dump(mode="json", exclude_none=True)

    def check(bad: bytes) -> None:
        with scratch() as folder:
            path = folder / f"profile{suffix}"
            path.write_bytes(bad)
            assert_clear(run("audit", "--profile", path), path)

    hammer(robustness_examples * 2, valid, check, data, toml=suffix == ".toml")


def test_profile_import_over_a_saved_profile(robustness_examples: int, real_keyring: Any) -> None:
    """A refused import leaves the saved profile exactly as it was."""
    import os

    valid_profile = demo_profile().without_identity()
    valid = profile_to_text(valid_profile, ".json").encode()
    data = valid_profile.model_dump(mode="json", exclude_none=True)
    vault = Path(os.environ["EXPOSURE_VAULT"])
    with scratch() as folder:
        (folder / "saved.json").write_bytes(valid)
        assert run("profile", "import", folder / "saved.json").code == 0

    def check(bad: bytes) -> None:
        with scratch() as folder:
            path = folder / "profile.json"
            path.write_bytes(bad)
            before = snapshot(vault)
            answer = run("profile", "import", path)
            assert_clear(answer, path)
            if answer.code != 0:
                assert snapshot(vault) == before, "a refused import changes nothing"

    hammer(robustness_examples, valid, check, data)


# --- workshop ----------------------------------------------------------------------------------

VALID_CSV = b"state,utility_electric,phone_plan,past_states\nTX,yes,postpaid,CA;NM\nCA,no,,\n"


def test_workshop_csv(robustness_examples: int) -> None:
    def check(bad: bytes) -> None:
        with scratch() as folder:
            workshop, csv, out = folder / "w.json", folder / "p.csv", folder / "out"
            assert run("workshop", "start", workshop, "--name", "Fictional").code == 0
            before = workshop.read_bytes()
            csv.write_bytes(bad)
            answer = run("workshop", "add", workshop, "--csv", csv, "--out", out)
            assert_clear(answer, csv)
            counted = json.loads(workshop.read_text())["participants"]
            assert counted == len(names(out)), "the count and the folders agree"
            assert names(folder) == sorted(["w.json", "p.csv", *(["out"] if out.exists() else [])])
            if answer.code != 0:
                assert workshop.read_bytes() == before
                assert not out.exists(), "a refused batch writes nothing"

    hammer(robustness_examples, VALID_CSV, check)


def test_workshop_file(robustness_examples: int, tmp_path: Path) -> None:
    from exposure.cli.main import main

    template = tmp_path / "w.json"
    assert main(["workshop", "start", str(template), "--name", "Fictional workshop"]) == 0
    valid = template.read_bytes()

    def check(bad: bytes) -> None:
        with scratch() as folder:
            workshop = folder / "w.json"
            workshop.write_bytes(bad)
            answer = run("workshop", "close", workshop)
            # A workshop's own name is printed when it closes; a refusal repeats nothing.
            assert_clear(answer, workshop, canary=CANARY if answer.code else "\0never\0")
            if answer.code != 0:
                assert workshop.read_bytes() == bad, "a refused workshop file is left alone"
            report = run("workshop", "report", workshop, "--out", folder / "r.pdf")
            assert_clear(report, workshop, canary=CANARY if report.code else "\0never\0")

    hammer(robustness_examples, valid, check, json.loads(valid))


# --- the catalog -------------------------------------------------------------------------------

LAW = SHIPPED_CATALOG / "laws" / "ca-ccpa.toml"
CATALOG_FILES = {
    "broker": ("brokers/valid-broker.toml", FIXTURES / "valid-broker.toml"),
    "facts": ("facts.toml", SHIPPED_CATALOG / "facts.toml"),
    "categories": ("categories.toml", SHIPPED_CATALOG / "categories.toml"),
    "catalog": ("catalog.toml", SHIPPED_CATALOG / "catalog.toml"),
    "law": ("laws/ca-ccpa.toml", LAW),
}


@pytest.mark.parametrize("which", CATALOG_FILES)
def test_catalog_files(robustness_examples: int, which: str, minimal_catalog: Path) -> None:
    import tomllib

    (minimal_catalog / "laws").mkdir()
    shutil.copy(LAW, minimal_catalog / "laws" / LAW.name)
    relative, source = CATALOG_FILES[which]
    valid = source.read_bytes()

    def check(bad: bytes) -> None:
        with scratch() as folder:
            root = folder / "catalog"
            shutil.copytree(minimal_catalog, root)
            (root / relative).write_bytes(bad)
            answer = run("--no-cache", "catalog", "validate", root)
            assert_clear(answer, root)  # a renamed id may be blamed on the file using it

    hammer(robustness_examples, valid, check, tomllib.loads(valid.decode()), toml=True)


# --- registry exports for import-registry ------------------------------------------------------


def test_registry_csv(robustness_examples: int, tmp_path: Path) -> None:
    from broker_catalog.importers import vt
    from tests.broker_catalog.importers.support import make_catalog, write_csv

    catalog = make_catalog(tmp_path / "catalog")
    row = {vt.NAME: "Fictional Data LLC", vt.REGISTRATION_ID: "350001", vt.STATUS: "ACTIVE"}
    valid = write_csv(tmp_path / "vt.csv", vt.COLUMNS, [row, row | {vt.NAME: "Other LLC"}])
    before = snapshot(catalog)

    def check(bad: bytes) -> None:
        with scratch() as folder:
            path = folder / "vt.csv"
            path.write_bytes(bad)
            answer = run(
                "--catalog", catalog, "catalog", "import-registry", "--format", "vt", path,
                "--dry-run", "--quiet",
            )  # fmt: skip
            # Row problems in a registry (public business data) are quoted in the review
            # report by design; a refusal of the whole file never repeats its cells.
            assert_clear(answer, path, canary=CANARY if answer.code else "\0never\0")
            assert snapshot(catalog) == before

    hammer(robustness_examples, valid.read_bytes(), check)


# --- e-mail drafts for send --------------------------------------------------------------------

VALID_EML = (
    b"From: Fictional Person <person@example.org>\r\nTo: privacy@broker.example.org\r\n"
    b"Subject: Request to delete my personal information\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: text/plain; charset="utf-8"\r\n\r\nPlease delete my records.\r\n'
)


def test_eml_drafts(robustness_examples: int) -> None:
    def check(bad: bytes) -> None:
        with scratch() as folder:
            (folder / "drafts").mkdir()
            path = folder / "drafts" / "broker-delete.eml"
            path.write_bytes(bad)
            answer = run(
                "send", "--smtp-host", "127.0.0.1", "--security", "none", "--dry-run",
                folder / "drafts",
            )  # fmt: skip
            # A dry run prints the drafts it would send, by design; a refusal prints none, and
            # names the draft by its file name (the folder is the one given on the command line).
            # The one thing a refusal repeats is the name of a header exposure does not write
            # (a field name, shown by design: tests/exposure/cli/test_letters_commands.py).
            shown = answer.code == 0 or "header(s) exposure does not write" in answer.err
            assert_clear(answer, path.name, canary="\0never\0" if shown else CANARY)

    hammer(robustness_examples, VALID_EML, check)

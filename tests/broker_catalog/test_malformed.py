"""Each malformed example names the file, the field (and the line where it can), and what was
expected. The examples live in fixtures/malformed/, each with its expectation in header comments."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from broker_catalog import CatalogError, load_catalog

MALFORMED = Path(__file__).parent / "fixtures" / "malformed"
CASES = sorted(MALFORMED.glob("*.toml"))


def _expectations(path: Path) -> dict[str, str]:
    found = re.findall(r"^# expect-(\w+):[ ]?(.*)$", path.read_text(), re.M)
    return dict(found)


def test_there_are_examples_of_every_required_kind() -> None:
    required = {
        "bad-toml-syntax", "missing-field", "wrong-type", "unknown-category",
        "duplicate-id", "dangling-parent", "bad-url", "future-date",
    }  # fmt: skip
    assert required <= {p.stem for p in CASES}


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_malformed_input_is_reported_with_file_and_field(case: Path, minimal_catalog: Path) -> None:
    expect = _expectations(case)
    target = minimal_catalog / "brokers" / case.name
    shutil.copy(case, target)
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_catalog, use_cache=False)
    mine = [p for p in caught.value.problems if p.file.name == case.name]
    assert mine, f"no problem reported against {case.name}: {caught.value.message}"
    matching = [p for p in mine if p.field == expect["field"] and expect["message"] in p.message]
    assert matching, f"expected {expect} in:\n{caught.value.message}"
    if "line" in expect:
        assert matching[0].line == int(expect["line"])
    assert case.name in caught.value.message
    if case.stem not in ("duplicate-id", "duplicate-brand"):
        assert "valid-broker.toml" not in caught.value.message, "only the broken file is blamed"

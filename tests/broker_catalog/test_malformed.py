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


def test_a_bad_key_of_a_table_is_named_as_a_key_never_repeated(minimal_catalog: Path) -> None:
    """A table's keys (a law's ``agents``, say) can be any text the file holds: a bad one is
    reported by the table's name, never by the text itself."""
    from tests.conftest import SHIPPED_CATALOG

    typed = "Fictional Person 1988"
    (minimal_catalog / "laws").mkdir()
    text = (SHIPPED_CATALOG / "laws" / "ca-ccpa.toml").read_text(encoding="utf-8")
    assert "[agents]\n" in text
    text = text.replace("[agents]\n", f'[agents]\n"{typed}" = "yes"\n', 1)
    (minimal_catalog / "laws" / "ca-ccpa.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_catalog, use_cache=False)
    assert [p.field for p in caught.value.problems] == ["agents.(a key)"]
    assert typed not in caught.value.message

"""Catalog translations: fingerprinted, checked all or nothing, stale ones shown as marked English,
and the shipped Spanish complete for every researched record."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from broker_catalog.errors import CatalogError
from broker_catalog.loader import default_root, load_catalog
from broker_catalog.stats import translation_stats
from broker_catalog.translate import apply, todo
from broker_catalog.translations import (
    FALLBACK_MARKER,
    broker_texts,
    coverage_report,
    fingerprint,
    load_catalog_text,
    render_file,
)

MARK = FALLBACK_MARKER["es"]


def _write(root: Path, name: str, body: str) -> Path:
    path = root / "i18n" / "es" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def _entry(field: str, english: str, text: str) -> str:
    return f'[[text]]\nfield = "{field}"\nen = "{fingerprint(english)}"\ntext = "{text}"\n'


SUMMARY = "A fictional broker that exercises every part of the schema."


def test_a_current_translation_is_shown(minimal_catalog: Path) -> None:
    _write(minimal_catalog, "brokers/valid-broker.toml", _entry("summary", SUMMARY, "Ficticio."))
    catalog = load_catalog(minimal_catalog, use_cache=False)
    text = load_catalog_text(catalog, "es", minimal_catalog)
    broker = catalog.by_id["valid-broker"]
    assert text.broker(broker, "summary") == "Ficticio."
    assert text.broker(broker, "opt_out.steps[0]") == MARK + "Open the form."


def test_a_changed_english_text_makes_the_translation_stale(minimal_catalog: Path) -> None:
    _write(minimal_catalog, "brokers/valid-broker.toml", _entry("summary", "Old text.", "Viejo."))
    catalog = load_catalog(minimal_catalog, use_cache=False)
    text = load_catalog_text(catalog, "es", minimal_catalog)
    broker = catalog.by_id["valid-broker"]
    assert text.state("brokers", broker.id, "summary", SUMMARY) == "stale"
    assert text.broker(broker, "summary") == MARK + SUMMARY
    report = coverage_report(catalog, text)
    assert report["researched_brokers"]["stale"] == 1  # type: ignore[index]
    assert report["stale_files"] == ["brokers/valid-broker"]


def test_english_needs_no_files(minimal_catalog: Path) -> None:
    catalog = load_catalog(minimal_catalog, use_cache=False)
    text = load_catalog_text(catalog, "en", minimal_catalog)
    assert text.broker(catalog.by_id["valid-broker"], "summary") == SUMMARY


def test_every_problem_is_reported_with_file_line_and_field_never_the_text(
    minimal_catalog: Path,
) -> None:
    hidden = "TEXTO-QUE-NO-DEBE-APARECER"
    bad = (
        _entry("summary", SUMMARY, hidden)
        + "\n"
        + _entry("summary", SUMMARY, hidden)  # twice
        + '\n[[text]]\nfield = "holdings[0].triggers"\nen = "0123456789abcdef"\n'
        + f'text = "{hidden}"\n'
        + '\n[[text]]\nfield = "holdings[0].what"\nen = "nothex"\n'
        + f'text = "{hidden}"\n'
        + f'\n[[text]]\nfield = "holdings[0].how"\nen = "0123456789abcdef"\nnote = "{hidden}"\n'
    )
    broker_file = _write(minimal_catalog, "brokers/valid-broker.toml", bad)
    _write(minimal_catalog, "brokers/no-such-broker.toml", _entry("summary", "x", "y"))
    _write(minimal_catalog, "facts.toml", "[[text]\n")
    catalog = load_catalog(minimal_catalog, use_cache=False)
    with pytest.raises(CatalogError) as caught:
        load_catalog_text(catalog, "es", minimal_catalog)
    message = caught.value.message
    assert hidden not in message
    problems = {(p.file.name, p.field, p.line) for p in caught.value.problems}
    assert ("valid-broker.toml", "summary", 7) in problems  # the second one
    assert ("valid-broker.toml", "holdings[0].triggers", 12) in problems
    assert ("valid-broker.toml", "holdings[0].what", 17) in problems
    assert ("valid-broker.toml", "holdings[0].how", 22) in problems
    assert any(p.file.name == "no-such-broker.toml" for p in caught.value.problems)
    assert any(p.file.name == "facts.toml" and p.line == 1 for p in caught.value.problems)
    assert "not a person-facing text" in message
    assert "translated twice" in message
    assert "fingerprint" in message
    assert "unknown key(s): note" in message
    assert broker_file.is_file()


def test_the_helper_lists_what_is_left_and_writes_fingerprints(minimal_catalog: Path) -> None:
    catalog = load_catalog(minimal_catalog, use_cache=False)
    left = todo(catalog, minimal_catalog, "es", "brokers", 10)
    assert left["brokers/valid-broker"]["summary"] == SUMMARY
    apply(catalog, minimal_catalog, "es", {"brokers/valid-broker": {"summary": "Ficticio."}})
    text = load_catalog_text(catalog, "es", minimal_catalog)
    assert text.broker(catalog.by_id["valid-broker"], "summary") == "Ficticio."
    assert "summary" not in todo(catalog, minimal_catalog, "es", "brokers", 10).get(
        "brokers/valid-broker", {}
    )
    with pytest.raises(SystemExit, match="not person-facing"):
        apply(catalog, minimal_catalog, "es", {"brokers/valid-broker": {"name": "x"}})


def test_render_file_round_trips_quotes_and_newlines(minimal_catalog: Path) -> None:
    catalog = load_catalog(minimal_catalog, use_cache=False)
    broker = catalog.by_id["valid-broker"]
    tricky = 'Dice "hola" \\ y\nsigue'
    body = render_file("brokers/valid-broker.toml", broker_texts(broker), {"summary": tricky})
    _write(minimal_catalog, "brokers/valid-broker.toml", body)
    text = load_catalog_text(catalog, "es", minimal_catalog)
    assert text.broker(broker, "summary") == tricky


# The shipped catalog -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, object]:
    catalog = load_catalog(use_cache=False)
    return translation_stats(catalog)["es"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "part",
    ["facts", "categories", "messages", "groups", "government", "laws", "researched_brokers"],
)
def test_the_shipped_spanish_is_complete_and_current(
    shipped: dict[str, dict[str, int]], part: str
) -> None:
    found = shipped[part]
    assert found["stale"] == 0, f"{part}: {found['stale']} stale; {shipped['stale_files']}"
    assert found["translated"] == found["fields"], (
        f"{part}: {found['missing']} of {found['fields']} fields untranslated; "
        "list them with: python -m broker_catalog.translate todo es"
    )


def test_no_shipped_translation_is_stale(shipped: dict[str, object]) -> None:
    assert shipped["stale_files"] == []


def test_catalog_stats_reports_translations(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(default_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "exposure.cli.main",
            "--catalog",
            str(root),
            "catalog",
            "stats",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    es = json.loads(out.stdout)["translations"]["es"]
    assert es["facts"]["percent"] == 100.0
    assert set(es) >= {"facts", "categories", "laws", "researched_brokers", "stale_files"}

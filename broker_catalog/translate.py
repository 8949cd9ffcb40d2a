"""Translators' helper: what is left to translate, and writing translations in with fingerprints.

    python -m broker_catalog.translate todo es [--kind brokers] [--limit 10] > todo.json
    python -m broker_catalog.translate apply es done.json

``todo`` prints, as JSON, the English of every missing or stale text: ``{"brokers/acxiom":
{"summary": "…"}}``. ``apply`` reads the same shape with the translations in place of the English,
fingerprints the *current* English of each field, merges with what is already translated, and
writes ``i18n/<lang>/…`` only if every translation file still validates afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from broker_catalog.catalog import Catalog
from broker_catalog.loader import default_root, load_catalog
from broker_catalog.translations import (
    Kind,
    english_for,
    i18n_root,
    is_researched,
    load_catalog_text,
    render_file,
)


def _records(catalog: Catalog, kind: str | None) -> list[tuple[Kind, str, str]]:
    """(kind, record id, file name relative to the i18n folder), researched brokers first."""
    out: list[tuple[Kind, str, str]] = [
        ("facts", "", "facts"),
        ("categories", "", "categories"),
        ("messages", "", "messages"),
        ("groups", "", "groups"),
    ]
    brokers = sorted(catalog.brokers, key=lambda b: (not is_researched(b), b.id))
    out += [("brokers", b.id, f"brokers/{b.id}") for b in brokers]
    out += [("laws", law.id, f"laws/{law.id}") for law in catalog.laws]
    out += [("government", g.id, f"government/{g.id}") for g in catalog.government]
    return [r for r in out if kind is None or r[0] == kind]


def todo(
    catalog: Catalog, root: Path, language: str, kind: str | None, limit: int
) -> dict[str, dict[str, str]]:
    text = load_catalog_text(catalog, language, root)
    out: dict[str, dict[str, str]] = {}
    for record_kind, record, name in _records(catalog, kind):
        english = english_for(catalog, record_kind, record) or {}
        left = {
            path: en
            for path, en in english.items()
            if text.state(record_kind, record, path, en) != "translated"
        }
        if left:
            out[name] = left
        if len(out) >= limit:
            break
    return out


def apply(
    catalog: Catalog, root: Path, language: str, done: dict[str, dict[str, str]]
) -> list[Path]:
    current = load_catalog_text(catalog, language, root)
    base = i18n_root(root, language)
    written: dict[Path, str | None] = {}
    for name, fields in done.items():
        kinds: dict[str, Kind] = {
            "brokers": "brokers",
            "laws": "laws",
            "government": "government",
            "facts": "facts",
            "messages": "messages",
            "groups": "groups",
            "categories": "categories",
        }
        folder, _, record = name.partition("/")
        if folder not in kinds:
            raise SystemExit(f"{name}: not a translation file name")
        kind = kinds[folder]
        english = english_for(catalog, kind, record)
        if english is None:
            raise SystemExit(f"{name}: no such record in the catalog")
        unknown = sorted(set(fields) - set(english))
        if unknown:
            raise SystemExit(f"{name}: not person-facing fields: {', '.join(unknown)}")
        merged = {
            path: entry.text
            for path, entry in current.entries.get((kind, record), {}).items()
            if path in english and current.state(kind, record, path, english[path]) == "translated"
        }
        merged.update(fields)
        target = base / f"{name}.toml"
        written[target] = target.read_text(encoding="utf-8") if target.is_file() else None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_file(f"{name}.toml", english, merged), encoding="utf-8")
    try:
        load_catalog_text(catalog, language, root)
    except Exception:
        for target, old in written.items():
            if old is None:
                target.unlink()
            else:
                target.write_text(old, encoding="utf-8")
        raise
    return list(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m broker_catalog.translate")
    parser.add_argument("--catalog", type=Path, default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("todo")
    p.add_argument("language")
    p.add_argument(
        "--kind",
        choices=("facts", "categories", "messages", "groups", "brokers", "laws", "government"),
    )
    p.add_argument("--limit", type=int, default=10_000)
    p = sub.add_parser("apply")
    p.add_argument("language")
    p.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    root = (args.catalog or default_root()).resolve()
    catalog = load_catalog(root, use_cache=False)
    if args.command == "todo":
        json.dump(
            todo(catalog, root, args.language, args.kind, args.limit),
            sys.stdout,
            indent=1,
            ensure_ascii=False,
        )
        print()
        return 0
    done = json.loads(args.file.read_text(encoding="utf-8"))
    for path in apply(catalog, root, args.language, done):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

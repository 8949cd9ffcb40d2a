"""Rewrite every committed file that is generated from code.

    python -m exposure.regenerate

Tests compare each file with what this would write and fail, naming this command, on drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from broker_catalog.jsonschema import (
    GOVERNMENT_SCHEMA_FILE,
    SCHEMA_FILE,
    broker_json_schema,
    government_json_schema,
)

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
BEGIN, END = "<!-- BEGIN GENERATED: schema reference -->", "<!-- END GENERATED -->"


def cli_reference() -> str:
    from exposure.cli.reference import markdown

    return markdown()


def catalog_doc(current: str) -> str:
    """docs/catalog.md with its generated reference section replaced."""
    from broker_catalog.reference import markdown

    block = f"{BEGIN}\n\n{markdown()}\n{END}"
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(current):
        raise SystemExit(f"docs/catalog.md has no '{BEGIN}' … '{END}' section")
    return pattern.sub(lambda _: block, current)


def catalog_coverage() -> str:
    from broker_catalog.coverage import coverage_markdown
    from broker_catalog.loader import load_catalog

    return coverage_markdown(load_catalog(use_cache=False))


LETTERS_BEGIN = "<!-- BEGIN GENERATED: letters by law -->"


def letters_doc(current: str) -> str:
    """docs/letters.md with its generated table of every template under every law replaced."""
    from broker_catalog.loader import load_catalog
    from exposure.letters.reference import markdown

    block = f"{LETTERS_BEGIN}\n\n{markdown(load_catalog(use_cache=False))}\n{END}"
    pattern = re.compile(re.escape(LETTERS_BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(current):
        raise SystemExit(f"docs/letters.md has no '{LETTERS_BEGIN}' … '{END}' section")
    return pattern.sub(lambda _: block, current)


def targets() -> dict[Path, Callable[[str], str]]:
    """Each generated file and how to compute its content from its current content."""
    return {
        SCHEMA_FILE: lambda _old: broker_json_schema(),
        GOVERNMENT_SCHEMA_FILE: lambda _old: government_json_schema(),
        DOCS / "cli.md": lambda _old: cli_reference(),
        DOCS / "catalog.md": catalog_doc,
        DOCS / "catalog-coverage.md": lambda _old: catalog_coverage(),
        DOCS / "letters.md": letters_doc,
    }


def main() -> None:
    for path, make in targets().items():
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = make(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"rewrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()

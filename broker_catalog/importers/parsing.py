"""Parse a whole registry file into one filing per broker, with every problem on record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from broker_catalog.errors import UserFacingError
from broker_catalog.importers import ca_ag, ca_cppa, opt_out_pages, vt
from broker_catalog.importers.dedupe import dedupe
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.problems import RowProblem
from broker_catalog.importers.row import Row
from broker_catalog.importers.sources import REGISTRIES, Registry
from broker_catalog.importers.table import read_table
from broker_catalog.locate import field_path

RowParser = Callable[[Row, dt.date], Filing | None]

FORMATS: dict[str, tuple[tuple[str, ...], RowParser]] = {
    "ca-cppa": (ca_cppa.COLUMNS, ca_cppa.parse_row),
    "ca-ag": (ca_ag.COLUMNS, ca_ag.parse_row),
    "vt": (vt.COLUMNS, vt.parse_row),
    "opt-out-pages": (opt_out_pages.COLUMNS, opt_out_pages.parse_row),
}


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A file read end to end: one filing per broker after de-duplication."""

    registry: Registry
    path: Path
    rows_read: int
    filings: tuple[Filing, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...]


def registry_for(fmt: str) -> Registry:
    if fmt not in REGISTRIES:
        known = ", ".join(sorted(REGISTRIES))
        raise UserFacingError(f"unknown registry format {fmt!r} (expected one of: {known})")
    return REGISTRIES[fmt]


def parse_registry(fmt: str, path: Path, *, today: dt.date) -> ParsedFile:
    """Read ``path`` as format ``fmt``; raises a ``CatalogError`` if the file itself is wrong."""
    registry = registry_for(fmt)
    columns, parse_row = FORMATS[fmt]
    table = read_table(path, columns)
    problems: list[RowProblem] = []
    filings: list[Filing] = []
    for number, record in table.rows:
        if not any(cell.strip() for cell in record):
            problems.append(RowProblem(number, "(row)", "a broker's filing", "an empty row", True))
            continue
        if len(record) < table.width:
            expected = f"{table.width} columns"
            problems.append(RowProblem(number, "(row)", expected, f"{len(record)} columns", True))
            continue
        row = Row(number, {name: record[i] for name, i in table.columns.items()}, problems)
        try:
            parsed = parse_row(row, today)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = field_path(error["loc"]) or "(record)"
                message = str(error["msg"]).removeprefix("Value error, ")
                problems.append(RowProblem(number, where, f"a valid value ({message})",
                                           str(error.get("input", ""))[:200], True))  # fmt: skip
            continue
        if parsed is not None:
            filings.append(parsed)
    deduped = dedupe(filings)
    return ParsedFile(
        registry, path, len(table.rows), deduped.filings, tuple(problems), deduped.notes
    )

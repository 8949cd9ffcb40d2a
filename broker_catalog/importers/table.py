"""Read a registry CSV: find the real header, check the columns, hand out numbered rows.

A wrong or truncated file must fail loudly before anything is imported, with the row and the
column named; a merely odd row is the parser's business and is reported, not fatal.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from broker_catalog.errors import CatalogError, Problem, UserFacingError
from broker_catalog.importers import cells
from broker_catalog.limits import MAX_REGISTRY_FILE, read_bytes_limited

#: How far down the file the header row may be (the CPPA export has a note row above it).
HEADER_SEARCH_ROWS = 5


def column_key(header: str) -> str:
    """Compare headers loosely: case, non-breaking spaces and spacing vary between exports."""
    return " ".join(header.replace("\u00a0", " ").split()).casefold()


@dataclass(frozen=True, slots=True)
class Table:
    """The data rows of a registry file, each with its spreadsheet row number."""

    path: Path
    header_row: int
    columns: dict[str, int]  # wanted column name -> index
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    width: int

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for number, cells_ in self.rows:
            yield number, {name: cells_[i] for name, i in self.columns.items()}


def read_table(path: Path, wanted: Sequence[str]) -> Table:
    """Read ``path`` and locate every column in ``wanted``, or raise a :class:`CatalogError`."""
    records = _records(path)
    wanted_keys = {column_key(w): w for w in wanted}
    first = column_key(wanted[0])
    header_at = next(
        (i for i, rec in enumerate(records[:HEADER_SEARCH_ROWS]) if first in map(column_key, rec)),
        None,
    )
    if header_at is None:
        # The expected column is named; the file's own cells are not repeated.
        msg = (
            f"no header row found: expected a row containing the column {wanted[0]!r} within "
            f"the first {HEADER_SEARCH_ROWS} rows; is this the right format?"
        )
        raise CatalogError([Problem(path, "header", msg, 1)])
    header = records[header_at]
    index = {column_key(h): i for i, h in reversed(list(enumerate(header)))}
    missing = [w for key, w in wanted_keys.items() if key not in index]
    if missing:
        problems = [
            Problem(path, f"row {header_at + 1}", f"missing column {name!r}") for name in missing
        ]
        raise CatalogError(problems)
    columns = {w: index[key] for key, w in wanted_keys.items()}
    width = len(header)
    rows: list[tuple[int, tuple[str, ...]]] = []
    data = records[header_at + 1 :]
    for offset, record in enumerate(data):
        number = header_at + 2 + offset
        if len(record) < width and offset == len(data) - 1 and any(c.strip() for c in record):
            last = header[len(record)] if len(record) < len(header) else "?"
            msg = (
                f"the file looks truncated: the last row has {len(record)} of {width} columns "
                f"(first missing column {cells.one_line(last)!r})"
            )
            raise CatalogError([Problem(path, f"row {number}", msg)])
        rows.append((number, tuple(record)))
    return Table(path, header_at + 1, columns, tuple(rows), width)


def _records(path: Path) -> list[list[str]]:
    try:
        raw = read_bytes_limited(path, MAX_REGISTRY_FILE, UserFacingError)
    except UserFacingError as exc:
        raise CatalogError([Problem(path, "", exc.message.replace(f"{path} ", "", 1))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}: {exc.reason}); export the file as UTF-8 CSV"
        raise CatalogError([Problem(path, "", msg)]) from None
    if "\x00" in text:
        raise CatalogError([Problem(path, "", "contains NUL bytes; this is not a CSV text file")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        msg = f"unreadable CSV after row {len(records)}: {exc} (an unclosed quote, or truncated?)"
        raise CatalogError([Problem(path, f"row {len(records) + 1}", msg)]) from None
    if not records:
        raise CatalogError([Problem(path, "", "the file is empty")])
    return records

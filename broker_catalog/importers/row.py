"""One CSV row being read: typed accessors that record a problem instead of guessing.

Parsers ask for ``row.email(COLUMN)``; a cell that is not an e-mail becomes ``"unknown"`` plus a
:class:`RowProblem` naming the row and column, so nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from broker_catalog.importers import cells
from broker_catalog.importers.cells import CellError
from broker_catalog.importers.problems import RowProblem
from broker_catalog.schema import Tri

T = TypeVar("T")


class Row:
    """The cells of one data row, keyed by the column names the parser asked for."""

    def __init__(self, number: int, values: Mapping[str, str], problems: list[RowProblem]) -> None:
        self.number = number
        self.values = values
        self.problems = problems

    def raw(self, column: str) -> str:
        return self.values[column]

    def problem(self, column: str, expected: str, *, skipped: bool = False) -> None:
        got = cells.one_line(self.values.get(column, ""))
        self.problems.append(RowProblem(self.number, column, expected, got, skipped))

    def read(self, column: str, parse: Callable[[str], T]) -> T | None:
        """Apply a cell parser; on a :class:`CellError`, record it and return ``None``."""
        try:
            return parse(self.values[column])
        except CellError as exc:
            self.problem(column, exc.expected)
            return None

    def text(self, column: str) -> str | None:
        return cells.text(self.values[column])

    def line(self, column: str) -> str | None:
        value = cells.text(self.values[column])
        return None if value is None else cells.one_line(value)

    def tri(self, column: str) -> Tri:
        return self.read(column, cells.yes_no) or "unknown"

    def email(self, column: str) -> str | None:
        return self.read(column, cells.email)

    def phone(self, column: str) -> str | None:
        return self.read(column, cells.phone)

    def url(self, column: str) -> str | None:
        return self.read(column, cells.https_url)

    def website(self, column: str) -> str | None:
        """A broker's website; a cell listing several sites yields the first one."""
        return self.read(column, cells.first_https_url)

    def count(self, column: str) -> int | None:
        return self.read(column, cells.count)

    def days(self, column: str) -> float | None:
        return self.read(column, cells.days)

"""What went wrong with one row, in words a maintainer can act on without opening a debugger."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One cell (or a whole row) that could not be imported as filed.

    ``row`` is the record's position in the file as a spreadsheet shows it (header rows count,
    a multi-line cell does not add rows). ``skipped`` says whether the whole row was left out or
    only this value was left ``unknown``.
    """

    row: int
    column: str
    expected: str
    got: str
    skipped: bool = False

    def __str__(self) -> str:
        got = self.got if len(self.got) <= 80 else self.got[:77] + "..."
        outcome = "row skipped" if self.skipped else "value left unknown"
        where = f"row {self.row}, column {self.column!r}"
        return f"{where}: expected {self.expected}, got {got!r} ({outcome})"


@dataclass(frozen=True, slots=True)
class HeldBack:
    """A fact from a file that the catalog schema has no field for yet.

    Kept in the import report instead of being squeezed into a field that means something else
    (a search-hidden opt-out page is not a broker "statement").
    """

    broker_id: str
    field: str
    value: str
    source: str

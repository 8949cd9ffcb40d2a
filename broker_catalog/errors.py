"""Errors meant for people: each carries a message that says what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class UserFacingError(Exception):
    """Base of every error whose message a person should read instead of a traceback.

    The catalog package defines it so that it stays usable without the application; the
    application's own errors derive from it too, so one ``except`` in the CLI catches both.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one catalog file."""

    file: Path
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class CatalogError(UserFacingError):
    """The catalog cannot be loaded; ``problems`` lists every reason found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"the catalog has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))

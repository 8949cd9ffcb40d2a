"""What an import did or would do, readable by the maintainer who reviews it.

The report is the review surface of an import: new records, field-level changes to existing
ones, rows that could not be imported (with row, column and what was expected), decisions
taken on the way (duplicates, matches), and facts the schema cannot hold yet.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from broker_catalog.importers.diffing import FieldChange
from broker_catalog.importers.problems import HeldBack, RowProblem


@dataclass(frozen=True, slots=True)
class BrokerChange:
    """A record the import creates or changes, with the CSV rows it came from."""

    broker_id: str
    name: str
    path: Path
    rows: tuple[int, ...]
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class FileChange:
    """The before and after text of one record file (``before`` is ``None`` for a new file)."""

    path: Path
    before: str | None
    after: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of :func:`broker_catalog.importers.import_registry`."""

    fmt: str
    source_id: str
    csv_path: Path
    catalog_root: Path
    dry_run: bool
    rows_read: int
    brokers_in_file: int
    new: tuple[BrokerChange, ...]
    changed: tuple[BrokerChange, ...]
    unchanged: tuple[str, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...]
    held_back: tuple[HeldBack, ...]
    files: tuple[FileChange, ...]

    @property
    def skipped_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems if p.skipped}))

    def summary(self) -> str:
        mode = "dry run, nothing written" if self.dry_run else "written"
        return (
            f"{self.fmt} ({self.source_id}) from {self.csv_path.name}: {self.rows_read} rows, "
            f"{self.brokers_in_file} brokers; {len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged; {len(self.problems)} problems "
            f"({len(self.skipped_rows)} rows skipped) [{mode}]"
        )

    def render(self, *, details: bool = True, diff: bool = False) -> str:
        """The report as text; ``diff`` appends a unified diff of every file that would change."""
        out = [self.summary()]
        if self.problems:
            out += ["", "Problems (fix the file or the catalog, then re-run):"]
            out += [f"  {p}" for p in self.problems]
        if details and self.notes:
            out += ["", "Decisions:"]
            out += [f"  {n}" for n in self.notes]
        if self.new:
            out += ["", "New brokers:"]
            out += [f"  + {c.broker_id}  {c.name}  (rows {_rows(c.rows)})" for c in self.new]
        if self.changed:
            out += ["", "Changed brokers:"]
            for change in self.changed:
                out.append(f"  ~ {change.broker_id}  {change.name}  (rows {_rows(change.rows)})")
                if details:
                    out += [f"      {c}" for c in change.changes]
        if details and self.held_back:
            out += ["", "Held back (no schema field yet):"]
            counts: dict[str, int] = {}
            for fact in self.held_back:
                key = fact.field.split("[")[0] + ("[...]" if "[" in fact.field else "")
                counts[key] = counts.get(key, 0) + 1
            out += [f"  {field}: {n} values" for field, n in sorted(counts.items())]
        if diff:
            out += ["", self.unified_diff()]
        return "\n".join(out).rstrip() + "\n"

    def unified_diff(self) -> str:
        chunks: list[str] = []
        for change in self.files:
            name = str(change.path.relative_to(self.catalog_root))
            before = [] if change.before is None else change.before.splitlines(keepends=True)
            chunks += difflib.unified_diff(
                before,
                change.after.splitlines(keepends=True),
                fromfile="/dev/null" if change.before is None else f"a/{name}",
                tofile=f"b/{name}",
            )
        return "".join(chunks)


def _rows(rows: tuple[int, ...]) -> str:
    return ", ".join(map(str, rows)) if rows else "-"

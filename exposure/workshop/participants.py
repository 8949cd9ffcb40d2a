"""Participants from a CSV of life facts, and printing each participant's own papers.

The CSV's columns must be life-fact ids and nothing else: a column such as "name" or "email"
is refused with a clear error, before any row is read, so personal data never enters a workshop
by accident. Multi-answer cells separate their values with semicolons.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from broker_catalog.catalog import Catalog
from broker_catalog.limits import decode_text, field_name, read_bytes_limited
from broker_catalog.schema import LifeFact
from exposure.atomic import ensure_private_dir, write_atomic
from exposure.catalog_language import catalog_text
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.letters.draft import draft_letter
from exposure.limits import MAX_PARTICIPANTS_CSV, MAX_ROWS_PER_ADD
from exposure.pdf.letters import pdf_bytes
from exposure.profile.answers import check_answer, parse_answer
from exposure.profile.model import Profile


class ParticipantsError(ExposureError):
    """The participants file cannot be used as it is."""


def read_participants(path: Path, catalog: Catalog) -> Iterator[tuple[int, Profile]]:
    """Every row of the CSV as (participant number, profile); all rows are checked first.

    The whole file is checked before the first participant comes out, so a bad row late in
    the file stops the batch before anything is printed. Messages name the file, the row and
    the column, never a cell's contents (a cell can hold anything, a name or a formula).
    """
    data = read_bytes_limited(path, MAX_PARTICIPANTS_CSV, ParticipantsError)
    text = decode_text(data, path, ParticipantsError, bom=True)
    if "\x00" in text:
        raise ParticipantsError(
            _("{path} contains NUL bytes; it is not a CSV text file").format(path=path)
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []  # (the line the row starts on, its cells)
    try:
        while True:
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if any(c.strip() for c in row):
                records.append((start, row))
    except csv.Error as exc:
        raise ParticipantsError(
            _("{path}, line {line}: not readable as CSV ({problem}); is a quote left open?").format(
                path=path, line=reader.line_num, problem=exc
            )
        ) from None
    if not records:
        raise ParticipantsError(
            _("{path} is empty; the first row must name life-fact columns").format(path=path)
        )
    facts = _columns(path, records[0][1], catalog)
    rows = records[1:]
    if not rows:
        raise ParticipantsError(_("{path} has a header but no participants").format(path=path))
    if len(rows) > MAX_ROWS_PER_ADD:
        raise ParticipantsError(
            _(
                "{path} has {n} participants; one 'workshop add' takes at most {max}: split the "
                "file and add the parts one after another"
            ).format(path=path, n=len(rows), max=MAX_ROWS_PER_ADD)
        )
    people = [
        (number, _profile(path, line, row, facts))
        for number, (line, row) in enumerate(rows, start=1)
    ]
    yield from people


def _columns(path: Path, header: list[str], catalog: Catalog) -> list[LifeFact]:
    names = [c.strip() for c in header]
    unknown = [_column(n, c) for n, c in enumerate(names, start=1) if c not in catalog.fact_by_id]
    if unknown:
        # Column names are not repeated: a file without a header has a person's data here.
        which = (
            _("column {column} is not a life-fact question").format(column=unknown[0])
            if len(unknown) == 1
            else _("columns {columns} are not life-fact questions").format(
                columns=", ".join(unknown)
            )
        )
        raise ParticipantsError(
            _(
                "{path}: {which} (counting columns from 1). A workshop file must hold life facts "
                "only, never names, contacts or other personal data: remove those columns. "
                "Accepted columns: {accepted}"
            ).format(path=path, which=which, accepted=", ".join(catalog.fact_by_id))
        )
    twice = sorted({c for c in names if names.count(c) > 1})
    if twice:
        raise ParticipantsError(
            _("{path}: column(s) {columns} appear more than once").format(
                path=path, columns=", ".join(twice)
            )
        )
    return [catalog.fact_by_id[c] for c in names]


def _column(number: int, name: str) -> str:
    """A column as it may be named: its number, and its header when shaped like a field name
    (a header such as "email" helps; one that is really a person's data is not repeated)."""
    shown = field_name(name)
    return f"{number} ({shown})" if shown != "(a key)" else str(number)


def _profile(path: Path, line: int, row: list[str], facts: list[LifeFact]) -> Profile:
    if len(row) > len(facts):
        raise ParticipantsError(
            _("{path}, row {line}: {cells} cells, but the header names {columns} columns").format(
                path=path, line=line, cells=len(row), columns=len(facts)
            )
        )
    answers = {}
    for fact, cell in zip(facts, row, strict=False):  # a short row leaves the rest unknown
        answer = parse_answer(fact, cell.replace(";", ","))
        problem = check_answer(fact, answer)
        if problem:
            raise ParticipantsError(
                _("{path}, row {line}, column {column}: the answer {problem}").format(
                    path=path, line=line, column=fact.id, problem=problem
                )
            )
        answers[fact.id] = answer
    return Profile(facts=answers)


def print_papers(
    folder: Path,
    profile: Profile,
    broker_ids: list[str],
    catalog: Catalog,
    *,
    today: dt.date,
) -> int:
    """All of one participant's letters in one PDF, with blanks for what they write by hand."""
    letters = []
    for broker_id in broker_ids:
        try:
            letters.append(
                draft_letter(catalog.by_id[broker_id], profile, catalog, today=today, blanks=True)
            )
        except ExposureError:
            continue
    ensure_private_dir(folder)
    if letters:
        # the web-form pages are the participant's, in their language; the letters stay English
        write_atomic(folder / "letters.pdf", pdf_bytes(letters, tr=catalog_text(catalog)))
    return len(letters)

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
from exposure.atomic import ensure_private_dir, write_atomic
from exposure.errors import ExposureError
from exposure.letters.draft import draft_letter
from exposure.pdf.letters import pdf_bytes
from exposure.profile.answers import check_answer, parse_answer
from exposure.profile.model import Profile


class ParticipantsError(ExposureError):
    """The participants file cannot be used as it is."""


def read_participants(path: Path, catalog: Catalog) -> Iterator[tuple[int, Profile]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParticipantsError(f"cannot read {path}: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    unknown = [c for c in columns if c not in catalog.fact_by_id]
    if unknown:
        raise ParticipantsError(
            f"{path}: column(s) {', '.join(repr(c) for c in unknown)} are not life-fact questions. "
            "A workshop file must hold life facts only, never names, contacts or other personal "
            "data: remove those columns. Accepted columns: " + ", ".join(catalog.fact_by_id)
        )
    for number, row in enumerate(reader, start=2):
        facts = {}
        for column, cell in row.items():
            fact = catalog.fact_by_id[column.strip()]
            answer = parse_answer(fact, (cell or "").replace(";", ","))
            problem = check_answer(fact, answer)
            if problem:
                raise ParticipantsError(
                    f"{path}, row {number}, column '{fact.id}': the answer {problem}"
                )
            facts[fact.id] = answer
        yield number - 1, Profile(facts=facts)


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
        write_atomic(folder / "letters.pdf", pdf_bytes(letters))
    return len(letters)

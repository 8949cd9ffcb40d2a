"""The request ledger for the app: recording letters, marking, follow-ups, calendar, report.

No Textual here: these run inside thread workers (SQLite, reportlab and the vault's key
derivation are slow or blocking) and are tested without a terminal. Each call opens the ledger
and closes it again, because a SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exposure.app.letter_files import Format, OutputError, inside
from exposure.ledger.lifecycle import DenialReason, Status
from exposure.ledger.store import FILE, Event, Ledger, Request

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile
    from exposure.vault.store import Vault

FOLLOWUP_FORMATS: tuple[Format, ...] = ("pdf", "txt")


@contextmanager
def opened(vault: Vault) -> Iterator[Ledger]:
    ledger = Ledger.open(vault)
    try:
        yield ledger
    finally:
        ledger.close()


def has_ledger(vault_path: Path) -> bool:
    return (vault_path / FILE).is_file()


@dataclass(frozen=True)
class Recorded:
    """Request ids by broker id (all recorded so far), and what this call did."""

    ids: dict[str, int]
    added: list[int]
    sent: int


def record_letters(
    vault: Vault,
    letters: Sequence[Letter],
    catalog: Catalog,
    profile: Profile,
    *,
    today: dt.date,
    recorded: Mapping[str, int],
    sent: Collection[str] = (),
) -> Recorded:
    """Record each letter not recorded yet as ``drafted`` (as ``exposure letters --record``
    does), then mark the letters in ``sent`` (broker ids) as ``sent`` today."""
    from exposure.ledger.record import record_letter

    state = profile.answer("state")
    home = state if isinstance(state, str) else None
    ids = dict(recorded)
    added: list[int] = []
    marked = 0
    with opened(vault) as ledger:
        for letter in letters:
            if letter.broker_id in ids:
                continue
            request_id = record_letter(ledger, letter, catalog, home)
            ids[letter.broker_id] = request_id
            added.append(request_id)
        for broker_id in sent:
            request_id = ids[broker_id]
            if ledger.get(request_id, today=today).status is Status.DRAFTED:
                ledger.mark(request_id, Status.SENT, on=today)
                marked += 1
    return Recorded(ids, added, marked)


def load(vault: Vault, *, today: dt.date) -> tuple[list[Request], dict[int, list[Event]]]:
    """Every request (overdue first, then by due date) and each one's history."""
    with opened(vault) as ledger:
        requests = ledger.all(today=today)
        return requests, {r.id: ledger.history(r.id) for r in requests}


def mark(
    vault: Vault,
    request_id: int,
    status: Status,
    *,
    today: dt.date,
    note: str | None,
    reason: DenialReason | None,
    until: dt.date | None,
) -> None:
    with opened(vault) as ledger:
        ledger.mark(request_id, status, on=today, note=note, reason=reason, until=until)


def write_followup(
    vault: Vault,
    request_id: int,
    folder: Path,
    formats: Sequence[Format],
    catalog: Catalog,
    profile: Profile,
    *,
    today: dt.date,
) -> tuple[str, list[Path]]:
    """Draft the reminder or complaint for a request and write it as PDF and/or text;
    returns (step, paths written). A follow-up is a letter: no e-mail draft or guide."""
    from exposure.atomic import ensure_private_dir
    from exposure.ledger.followup import draft_followup, next_step

    with opened(vault) as ledger:
        request = ledger.get(request_id, today=today)
        events = ledger.history(request_id)
    step = next_step(request, events)
    broker = catalog.by_id[request.broker_id]
    letter = draft_followup(request, events, broker, profile, catalog, today=today)
    try:
        out = ensure_private_dir(folder.expanduser())
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror}") from None
    paths: list[Path] = []
    for fmt in (f for f in formats if f in FOLLOWUP_FORMATS):
        if fmt == "pdf":
            from exposure.pdf.letters import pdf_bytes

            data = pdf_bytes([letter])
        else:
            from exposure.letters.text import letter_text

            data = letter_text(letter).encode("utf-8")
        path = inside(out, f"{request.broker_id}-{request.id}-{step}.{fmt}")
        _write(path, data)
        paths.append(path)
    return step, paths


def write_calendar(vault: Vault, path: Path, *, today: dt.date) -> int:
    """Write the deadlines, follow-up days and re-checks as .ics; returns the event count."""
    from icalendar import Calendar

    from exposure.ledger.calendar import calendar_ics

    with opened(vault) as ledger:
        data = calendar_ics(ledger.all(today=today))
    _write(path, data)
    return len(Calendar.from_ical(data).walk("VEVENT"))


def write_report(
    audit: Audit,
    catalog: Catalog,
    path: Path,
    *,
    requests: Sequence[Request],
    today: dt.date,
) -> None:
    """The person's PDF report (never any identity field), with their requests if any."""
    from exposure.reports.individual import individual_report

    _write(path, individual_report(audit, catalog, requests=requests, today=today))


def _write(path: Path, data: bytes) -> None:
    """Write a file atomically, 0600; a missing parent folder is created 0700."""
    from exposure.atomic import ensure_private_dir, write_atomic

    target = path.expanduser()
    try:
        if not target.parent.exists():
            ensure_private_dir(target.parent)
        write_atomic(target, data)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None

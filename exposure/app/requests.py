"""The request ledger's jobs: recording letters, marking what happened, following up, and the
calendar and CSV exports. One version of each for the CLI and the terminal app.

Each call opens the ledger and closes it again (``with Ledger.open(...)``): the terminal app
runs these in thread workers, and a SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exposure.ledger.lifecycle import WAITING, DenialReason, Status
from exposure.ledger.store import FILE, Event, Ledger, Request

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.letters.agent import Agent
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile
    from exposure.vault.store import Vault

FollowUpFormat = Literal["pdf", "txt"]
FOLLOWUP_FORMATS: tuple[FollowUpFormat, ...] = ("pdf", "txt")
Filter = Literal["all", "due", "overdue"]

# What to mark a request once its follow-up has gone out.
SENT_AS: dict[str, Status] = {
    "reminder": Status.FOLLOW_UP_SENT,
    "complaint": Status.COMPLAINT_FILED,
}


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
    recorded: Mapping[str, int] | None = None,
    sent: Collection[str] = (),
) -> Recorded:
    """Record each letter not recorded yet as ``drafted``, then mark the letters in ``sent``
    (broker ids) as ``sent`` today."""
    from exposure.ledger.record import record_letter

    ids = dict(recorded or {})
    added: list[int] = []
    marked = 0
    with Ledger.open(vault) as ledger:
        for letter in letters:
            if letter.broker_id in ids:
                continue
            request_id = record_letter(ledger, letter, catalog, profile.home_state())
            ids[letter.broker_id] = request_id
            added.append(request_id)
        for broker_id in sent:
            request_id = ids[broker_id]
            if ledger.get(request_id, today=today).status is Status.DRAFTED:
                ledger.mark(request_id, Status.SENT, on=today)
                marked += 1
    return Recorded(ids, added, marked)


def requests(vault: Vault, *, today: dt.date, only: Filter = "all") -> list[Request]:
    """Requests, overdue first, then by due date; ``due`` keeps those still waiting."""
    with Ledger.open(vault) as ledger:
        rows = ledger.all(today=today)
    if only == "overdue":
        return [r for r in rows if r.overdue]
    if only == "due":
        return [r for r in rows if r.status in WAITING]
    return rows


@dataclass(frozen=True)
class Detail:
    request: Request
    history: list[Event]
    reference: str | None


def detail(vault: Vault, request_id: int, *, today: dt.date) -> Detail:
    with Ledger.open(vault) as ledger:
        return Detail(
            ledger.get(request_id, today=today),
            ledger.history(request_id),
            ledger.reference(request_id),
        )


def load(vault: Vault, *, today: dt.date) -> tuple[list[Request], dict[int, list[Event]]]:
    """Every request (overdue first, then by due date) and each one's history."""
    with Ledger.open(vault) as ledger:
        rows = ledger.all(today=today)
        return rows, {r.id: ledger.history(r.id) for r in rows}


def mark(
    vault: Vault,
    request_id: int,
    status: Status,
    *,
    on: dt.date,
    today: dt.date,
    note: str | None = None,
    reason: DenialReason | None = None,
    until: dt.date | None = None,
    reference: str | None = None,
) -> Request:
    """Record what happened on ``on``; returns the request as it stands ``today``."""
    with Ledger.open(vault) as ledger:
        ledger.mark(
            request_id, status, on=on, note=note, reason=reason, until=until, reference=reference
        )
        return ledger.get(request_id, today=today)


@dataclass(frozen=True)
class FollowUp:
    """The follow-up written, and what to mark once it is sent."""

    request: Request
    step: str
    paths: list[Path]
    mark_as: Status


def follow_up(
    vault: Vault,
    request_id: int,
    folder: Path,
    formats: Sequence[FollowUpFormat],
    catalog: Catalog,
    profile: Profile,
    *,
    agent: Agent | None = None,
    today: dt.date,
) -> FollowUp:
    """Draft the reminder or complaint for a request and write it as PDF and/or text, inside
    ``folder``. A follow-up is a letter: no e-mail draft or guide."""
    from exposure.app.output import inside, private_folder, write_file
    from exposure.ledger.followup import draft_followup, next_step

    with Ledger.open(vault) as ledger:
        request = ledger.get(request_id, today=today)
        events = ledger.history(request_id)
    step = next_step(request, events)
    broker = catalog.by_id[request.broker_id]
    letter = draft_followup(request, events, broker, profile, catalog, agent=agent, today=today)
    out = private_folder(folder)
    paths: list[Path] = []
    for fmt in dict.fromkeys(formats):
        if fmt == "pdf":
            from exposure.catalog_language import catalog_text
            from exposure.pdf.letters import pdf_bytes

            data = pdf_bytes([letter], tr=catalog_text(catalog))
        else:
            from exposure.letters.text import letter_text

            data = letter_text(letter).encode("utf-8")
        name = f"{request.broker_id}-{request.id}-{step}.{fmt}"
        paths.append(write_file(inside(out, name), data))
    return FollowUp(request, step, paths, SENT_AS[step])


def write_calendar(vault: Vault, path: Path, *, today: dt.date) -> int:
    """Write the deadlines, follow-up days and re-checks as .ics; returns the event count."""
    from icalendar import Calendar

    from exposure.app.output import write_file
    from exposure.ledger.calendar import calendar_ics

    with Ledger.open(vault) as ledger:
        data = calendar_ics(ledger.all(today=today))
    write_file(path, data)
    return len(Calendar.from_ical(data).walk("VEVENT"))


def export_csv(vault: Vault, *, today: dt.date) -> str:
    """The ledger as CSV, safe against spreadsheet formula injection."""
    from exposure.ledger.export import ledger_csv

    with Ledger.open(vault) as ledger:
        return ledger_csv(ledger.all(today=today))

"""The request ledger: SQLite in the vault folder, history append-only, personal text sealed.

What is stored in clear, and why: broker ids and names, request kinds, the legal regime, dates
and statuses. They are what lists, deadlines and calendars are computed from, and none of them
says who the person is. Notes, letter bodies and broker reference numbers can identify a person,
so they are sealed with the vault key (AES-GCM) before they reach SQLite. The database file sits
in the vault folder (0700) with mode 0600.

Crash safety: WAL journal with ``synchronous=FULL``, one transaction per change. A kill at any
moment leaves every committed event in place (tested by killing a writer many times).
History is never rewritten: triggers refuse UPDATE and DELETE on the events table.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from broker_catalog.laws_schema import Deadline
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.ledger.lifecycle import DenialReason, Status, assess, check_transition
from exposure.letters.deadlines import due_date
from exposure.vault.store import Vault

FILE = "ledger.sqlite3"


# Each migration is a list of statements run in one transaction (executescript would commit
# on its own, so it is not used). Never edit a published step: add a new one.
_V1 = (
    """CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        broker_id TEXT NOT NULL,
        broker_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        regime TEXT NOT NULL,
        deadline_days INTEGER,
        business_days INTEGER NOT NULL DEFAULT 0,
        extension_days INTEGER NOT NULL DEFAULT 0,
        recheck_days INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        letter_sealed BLOB
    )""",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        at TEXT NOT NULL,
        on_date TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        note_sealed BLOB
    )""",
    "CREATE INDEX events_by_request ON events(request_id, id)",
    """CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'ledger history is append-only'); END""",
    """CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'ledger history is append-only'); END""",
)
# v2: brokers may claim an extension until a date, and they hand out reference numbers.
_V2 = (
    "ALTER TABLE events ADD COLUMN until TEXT",
    "ALTER TABLE requests ADD COLUMN reference_sealed BLOB",
)
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2)
VERSION = len(MIGRATIONS)


class LedgerError(ExposureError):
    """The ledger cannot be opened or changed as asked."""


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    at: str
    on: dt.date
    status: Status
    reason: DenialReason | None
    note: str | None
    until: dt.date | None


@dataclass(frozen=True, slots=True)
class Request:
    id: int
    broker_id: str
    broker_name: str
    kind: str
    regime: str
    status: Status
    created: dt.date
    sent_on: dt.date | None
    due: dt.date | None
    overdue: bool
    completed_on: dt.date | None
    recheck_on: dt.date | None
    recheck_due: bool
    reason: DenialReason | None
    recheck_days: int


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Ledger:
    def __init__(self, db: sqlite3.Connection, vault: Vault) -> None:
        self._db = db
        self._vault = vault

    @classmethod
    def open(cls, vault: Vault) -> Ledger:
        """Open the vault's ledger, creating it when there is none.

        A new ledger is built complete in a temporary file and renamed into place, so a file
        named ``ledger.sqlite3`` is always a whole ledger: one that is empty, cut short, not a
        database, damaged, or from a newer exposure is refused, naming it, and never written
        to (opening it as a fresh ledger would hide the loss).
        """
        path = vault.path / FILE
        if not path.exists() and not path.is_symlink():
            _create(path)
        _check_header(path)
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.row_factory = sqlite3.Row
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > VERSION:
                db.close()
                raise LedgerError(
                    _(
                        "the ledger at {path} was written by a newer exposure (schema {version}, "
                        "this one knows {known}); update exposure before opening it"
                    ).format(path=path, version=version, known=VERSION)
                )
            verdict = db.execute("PRAGMA integrity_check(1)").fetchone()[0]
            if verdict != "ok":
                db.close()
                raise LedgerError(_damaged(path, _("its pages do not check out")))
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise LedgerError(_damaged(path, str(exc))) from None
        for side in (path.with_name(FILE + "-wal"), path.with_name(FILE + "-shm")):
            if side.exists():
                side.chmod(0o600)
        return cls(db, vault)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def add(
        self,
        *,
        broker_id: str,
        broker_name: str,
        kind: str,
        regime: str,
        deadline: Deadline | None,
        recheck_days: int,
        letter: str | None,
        today: dt.date,
    ) -> int:
        """Record a drafted request; returns its id."""
        sealed = self._vault.seal("ledger/letter", letter.encode()) if letter else None
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO requests (broker_id, broker_name, kind, regime, deadline_days,"
                " business_days, extension_days, recheck_days, created_at, letter_sealed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    broker_id,
                    broker_name,
                    kind,
                    regime,
                    deadline.days if deadline else None,
                    int(deadline.business_days) if deadline else 0,
                    deadline.extension_days if deadline else 0,
                    recheck_days,
                    today.isoformat(),
                    sealed,
                ),
            )
            request_id = int(cursor.lastrowid or 0)
            self._event(db, request_id, Status.DRAFTED, today, None, None, None)
        return request_id

    def _event(
        self,
        db: sqlite3.Connection,
        request_id: int,
        status: Status,
        on: dt.date,
        reason: DenialReason | None,
        note: str | None,
        until: dt.date | None,
    ) -> None:
        sealed = self._vault.seal(f"ledger/note/{request_id}", note.encode()) if note else None
        db.execute(
            "INSERT INTO events (request_id, at, on_date, status, reason, note_sealed, until)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                request_id,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                on.isoformat(),
                status.value,
                reason.value if reason else None,
                sealed,
                until.isoformat() if until else None,
            ),
        )

    def mark(
        self,
        request_id: int,
        status: Status,
        *,
        on: dt.date,
        note: str | None = None,
        reason: DenialReason | None = None,
        until: dt.date | None = None,
        reference: str | None = None,
    ) -> None:
        """Record a status change, if it follows from the current one.

        The check reads the current status inside the same write transaction (``BEGIN
        IMMEDIATE`` holds the write lock), so two writers cannot both pass it and append
        conflicting events.
        """
        if status is Status.DENIED and reason is None:
            reason = DenialReason.OTHER
        with self._tx() as db:
            current = self.get(request_id, today=on)
            check_transition(current.status, status)
            if status is Status.EXTENDED and until is None:
                row = self._row(request_id)
                if current.sent_on and row["deadline_days"]:
                    until = due_date(current.sent_on, _deadline(row), extended=True)
            self._event(db, request_id, status, on, reason, note, until)
            if reference:
                sealed = self._vault.seal(f"ledger/reference/{request_id}", reference.encode())
                db.execute(
                    "UPDATE requests SET reference_sealed = ? WHERE id = ?", (sealed, request_id)
                )

    def _row(self, request_id: int) -> sqlite3.Row:
        row = self._db.execute("SELECT * FROM requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            raise LedgerError(
                _("there is no request #{id}; see 'exposure requests list'").format(id=request_id)
            )
        return row  # type: ignore[no-any-return]

    def history(self, request_id: int) -> list[Event]:
        self._row(request_id)
        rows = self._db.execute(
            "SELECT * FROM events WHERE request_id = ? ORDER BY id", (request_id,)
        ).fetchall()
        return [
            Event(
                id=r["id"],
                at=r["at"],
                on=dt.date.fromisoformat(r["on_date"]),
                status=Status(r["status"]),
                reason=DenialReason(r["reason"]) if r["reason"] else None,
                note=self._vault.unseal(f"ledger/note/{request_id}", r["note_sealed"]).decode()
                if r["note_sealed"]
                else None,
                until=_date(r["until"]),
            )
            for r in rows
        ]

    def letter(self, request_id: int) -> str | None:
        sealed = self._row(request_id)["letter_sealed"]
        return self._vault.unseal("ledger/letter", sealed).decode() if sealed else None

    def reference(self, request_id: int) -> str | None:
        sealed = self._row(request_id)["reference_sealed"]
        return (
            self._vault.unseal(f"ledger/reference/{request_id}", sealed).decode()
            if sealed
            else None
        )

    def get(self, request_id: int, *, today: dt.date) -> Request:
        return _view(self._row(request_id), self.history(request_id), today)

    def all(self, *, today: dt.date) -> list[Request]:
        ids = [r["id"] for r in self._db.execute("SELECT id FROM requests ORDER BY id")]
        views = [self.get(i, today=today) for i in ids]
        # Overdue first, then what is due soonest; then the rest by id.
        return sorted(views, key=lambda r: (not r.overdue, r.due or dt.date.max, r.id))


def _deadline(row: sqlite3.Row) -> Deadline:
    return Deadline(
        days=row["deadline_days"],
        business_days=bool(row["business_days"]),
        extension_days=row["extension_days"],
    )


def _view(row: sqlite3.Row, events: list[Event], today: dt.date) -> Request:
    status = events[-1].status
    sent = [e.on for e in events if e.status is Status.SENT]
    sent_on = sent[-1] if sent else None
    due = due_date(sent_on, _deadline(row)) if sent_on and row["deadline_days"] else None
    extensions = [e.until for e in events if e.status is Status.EXTENDED and e.until]
    done = [e.on for e in events if e.status is Status.COMPLETED]
    dates = assess(
        status,
        due=due,
        extended_until=extensions[-1] if extensions else None,
        completed_on=done[-1] if done else None,
        recheck_days=row["recheck_days"],
        today=today,
    )
    denials = [e.reason for e in events if e.status is Status.DENIED]
    return Request(
        id=row["id"],
        broker_id=row["broker_id"],
        broker_name=row["broker_name"],
        kind=row["kind"],
        regime=row["regime"],
        status=status,
        created=dt.date.fromisoformat(row["created_at"]),
        sent_on=sent_on,
        due=dates.due,
        overdue=dates.overdue,
        completed_on=done[-1] if done else None,
        recheck_on=dates.recheck_on,
        recheck_due=dates.recheck_due,
        reason=denials[-1] if denials else None,
        recheck_days=row["recheck_days"],
    )


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _damaged(path: Path, why: str) -> str:
    return _(
        "the ledger at {path} is damaged ({why}); it was left as it is. Restore it from a "
        "backup, or move it away to start a new ledger"
    ).format(path=path, why=why)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise LedgerError(
            _("cannot read the ledger at {path} ({problem})").format(
                path=path, problem=exc.strerror
            )
        ) from None
    if head != _SQLITE_MAGIC:
        why = _("it is empty") if not head else _("it is not a ledger database, or was cut short")
        raise LedgerError(_damaged(path, why))


def _create(path: Path) -> None:
    """Build an empty ledger beside ``path`` and rename it into place (0600 throughout)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            migrate(db)
        finally:
            db.close()  # the last connection checkpoints and removes the -wal and -shm files
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        tmp.replace(path)
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the schema up to date, one versioned step per transaction. Returns the version."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > VERSION:
        raise LedgerError(
            _(
                "this ledger was written by a newer exposure (schema {version}, this one knows "
                "{known}); update exposure before opening it"
            ).format(version=version, known=VERSION)
        )
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in step:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return VERSION

"""The ledger keeps every event, seals personal text, computes legal deadlines and migrates."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat

import pytest

from broker_catalog import load_catalog
from broker_catalog.laws_schema import Deadline
from exposure.ledger.lifecycle import DenialReason, Status, TransitionError
from exposure.ledger.store import FILE, Ledger, LedgerError, migrate
from exposure.vault.store import Vault
from tests.exposure.ledger.conftest import open_vault

SENT = dt.date(2026, 11, 20)
CATALOG = load_catalog(use_cache=False)


def _add(
    ledger: Ledger, law: str = "ca-ccpa", kind: str = "delete", letter: str | None = None
) -> int:
    regime = CATALOG.law_by_id[law]
    deadline = regime.opt_out_response if kind == "opt_out" else regime.response
    return ledger.add(
        broker_id="acxiom", broker_name="Acxiom LLC", kind=kind, regime=law,
        deadline=deadline, recheck_days=90, letter=letter, today=SENT,
    )  # fmt: skip


def test_california_deadlines_from_the_sent_date(ledger: Ledger) -> None:
    delete, opt_out = _add(ledger), _add(ledger, kind="opt_out")
    for request_id in (delete, opt_out):
        ledger.mark(request_id, Status.SENT, on=SENT)
    assert ledger.get(delete, today=SENT).due == dt.date(2027, 1, 4)  # 45 calendar days
    assert ledger.get(opt_out, today=SENT).due == dt.date(2026, 12, 14)  # 15 business days


@pytest.mark.parametrize("law", ["va-vcdpa", "tx-tdpsa", "ia-icdpa", "fcra-freeze"])
def test_every_regime_deadline_comes_from_the_law_table(ledger: Ledger, law: str) -> None:
    from exposure.letters.deadlines import due_date

    request_id = _add(ledger, law=law)
    ledger.mark(request_id, Status.SENT, on=SENT)
    response = CATALOG.law_by_id[law].response
    assert response is not None
    assert ledger.get(request_id, today=SENT).due == due_date(SENT, response)


def test_an_extension_moves_the_deadline(ledger: Ledger) -> None:
    request_id = _add(ledger)
    ledger.mark(request_id, Status.SENT, on=SENT)
    ledger.mark(request_id, Status.EXTENDED, on=dt.date(2026, 12, 20))
    request = ledger.get(request_id, today=dt.date(2027, 1, 10))
    assert request.due == dt.date(2027, 2, 18)
    assert not request.overdue


def test_overdue_requests_are_listed_first(ledger: Ledger) -> None:
    early, late = _add(ledger, kind="opt_out"), _add(ledger)
    ledger.mark(late, Status.SENT, on=SENT)
    ledger.mark(early, Status.SENT, on=SENT)
    listed = ledger.all(today=dt.date(2026, 12, 20))
    assert [r.id for r in listed] == [early, late]
    assert listed[0].overdue
    assert not listed[1].overdue


def test_illegal_transitions_are_refused_clearly(ledger: Ledger) -> None:
    request_id = _add(ledger)
    with pytest.raises(TransitionError, match="cannot become 'completed'"):
        ledger.mark(request_id, Status.COMPLETED, on=SENT)
    assert [e.status for e in ledger.history(request_id)] == [Status.DRAFTED]


def test_denials_keep_their_reason(ledger: Ledger) -> None:
    request_id = _add(ledger)
    ledger.mark(request_id, Status.SENT, on=SENT)
    ledger.mark(request_id, Status.DENIED, on=SENT, reason=DenialReason.COULD_NOT_VERIFY)
    assert ledger.get(request_id, today=SENT).reason is DenialReason.COULD_NOT_VERIFY


def test_personal_text_is_sealed_in_the_database(ledger: Ledger, vault: Vault) -> None:
    request_id = _add(ledger, letter="Dear Acxiom, I am Zoë Fictional of 12 Example Street")
    ledger.mark(
        request_id, Status.SENT, on=SENT, note="called them, spoke to Dana", reference="CASE-123456"
    )
    ledger.close()
    raw = b"".join(p.read_bytes() for p in vault.path.glob(FILE + "*"))
    for secret in (b"Fictional", b"Example Street", b"Dana", b"CASE-123456"):
        assert secret not in raw
    reopened = Ledger.open(vault)
    assert reopened.history(request_id)[-1].note == "called them, spoke to Dana"
    assert reopened.reference(request_id) == "CASE-123456"
    assert "Zoë Fictional" in (reopened.letter(request_id) or "")


def test_history_cannot_be_rewritten(ledger: Ledger, vault: Vault) -> None:
    _add(ledger)
    db = sqlite3.connect(vault.path / FILE)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE events SET status = 'completed'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM events")
    db.close()


def test_the_database_file_is_private(ledger: Ledger, vault: Vault) -> None:
    _add(ledger)
    assert stat.S_IMODE((vault.path / FILE).stat().st_mode) == 0o600


def test_an_older_ledger_is_upgraded_with_nothing_lost(vault: Vault) -> None:
    from exposure.ledger import store

    db = sqlite3.connect(vault.path / FILE, isolation_level=None)
    for statement in store.MIGRATIONS[0]:  # a version-1 ledger, as the first release wrote it
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO requests (broker_id, broker_name, kind, regime, deadline_days,"
        " recheck_days, created_at)"
        " VALUES ('spokeo', 'Spokeo, Inc.', 'delete', 'ca-ccpa', 45, 45, '2026-01-02')"
    )
    insert = "INSERT INTO events (request_id, at, on_date, status) VALUES (1, 'x', ?, ?)"
    db.execute(insert, ("2026-01-02", "drafted"))
    db.execute(insert, ("2026-01-03", "sent"))
    db.close()
    ledger = Ledger.open(vault)
    request = ledger.get(1, today=dt.date(2026, 1, 10))
    assert request.status is Status.SENT
    assert request.due == dt.date(2026, 2, 17)
    ledger.mark(
        1, Status.EXTENDED, on=dt.date(2026, 2, 1), until=dt.date(2026, 3, 1)
    )  # a v2 column
    assert ledger.get(1, today=dt.date(2026, 2, 20)).due == dt.date(2026, 3, 1)
    version = sqlite3.connect(vault.path / FILE).execute("PRAGMA user_version").fetchone()[0]
    assert version == store.VERSION


def test_a_ledger_from_a_newer_version_is_refused(vault: Vault) -> None:
    db = sqlite3.connect(vault.path / FILE, isolation_level=None)
    db.execute("PRAGMA user_version = 99")
    with pytest.raises(LedgerError, match="written by a newer exposure"):
        migrate(db)
    db.close()


def test_unused_deadline_fields_are_optional(ledger: Ledger) -> None:
    request_id = ledger.add(
        broker_id="x", broker_name="X", kind="delete", regime="no-law", deadline=None,
        recheck_days=90, letter=None, today=SENT,
    )  # fmt: skip
    ledger.mark(request_id, Status.SENT, on=SENT)
    assert ledger.get(request_id, today=SENT + dt.timedelta(days=400)).due is None
    assert Deadline(days=1).business_days is False


def test_a_reopened_vault_sees_the_same_ledger(ledger: Ledger, vault: Vault) -> None:
    request_id = _add(ledger)
    ledger.close()
    again = Ledger.open(open_vault(vault.path))
    assert again.get(request_id, today=SENT).broker_name == "Acxiom LLC"


def test_the_ledger_closes_itself_as_a_context_manager(vault: Vault) -> None:
    with Ledger.open(vault) as ledger:
        request_id = _add(ledger)
    with pytest.raises(sqlite3.ProgrammingError):
        ledger.get(request_id, today=SENT)  # closed on leaving the block


def test_two_writers_cannot_both_make_the_same_transition(vault: Vault) -> None:
    """The transition check reads the status inside the write transaction: a second writer
    that raced the first waits for the lock, then sees the first one's event and is refused,
    instead of appending a second 'sent'."""
    import threading

    with Ledger.open(vault) as first:
        request_id = _add(first)
    other = sqlite3.connect(vault.path / FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock, about to mark it sent
    other.execute(
        "INSERT INTO events (request_id, at, on_date, status) VALUES (?, ?, ?, 'sent')",
        (request_id, "2026-11-20T00:00:00+00:00", SENT.isoformat()),
    )
    outcome: list[BaseException | None] = []

    def mark_sent() -> None:
        try:
            with Ledger.open(vault) as second:
                second.mark(request_id, Status.SENT, on=SENT)
            outcome.append(None)
        except BaseException as exc:  # reported to the test thread
            outcome.append(exc)

    racer = threading.Thread(target=mark_sent)
    racer.start()
    racer.join(0.5)  # it is now waiting for the lock, or (before the fix) past its check
    other.execute("COMMIT")
    racer.join(10)
    other.close()
    assert len(outcome) == 1
    assert isinstance(outcome[0], TransitionError)
    with Ledger.open(vault) as ledger:
        statuses = [e.status for e in ledger.history(request_id)]
    assert statuses == [Status.DRAFTED, Status.SENT]

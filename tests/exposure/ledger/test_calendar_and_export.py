"""The calendar file parses back and names only brokers; CSV cannot smuggle formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io

from icalendar import Calendar

from exposure.ledger.calendar import calendar_ics
from exposure.ledger.export import ledger_csv, safe_cell
from exposure.ledger.lifecycle import Status
from exposure.ledger.store import Ledger

SENT = dt.date(2026, 11, 20)


def _fill(ledger: Ledger) -> None:
    from broker_catalog import load_catalog

    law = load_catalog(use_cache=False).law_by_id["ca-ccpa"]
    for name in ("Acxiom LLC", '=HYPERLINK("http://evil.example","x")'):
        request_id = ledger.add(
            broker_id="acxiom", broker_name=name, kind="delete", regime="ca-ccpa",
            deadline=law.response, recheck_days=45, today=SENT,
            letter="Zoë Fictional, 12 Example Street",
        )  # fmt: skip
        ledger.mark(request_id, Status.SENT, on=SENT, note="private")
    ledger.mark(1, Status.COMPLETED, on=dt.date(2026, 12, 1))


def test_the_calendar_parses_back_and_holds_no_personal_data(ledger: Ledger) -> None:
    _fill(ledger)
    raw = calendar_ics(ledger.all(today=SENT), now=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
    parsed = Calendar.from_ical(raw)
    events = list(parsed.walk("VEVENT"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert "Re-check listing: Acxiom LLC" in summaries
    assert any(s.startswith("Reply due: ") for s in summaries)
    recheck = next(e for e in events if str(e["SUMMARY"]).startswith("Re-check"))
    assert recheck.decoded("DTSTART") == dt.date(2027, 1, 15)
    for secret in (b"Fictional", b"Example Street", b"private"):
        assert secret not in raw


def test_csv_neutralises_formulas(ledger: Ledger) -> None:
    _fill(ledger)
    rows = list(csv.reader(io.StringIO(ledger_csv(ledger.all(today=SENT)))))
    assert rows[0][:3] == ["id", "broker_id", "broker"]
    names = [r[2] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","x")' in names
    for cell in (c for r in rows[1:] for c in r):
        assert not cell.startswith(("=", "+", "-", "@"))
    assert safe_cell("+1 555") == "'+1 555"
    assert safe_cell("-2") == "'-2"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("plain") == "plain"

"""The ledger as CSV, safe to open in a spreadsheet.

A cell that starts with =, +, -, @, a tab or a carriage return is read as a formula by common
spreadsheet programs, which can be abused to run commands or leak data. Such cells are prefixed
with an apostrophe, as the OWASP guidance on CSV injection recommends.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from exposure.ledger.store import Request

COLUMNS = (
    "id",
    "broker_id",
    "broker",
    "kind",
    "regime",
    "status",
    "sent_on",
    "due",
    "overdue",
    "recheck_on",
)
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)
    return "'" + text if text.startswith(_TRIGGERS) else text


def ledger_csv(requests: list[Request]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in requests:
        row = (
            r.id,
            r.broker_id,
            r.broker_name,
            r.kind,
            r.regime,
            r.status.value,
            r.sent_on,
            r.due,
            r.overdue,
            r.recheck_on,
        )
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()

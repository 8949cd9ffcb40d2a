"""The life of a request: which status may follow which, and the dates that follow from them.

Pure: no database. The store records events; this module says which events are allowed and
what a request's history means today (due, overdue, re-check due).

``overdue`` and ``recheck_due`` are not events anyone records: they follow from the dates.
A request is overdue when its deadline (or the extended one) has passed while it still waits
for an answer; a completed request is due a re-check when its relisting interval has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from broker_catalog.schema import Broker
from exposure.errors import ExposureError
from exposure.i18n import _


class Status(StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    EXTENDED = "extended"
    IN_PROGRESS = "in_progress"
    NEEDS_VERIFICATION = "needs_verification"
    COMPLETED = "completed"
    PARTIALLY_COMPLETED = "partially_completed"
    DENIED = "denied"
    FOLLOW_UP_SENT = "follow_up_sent"
    COMPLAINT_FILED = "complaint_filed"
    RELISTED = "relisted"


class DenialReason(StrEnum):
    NO_MATCH = "no_match"
    COULD_NOT_VERIFY = "could_not_verify"
    NOT_COVERED = "not_covered"
    OUTSIDE_JURISDICTION = "outside_jurisdiction"
    OTHER = "other"


WAITING = frozenset(
    {
        Status.SENT,
        Status.ACKNOWLEDGED,
        Status.EXTENDED,
        Status.IN_PROGRESS,
        Status.NEEDS_VERIFICATION,
        Status.FOLLOW_UP_SENT,
    }
)
_ANSWERS = {
    Status.ACKNOWLEDGED,
    Status.EXTENDED,
    Status.IN_PROGRESS,
    Status.NEEDS_VERIFICATION,
    Status.COMPLETED,
    Status.PARTIALLY_COMPLETED,
    Status.DENIED,
}
NEXT: dict[Status, frozenset[Status]] = {
    Status.DRAFTED: frozenset({Status.SENT}),
    Status.SENT: frozenset(_ANSWERS | {Status.FOLLOW_UP_SENT}),
    Status.ACKNOWLEDGED: frozenset(_ANSWERS - {Status.ACKNOWLEDGED} | {Status.FOLLOW_UP_SENT}),
    Status.EXTENDED: frozenset(
        _ANSWERS - {Status.EXTENDED, Status.ACKNOWLEDGED} | {Status.FOLLOW_UP_SENT}
    ),
    Status.IN_PROGRESS: frozenset(
        _ANSWERS - {Status.IN_PROGRESS, Status.ACKNOWLEDGED} | {Status.FOLLOW_UP_SENT}
    ),
    Status.NEEDS_VERIFICATION: frozenset(
        {
            Status.IN_PROGRESS,
            Status.COMPLETED,
            Status.PARTIALLY_COMPLETED,
            Status.DENIED,
            Status.FOLLOW_UP_SENT,
        }
    ),
    Status.DENIED: frozenset({Status.FOLLOW_UP_SENT, Status.COMPLAINT_FILED}),
    Status.PARTIALLY_COMPLETED: frozenset(
        {Status.COMPLETED, Status.FOLLOW_UP_SENT, Status.COMPLAINT_FILED}
    ),
    Status.FOLLOW_UP_SENT: frozenset(
        {
            Status.ACKNOWLEDGED,
            Status.IN_PROGRESS,
            Status.COMPLETED,
            Status.PARTIALLY_COMPLETED,
            Status.DENIED,
            Status.COMPLAINT_FILED,
        }
    ),
    Status.COMPLAINT_FILED: frozenset(
        {Status.COMPLETED, Status.PARTIALLY_COMPLETED, Status.DENIED}
    ),
    Status.COMPLETED: frozenset({Status.RELISTED}),
    Status.RELISTED: frozenset({Status.SENT}),
}


class TransitionError(ExposureError):
    """A status change that does not make sense for the request's current status."""


def check_transition(current: Status, new: Status) -> None:
    allowed = NEXT[current]
    if new not in allowed:
        options = ", ".join(sorted(s.value for s in allowed)) or _("none")
        raise TransitionError(
            _(
                "a request that is '{current}' cannot become '{new}'; it can become: {options}"
            ).format(current=current.value, new=new.value, options=options)
        )


@dataclass(frozen=True, slots=True)
class Dates:
    """What a request's dates mean on a given day."""

    due: dt.date | None
    overdue: bool
    recheck_on: dt.date | None
    recheck_due: bool


def assess(
    status: Status,
    *,
    due: dt.date | None,
    extended_until: dt.date | None,
    completed_on: dt.date | None,
    recheck_days: int,
    today: dt.date,
) -> Dates:
    effective = extended_until or due
    overdue = status in WAITING and effective is not None and today > effective
    recheck_on = completed_on + dt.timedelta(days=recheck_days) if completed_on else None
    recheck_due = status is Status.COMPLETED and recheck_on is not None and today >= recheck_on
    return Dates(effective, overdue, recheck_on, recheck_due)


DROP_RECHECK_DAYS = 45
DEFAULT_RECHECK_DAYS = 90


def recheck_days_for(broker: Broker, state: str | None) -> int:
    """How long after completion to look again: brokers often relist people.

    California's DROP makes registered brokers re-check deletion lists every 45 days, so for a
    Californian that is the interval for a broker on the California registry. Otherwise the
    catalog's interval for the broker, or 90 days when the catalog does not know.
    """
    if state == "CA" and any(r.state == "CA" for r in broker.legal.registries):
        return DROP_RECHECK_DAYS
    opt = broker.opt_out
    if opt is not None and isinstance(opt.recheck_days, int):
        return opt.recheck_days
    return DEFAULT_RECHECK_DAYS

"""Deadlines, follow-ups and re-checks as an iCalendar file (built with `icalendar`).

Event titles name only the broker; descriptions point back to the request number. Nothing
personal goes into a file that calendar apps sync to other people's servers.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from exposure.ledger.store import Request


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def calendar_ics(requests: list[Request], *, now: dt.datetime | None = None) -> bytes:
    stamp = now or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//exposure//request ledger//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Data-broker requests")
    for r in requests:
        ref = f"Request #{r.id} ({r.kind.replace('_', ' ')}). Details: exposure requests list."
        if r.due and r.status.value not in ("completed", "relisted", "drafted"):
            cal.add_component(
                _event(
                    f"exposure-{r.id}-due@exposure.invalid",
                    r.due,
                    f"Reply due: {r.broker_name}",
                    ref,
                    stamp,
                )
            )
            follow = r.due + dt.timedelta(days=1)
            cal.add_component(
                _event(
                    f"exposure-{r.id}-followup@exposure.invalid",
                    follow,
                    f"Follow up if no reply: {r.broker_name}",
                    ref + " If there is no answer, draft the reminder: exposure requests followup.",
                    stamp,
                )
            )
        if r.recheck_on:
            cal.add_component(
                _event(
                    f"exposure-{r.id}-recheck@exposure.invalid",
                    r.recheck_on,
                    f"Re-check listing: {r.broker_name}",
                    ref + " Brokers often list people again: search the broker's site.",
                    stamp,
                )
            )
    return bytes(cal.to_ical())

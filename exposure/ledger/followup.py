"""The next step when a broker is late or says no: a reminder, then a complaint to the regulator.

First a reminder letter citing the missed deadline. After a reminder, or when a request is
denied or only partly honoured, a complaint to the regulator the law names (California's
privacy agency or the attorney general of the person's state; the CFPB for FCRA agencies),
pre-filled from the ledger's history. Notes the person typed are never copied into either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from string import Template

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker
from exposure.errors import ExposureError
from exposure.i18n import _, long_date
from exposure.ledger.lifecycle import Status
from exposure.ledger.store import Event, Request
from exposure.letters.agent import Agent
from exposure.letters.draft import Letter, draft_letter, template
from exposure.letters.regime import section_for
from exposure.profile.model import Profile

KIND_LABEL = {
    "delete": "to delete personal information",
    "opt_out": "to opt out of sale and sharing",
    "know": "to know and access personal information",
    "file_disclosure": "for a file disclosure",
    "security_freeze": "for a security freeze",
}


class NothingToFollowUpError(ExposureError):
    """The request is not late and was not refused: there is nothing to follow up yet."""


def _when(day: dt.date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "an unknown date"


def _history(request: Request, events: list[Event]) -> str:
    parts = []
    for event in events:
        if event.status is Status.DRAFTED:
            continue
        line = f"{event.status.value.replace('_', ' ')} on {_when(event.on)}"
        if event.reason:
            line += f" (reason given: {event.reason.value.replace('_', ' ')})"
        if event.until:
            line += f" (until {_when(event.until)})"
        parts.append(line)
    if request.due:
        parts.append(f"the response was due by {_when(request.due)}")
    return "; ".join(parts) + "."


def next_step(request: Request, events: list[Event]) -> str:
    """'reminder' or 'complaint'; raises when neither is called for yet."""
    reminded = any(e.status is Status.FOLLOW_UP_SENT for e in events)
    if request.status in (Status.DENIED, Status.PARTIALLY_COMPLETED) or (
        reminded and request.overdue
    ):
        return "complaint"
    if request.overdue:
        return "reminder"
    if request.due:
        message = _(
            "request #{id} is '{status}' (the answer is due by {day}): nothing to follow up yet"
        ).format(id=request.id, status=request.status.value, day=long_date(request.due))
    else:
        message = _("request #{id} is '{status}': nothing to follow up yet").format(
            id=request.id, status=request.status.value
        )
    raise NothingToFollowUpError(message)


def draft_followup(
    request: Request,
    events: list[Event],
    broker: Broker,
    profile: Profile,
    catalog: Catalog,
    *,
    agent: Agent | None = None,
    today: dt.date,
) -> Letter:
    step = next_step(request, events)
    law = catalog.law_by_id.get(request.regime)
    if law is None:
        raise ExposureError(f"the law table no longer has '{request.regime}'")
    base = draft_letter(broker, profile, catalog, kind=request.kind, agent=agent, today=today)  # type: ignore[arg-type]
    as_agent = base.agent is not None
    section = section_for(law, request.kind)  # type: ignore[arg-type]
    regulator = law.regulator.name if law.regulator else "your state's attorney general"
    values = {
        "broker": broker.name,
        "person": dict(base.identity).get("Full name", "the consumer"),
        "section": section,
        "law_short": law.short_name,
        "kind_label": KIND_LABEL.get(request.kind, request.kind),
        "sent_on": _when(request.sent_on),
        "due": _when(request.due),
        "regulator": regulator,
        "history": _history(request, events),
        "original_subject": base.subject,
    }
    tpl = template("followup-reminder" if step == "reminder" else "complaint")

    def fill(text: str) -> str:
        return " ".join(Template(text).substitute(values).split())

    paragraphs = (fill(tpl["opening_agent" if as_agent else "opening"]), *map(fill, tpl["body"]))
    enclosures = tuple(tpl["enclosures_agent" if as_agent else "enclosures"])
    if step == "reminder":
        return dataclasses.replace(
            base,
            subject=fill(tpl["subject"]),
            paragraphs=paragraphs,
            enclosures=enclosures,
            due=None,
        )
    where = []
    if law.regulator and law.regulator.complaint_url != "unknown":
        where = [f"File online: {law.regulator.complaint_url}"]
    elif law.regulator and law.regulator.url != "unknown":
        where = [f"See: {law.regulator.url}"]
    return dataclasses.replace(
        base,
        subject=fill(tpl["subject"]),
        paragraphs=paragraphs,
        enclosures=enclosures,
        recipient=(regulator, *where),
        email_to=None,
        web_form=tuple(w.removeprefix("File online: ").removeprefix("See: ") for w in where),
        steps=(
            "Regulators usually take complaints through an online form: paste this text into it.",
        ),
        due=None,
    )

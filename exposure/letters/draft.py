"""Drafting a request: pure, from a broker record, a profile, the law table and a template.

The result, :class:`Letter`, is plain data that the PDF, e-mail, text and guide renderers turn
into files. Nothing here touches the disk except reading the bundled templates.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Clause, Law
from broker_catalog.schema import Broker
from exposure.i18n import _, fill_dollar
from exposure.letters.agent import Agent
from exposure.letters.clauses import clauses_for
from exposure.letters.deadlines import due_date
from exposure.letters.desk import POSTAL_UNKNOWN, desk_for
from exposure.letters.identity import enclosures_for, identity_lines
from exposure.letters.regime import RIGHT_FOR, Kind, Regime, choose, section_for
from exposure.letters.reply import HAND, sender, signer
from exposure.profile.model import Profile


@dataclass(frozen=True, slots=True)
class Letter:
    broker_id: str
    broker_name: str
    kind: Kind
    regime: str
    law_name: str
    citation: str
    agent: str | None
    date: dt.date
    due: dt.date | None
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    email_to: str | None
    subject: str
    paragraphs: tuple[str, ...]
    identity: tuple[tuple[str, str], ...]
    closing: str
    signer: str
    enclosures: tuple[str, ...]
    notes: tuple[str, ...]
    web_form: tuple[str, ...]
    steps: tuple[str, ...]
    clauses: tuple[str, ...] = ()


@cache
def template(name: str) -> dict[str, Any]:
    text = resources.files("exposure.letters.templates").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _fill(text: str, values: dict[str, str]) -> str:
    return " ".join(fill_dollar(text, values).split())


def pending_note(law: Law) -> str:
    """The note for a person whose state's law is signed but not yet in force."""
    when = law.effective if isinstance(law.effective, dt.date) else None
    return _(
        "The {law} takes effect on {date}. Until then no privacy law of your state backs this "
        "request, so it is a voluntary one; from that day you can send a request under the law."
    ).format(law=law.short_name, date=when.isoformat() if when else "")


def _deadline(regime: Regime, today: dt.date) -> tuple[str, str, dt.date | None]:
    deadline = regime.deadline
    if deadline is None:
        return "within a reasonable time", "", None
    unit = "business days" if deadline.business_days else "days"
    due = due_date(today, deadline)
    when = f"{due:%B} {due.day}, {due.year}"
    text = f"within {deadline.days} {unit} of receiving it (by {when}, if it reaches you today)"
    extension = ""
    if deadline.extension_days:
        extension = (
            f"If you need more time, the law allows an extension of up to "
            f"{deadline.extension_days} more {unit} when it is reasonably necessary; please tell "
            "me of it, and why, before the first period ends."
        )
    return text, extension, due


def _body(
    tpl: dict[str, Any],
    as_agent: bool,
    values: dict[str, str],
    clauses: list[Clause],
    law: Law,
    kind: Kind,
) -> list[str]:
    """The template's paragraphs with ``$clauses`` expanded into the matching clauses and
    ``$also_opt_out``/``$unverified`` into the law's opt-out sentences (or nothing)."""
    suffix = "_agent" if as_agent else ""
    unverified = ""
    if law.opt_out_unverified is not None and "unverified" in tpl:
        unverified = _fill(
            tpl["unverified"], {**values, "unverified_cite": law.opt_out_unverified.cite}
        )
    elif "unverified_unknown" in tpl:
        unverified = _fill(tpl["unverified_unknown"], values)
    out: list[str] = []
    for paragraph in tpl["body" + suffix] if "body" + suffix in tpl else tpl["body"]:
        if paragraph == "$clauses":
            out += [_fill(c.text, {**values, "cite": c.cite}) for c in clauses]
        elif paragraph == "$unverified":
            out += [unverified] if unverified else []
        elif paragraph == "$also_opt_out":
            gives = any(r in law.rights for r in RIGHT_FOR["opt_out"])
            if gives and kind == "delete" and law.kind == "state_privacy":
                text = tpl["also_opt_out" + suffix]
                out.append(_fill(text, {**values, "unverified": unverified}))
        else:
            out.append(_fill(paragraph, values))
    return [p for p in out if p]


def draft_letter(
    broker: Broker,
    profile: Profile,
    catalog: Catalog,
    *,
    kind: Kind | None = None,
    agent: Agent | None = None,
    today: dt.date,
    blanks: bool = False,
) -> Letter:
    """One letter: to the desk that takes its kind, under the law that applies, in the first
    person (or the agent's voice), with a way to answer."""
    state = profile.home_state()
    regime = choose(broker, kind, state, catalog, today=today)
    identity = identity_lines(broker, profile.identity, blanks=blanks)
    person = dict(identity).get("Full name", "")
    if person.endswith(HAND):
        person = ""
    as_agent = agent is not None and regime.agent_allowed
    tpl = template(regime.template)
    deadline_text, extension, due = _deadline(regime, today)
    values = {
        "person": person or "the consumer named in the enclosed authorization",
        "broker": broker.name,
        "law": regime.law.name,
        "law_short": regime.law.short_name,
        "statute": regime.law.citation,
        "section": regime.section,
        "deadline": deadline_text,
        "extension": extension,
        "agent": agent.name if agent else "",
        "opt_out_section": section_for(regime.law, "opt_out"),
    }
    scope = regime.law.wording.get(regime.kind, "all personal information it holds about me")
    values["scope"] = _fill(scope, values)
    opening = _fill(tpl["opening_agent" if as_agent else "opening"], values)
    clauses = clauses_for(regime, broker, state, catalog, today=today)
    body = _body(tpl, as_agent, values, clauses, regime.law, regime.kind)
    desk = desk_for(broker, regime.kind, as_agent=as_agent)
    notes = [regime.agent_note] if regime.agent_note and agent is not None else []
    if regime.pending is not None:
        notes.append(pending_note(regime.pending))
    if agent is not None and not as_agent:
        notes.append("This letter is written for the person to sign and send themselves.")
    notes += list(desk.notes)
    enclosures = [*tpl["enclosures_agent" if as_agent else "enclosures"], *enclosures_for(broker)]
    opt = broker.opt_out
    sender_block = sender(profile, identity, agent if as_agent else None, blanks=blanks)
    return Letter(
        broker_id=broker.id,
        broker_name=broker.name,
        kind=regime.kind,
        regime=regime.law.id,
        law_name=regime.law.name,
        citation=regime.section,
        agent=agent.name if as_agent and agent else None,
        date=today,
        due=due,
        sender=sender_block,
        recipient=desk.postal or (broker.name, POSTAL_UNKNOWN),
        email_to=desk.email,
        subject=_fill(tpl["subject"], values),
        paragraphs=(opening, *body),
        identity=tuple(identity),
        closing=tpl["closing"],
        signer=agent.signer() if as_agent and agent else signer(profile, person),
        enclosures=tuple(enclosures),
        notes=tuple(notes),
        web_form=desk.web_forms,
        steps=opt.steps if opt else (),
        clauses=tuple(c.id for c in clauses),
    )

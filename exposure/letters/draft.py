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
from string import Template
from typing import Any

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, MethodKind, OptOutMethod
from exposure.letters.agent import Agent
from exposure.letters.deadlines import due_date
from exposure.letters.identity import enclosures_for, identity_lines
from exposure.letters.regime import Kind, Regime, choose
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


@cache
def template(name: str) -> dict[str, Any]:
    text = resources.files("exposure.letters.templates").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _fill(text: str, values: dict[str, str]) -> str:
    return " ".join(Template(text).substitute(values).split())


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
        rule = f" ({deadline.extension_rule})" if deadline.extension_rule else ""
        extension = (
            f"If you need more time, the law allows one extension of up to "
            f"{deadline.extension_days} more {unit}{rule}."
        )
    return text, extension, due


_KEYWORDS: dict[str, tuple[str, ...]] = {
    "file_disclosure": ("disclosure", "report", "file"),
    "security_freeze": ("freeze",),
    "delete": ("delet", "privacy", "ccpa", "request", "opt"),
    "opt_out": ("opt", "privacy", "ccpa", "request"),
    "know": ("know", "access", "privacy", "ccpa", "request"),
}


def _recipient(broker: Broker, kind: Kind) -> tuple[str, ...]:
    """The postal address for this kind of request: the method whose scope names it, if any."""
    methods = broker.opt_out.methods if broker.opt_out else ()
    postal = [m for m in methods if m.kind is MethodKind.POSTAL and m.address]

    def fits(method: OptOutMethod) -> int:
        text = " ".join([method.covers or "", *(method.address or ())]).casefold()
        return sum(word in text for word in _KEYWORDS[kind])

    if postal:
        best = max(postal, key=fits)  # first of the best: ties keep the record's order
        return _addressed(broker.name, best.address or ())
    if isinstance(broker.contacts.address, tuple):
        return _addressed(broker.name, broker.contacts.address)
    return (broker.name, "(postal address unknown: send by e-mail or use the web form)")


def _addressed(name: str, lines: tuple[str, ...]) -> tuple[str, ...]:
    """The broker's name, then its address, without repeating a name the address starts with."""
    same = lines and lines[0].casefold().rstrip(".,") == name.casefold().rstrip(".,")
    return (name, *lines[1:]) if same else (name, *lines)


def _email_to(broker: Broker) -> str | None:
    for method in broker.opt_out.methods if broker.opt_out else ():
        if method.kind is MethodKind.EMAIL and method.email:
            return method.email
    return broker.contacts.email if broker.contacts.email != "unknown" else None


def _sender(
    profile: Profile, identity: list[tuple[str, str]], agent: Agent | None
) -> tuple[str, ...]:
    """The return address: the agent's, or only what the letter already discloses."""
    if agent is not None:
        return agent.block()
    values = dict(identity)
    lines = [values.get("Full name", "")]
    current = [a for a in (profile.identity.addresses if profile.identity else ()) if a.current]
    if "Current address" in values and current:
        lines += [
            *current[0].lines,
            f"{current[0].city}, {current[0].state} {current[0].postal_code}",
        ]
    if "E-mail" in values:
        lines.append(values["E-mail"])
    return tuple(line for line in lines if line)


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
    regime = choose(broker, kind, profile.home_state(), catalog)
    identity = identity_lines(broker, profile.identity, blanks=blanks)
    person = dict(identity).get("Full name", "")
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
    }
    opening = _fill(tpl["opening_agent" if as_agent else "opening"], values)
    body = [_fill(p, values) for p in tpl["body"]]
    notes = [regime.agent_note] if regime.agent_note and agent is not None else []
    if agent is not None and not as_agent:
        notes.append("This letter is written for the person to sign and send themselves.")
    enclosures = [*tpl["enclosures_agent" if as_agent else "enclosures"], *enclosures_for(broker)]
    opt = broker.opt_out
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
        sender=_sender(profile, identity, agent if as_agent else None),
        recipient=_recipient(broker, regime.kind),
        email_to=_email_to(broker),
        subject=_fill(tpl["subject"], values),
        paragraphs=(opening, *body),
        identity=tuple(identity),
        closing=tpl["closing"],
        signer=agent.signer() if as_agent and agent else person,
        enclosures=tuple(enclosures),
        notes=tuple(notes),
        web_form=tuple(m.url for m in (opt.methods if opt else ()) if m.url),
        steps=opt.steps if opt else (),
    )

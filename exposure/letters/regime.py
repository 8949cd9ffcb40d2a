"""Which legal ground a request stands on, and whether an agent may file it.

The rules, first match wins:

1. An FCRA lever (file disclosure, security freeze) is asked for by name, or the broker holds
   FCRA data (a holding whose ``law.fcra`` is "yes") and no kind was asked for: the FCRA
   regime. State privacy laws exempt FCRA-covered data, so a deletion letter to a credit
   bureau would be refused.
2. The person's state has a comprehensive privacy law in force on ``today`` that grants the
   right: that law.
3. Otherwise: the "no law applies" regime, a voluntary request that says so honestly. Where the
   state has a law that is signed but takes effect later, the regime names it (``pending``), so
   the letter can say from when a request can stand on it.

``today`` is passed in, never read from the clock: the edges give the real date, tests any date.

An agent files only where both the law and the broker allow it; otherwise the letter is written
in the first person for the person to sign and send themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Deadline, Law
from broker_catalog.schema import Agents, Broker
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.letters.desk import kind_label

Kind = Literal["delete", "opt_out", "know", "file_disclosure", "security_freeze"]
KINDS: tuple[Kind, ...] = ("delete", "opt_out", "know", "file_disclosure", "security_freeze")
FCRA_KINDS = ("file_disclosure", "security_freeze")
RIGHT_FOR: dict[Kind, tuple[str, ...]] = {
    "delete": ("delete",),
    "opt_out": ("opt_out_sale", "opt_out_sharing", "opt_out_targeted_ads"),
    "know": ("know", "access"),
    "file_disclosure": ("file_disclosure",),
    "security_freeze": ("security_freeze",),
}
FCRA_LAW = {"file_disclosure": "fcra-disclosure", "security_freeze": "fcra-freeze"}
NO_LAW = "no-law"


class RegimeError(ExposureError):
    """A request cannot be made as asked (e.g. an FCRA request to a broker that is not a CRA)."""


@dataclass(frozen=True, slots=True)
class Regime:
    kind: Kind
    law: Law
    template: str  # "<kind>-<state|fcra|none>"
    section: str
    deadline: Deadline | None
    agent_allowed: bool
    agent_note: str | None
    pending: Law | None = None  # the state's law that grants the right from a later day


def _law(catalog: Catalog, law_id: str) -> Law:
    law = catalog.law_by_id.get(law_id)
    if law is None:
        raise RegimeError(f"the catalog's law table has no '{law_id}' record")
    return law


def section_for(law: Law, kind: Kind) -> str:
    for right in RIGHT_FOR[kind]:
        if right in law.right_citations:
            return law.right_citations[right]
    return law.citation


def deadline_for(law: Law, kind: Kind) -> Deadline | None:
    """The law's deadline for this kind of request (a shorter one for opt-outs, where set)."""
    if kind == "opt_out" and law.opt_out_response is not None:
        return law.opt_out_response
    return law.response if law.kind != "none" else None


def default_kind(broker: Broker) -> Kind:
    """The FCRA disclosure for a company with FCRA data, judged per holding as the plan does:
    a company that runs a consumer reporting business beside a marketing one (Acxiom's
    record, say) gets a deletion request for a marketing-only record. A company whose holdings
    are not researched falls back to its company-level ``legal.fcra``."""
    if broker.holdings:
        fcra = any(h.law.fcra == "yes" for h in broker.holdings)
    else:
        fcra = broker.legal.fcra == "yes"
    return "file_disclosure" if fcra else "delete"


def _agent(law: Law, kind: Kind, broker: Broker) -> tuple[bool, str | None]:
    law_says = law.agents.get("opt_out" if kind == "opt_out" else kind, "unknown")
    broker_says = broker.opt_out.agents if broker.opt_out else Agents.UNKNOWN
    if broker_says is Agents.NO:
        return False, _("{broker} does not accept requests from authorized agents.").format(
            broker=broker.name
        )
    if law.kind == "state_privacy" and law_says == "no":
        return (
            False,
            _("The {law} does not provide for authorized agents for this request.").format(
                law=law.short_name
            ),
        )
    if broker_says is Agents.WITH_POWER_OF_ATTORNEY:
        return True, _("{broker} asks agents for a power of attorney; enclose one.").format(
            broker=broker.name
        )
    return True, None


def choose(
    broker: Broker, kind: Kind | None, state: str | None, catalog: Catalog, *, today: dt.date
) -> Regime:
    kind = kind or default_kind(broker)
    if kind in FCRA_KINDS:
        if broker.legal.fcra != "yes":
            raise RegimeError(
                _(
                    "{broker} is not recorded as a consumer reporting agency, so an FCRA "
                    "{kind} request does not apply; choose delete, opt_out or know"
                ).format(broker=broker.name, kind=kind_label(kind))
            )
        law = _law(catalog, FCRA_LAW[kind])
        allowed, note = _agent(law, kind, broker)
        return Regime(
            kind, law, f"{kind}-fcra", section_for(law, kind), law.response, allowed, note
        )
    law_for_state = catalog.privacy_law_for(state, today) if state else None
    if law_for_state is not None and _grants(law_for_state, kind):
        deadline = deadline_for(law_for_state, kind)
        allowed, note = _agent(law_for_state, kind, broker)
        section = section_for(law_for_state, kind)
        return Regime(kind, law_for_state, f"{kind}-state", section, deadline, allowed, note)
    later = catalog.pending_law_for(state, today) if state else None
    pending = later if later is not None and _grants(later, kind) else None
    law = _law(catalog, NO_LAW)
    allowed, note = _agent(law, kind, broker)
    return Regime(kind, law, f"{kind}-none", law.citation, None, allowed, note, pending)


def _grants(law: Law, kind: Kind) -> bool:
    return any(r in law.rights for r in RIGHT_FOR[kind])

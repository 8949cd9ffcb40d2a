"""Which law-table clauses go into a letter: those of its law, and of any route law of the
person's state (such as a state deletion platform), whose request kinds and conditions match
the broker (its FCRA type, a registration in the person's state, a reported sale of precise
geolocation), and whose provision is in force on the letter's date. The wording and citation of
each clause live in the law table, with sources."""

from __future__ import annotations

import datetime as dt

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Clause
from broker_catalog.schema import Broker
from exposure.letters.regime import Regime


def _conditions(broker: Broker, state: str | None) -> set[str]:
    """Which clause conditions hold for this broker and this person's state."""
    held = {
        {
            "nationwide": "fcra_nationwide",
            "nationwide_specialty": "fcra_nationwide_specialty",
        }.get(broker.legal.fcra_type, "fcra_other")
    }
    if state and any(r.state == state for r in broker.legal.registries):
        held.add("registered_here")
    if broker.legal.disclosures.precise_geolocation == "yes":
        held.add("precise_geolocation")
    return held


def clauses_for(
    regime: Regime, broker: Broker, state: str | None, catalog: Catalog, *, today: dt.date
) -> list[Clause]:
    """The clauses of the letter's law, and of any route law of the person's state (such as a
    state deletion platform) in force on ``today``, whose kind and conditions match and whose
    provision applies on ``today``."""
    laws = [regime.law]
    if state and regime.law.kind != "federal_fcra":
        laws += [
            law
            for law in catalog.law_by_id.values()
            if law.kind == "route" and state in law.states and law.in_force(today)
        ]
    held = _conditions(broker, state)
    return [
        clause
        for law in laws
        for clause in law.clauses
        if regime.kind in clause.kinds and set(clause.when) <= held and clause.in_force(today)
    ]

"""Government data sources: agencies whose records reach immigration enforcement.

These are not brokers. Nobody can opt out of a tax return or a Medicaid file, so a record says
what is shared, since when, on what legal basis, and what helps instead (by state where the
lever is a state law or policy). Every statement cites the record's own ``sources``.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from broker_catalog.schema import (
    UNKNOWN,
    Model,
    PartialDate,
    PastDate,
    Slug,
    Source,
    Sourced,
    StateCode,
    Text,
    Trigger,
    Unknown,
)


class Event(Sourced):
    """One dated step in the story of a data flow: an agreement, a court order, a notice."""

    date: PartialDate
    what: Text


LeverBasis = Literal["statute", "policy", "settlement", "network_block"]


class Lever(Sourced):
    """Something that helps. ``states`` empty means it helps everywhere.

    A state's own rule (a law that bars or limits sharing, an agency policy, a court
    settlement, or a block on a network such as Nlets) says what it rests on: ``basis``, the
    ``citation`` of the statute, bill or policy, and the day it took ``effective``, each
    supported by the lever's ``sources``."""

    states: tuple[StateCode, ...] = Field(
        default=(), description="states where this lever applies; empty for everywhere"
    )
    text: Text
    basis: LeverBasis | None = Field(
        default=None,
        description="what a state lever rests on: a statute, an agency policy, a court "
        "settlement or a block on a shared network (Nlets)",
    )
    citation: Text | None = Field(
        default=None, description="the statute, bill, policy or settlement, as cited"
    )
    effective: PartialDate | Unknown | None = Field(
        default=None, description="the day (or month, year) the rule took effect"
    )

    @model_validator(mode="after")
    def _state_rule(self) -> Self:
        if self.basis is None:
            if self.citation is not None or self.effective is not None:
                raise ValueError("'citation' and 'effective' need a 'basis'")
            return self
        if not self.states:
            raise ValueError("a lever with a 'basis' is a state's rule: name its 'states'")
        if self.basis == "statute" and self.citation is None:
            raise ValueError("a statute lever needs its 'citation'")
        if self.effective is None:
            raise ValueError("a lever with a 'basis' needs 'effective' (or \"unknown\")")
        return self


class GovernmentSource(Model):
    """An agency's records that are shared with immigration enforcement, with no consumer route."""

    id: Slug = Field(description="stable slug; the file name")
    agency: Text
    programme: Text
    shares: Text = Field(description="what is shared with immigration enforcement")
    since: PartialDate | Unknown = UNKNOWN
    legal_basis: Text | Unknown = UNKNOWN
    status: Text = Field(description="where things stand, as of `verified`, in plain words")
    concerns: tuple[Trigger, ...] = Field(
        min_length=1, description="the life facts that put a person in these records"
    )
    cites: tuple[Slug, ...] = Field(
        min_length=1, description="sources for shares, since, legal basis and status"
    )
    history: tuple[Event, ...] = ()
    levers: tuple[Lever, ...] = Field(min_length=1)
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: PastDate

    @model_validator(mode="after")
    def _citations_resolve(self) -> Self:
        known = {s.id for s in self.sources}
        if len(known) != len(self.sources):
            raise ValueError("duplicate source ids")
        cited = [("cites", self.cites)]
        cited += [(f"history[{i}]", e.sources) for i, e in enumerate(self.history)]
        cited += [(f"levers[{i}]", lv.sources) for i, lv in enumerate(self.levers)]
        for where, ids in cited:
            missing = [c for c in ids if c not in known]
            if missing:
                raise ValueError(f"{where} cites unknown source id(s): {', '.join(missing)}")
        return self

"""The law table's data model: one record per legal regime a request can stand on.

A regime is a state's comprehensive privacy law, a federal FCRA lever, California's DROP (a
route, not a letter), or "no law applies" (a courteous voluntary request that says so). Every
citation, deadline and agent rule is sourced and dated like any other actionable catalog fact.

A law signed but not yet in force carries its future ``effective`` date, and a clause that a
later amendment adds carries its own ``effective`` date: both apply from that day, judged
against the evaluation date the caller passes in (:meth:`Law.in_force`,
:meth:`Clause.in_force`), so a law starts to apply on its day without a new release.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from broker_catalog.limits import quoted_id
from broker_catalog.schema import (
    US_STATES,
    HttpsUrl,
    Model,
    PastDate,
    Slug,
    Source,
    Text,
    Tri,
)

Right = Literal[
    "know",
    "access",
    "delete",
    "correct",
    "portability",
    "opt_out_sale",
    "opt_out_sharing",
    "opt_out_targeted_ads",
    "opt_out_profiling",
    "limit_sensitive",
    "appeal",
    "file_disclosure",
    "security_freeze",
    "dispute",
    "prescreen_opt_out",
]

RequestKind = Literal["delete", "opt_out", "know", "correct", "file_disclosure", "security_freeze"]


class Deadline(Model):
    """How long the business has to answer, and whether the days are calendar or business days."""

    days: int = Field(ge=1, le=365)
    business_days: bool = False
    extension_days: int = Field(default=0, ge=0, le=365)
    extension_rule: Text | None = Field(
        default=None,
        description="when an extension is allowed, e.g. 'with notice, when reasonably necessary'",
    )


class Regulator(Model):
    name: Text
    url: HttpsUrl | Literal["unknown"] = "unknown"
    complaint_url: HttpsUrl | Literal["unknown"] = "unknown"


Condition = Literal[
    "fcra_nationwide",
    "fcra_nationwide_specialty",
    "fcra_other",
    "registered_here",
    "precise_geolocation",
]


class Clause(Model):
    """A sentence a letter adds where it applies, with the citation it stands on.

    ``text`` is first-person letter wording (``$cite`` inserts ``cite``; ``$broker``,
    ``$deadline`` and ``$law_short`` are filled as in templates). It goes into letters of the
    ``kinds`` listed when every condition in ``when`` holds for the broker: its FCRA type, a
    registration in a registry of the person's state, or a registry disclosure that it sells
    precise geolocation. Every clause names the law-table sources it rests on.
    """

    id: Slug
    kinds: tuple[RequestKind, ...] = Field(min_length=1)
    when: tuple[Condition, ...] = ()
    effective: dt.date | None = Field(
        default=None,
        description="the day the provision it cites took effect (or takes effect), where an "
        "amendment added it after the law itself; the clause is used only from that day",
    )
    text: Text
    cite: Text
    sources: tuple[Slug, ...] = Field(min_length=1)

    def in_force(self, on: dt.date) -> bool:
        """Whether the provision this clause cites applies on ``on``."""
        return self.effective is None or on >= self.effective


class Citation(Model):
    """A citation with the law-table sources that support it."""

    cite: Text
    sources: tuple[Slug, ...] = Field(min_length=1)


class Law(Model):
    """One legal regime a request can stand on (``laws/<id>.toml``).

    ``effective`` may lie in the future for a law signed but not yet in force: the engine and
    the letters use it only from that day (``in_force``), judged on the date the caller passes
    in; before it, a person in that state gets the no-law request and a note naming the day."""

    id: Slug
    kind: Literal["state_privacy", "federal_fcra", "route", "none"]
    name: Text
    short_name: Text
    states: tuple[str, ...] = Field(default=(), description="two-letter codes; empty for federal")
    citation: Text = Field(description="the statute, e.g. 'Cal. Civ. Code § 1798.100 et seq.'")
    right_citations: dict[str, Text] = Field(
        default_factory=dict, description="right → its section, e.g. delete → § 1798.105"
    )
    effective: dt.date | Literal["unknown"] = Field(
        default="unknown",
        description="the day the law took effect or, for a law signed but not yet in force, "
        "takes effect; it applies from that day on",
    )
    rights: tuple[Right, ...] = ()
    response: Deadline | None = None
    opt_out_response: Deadline | None = Field(
        default=None, description="a shorter deadline for opt-out requests, where the law sets one"
    )
    agents: dict[RequestKind, Tri] = Field(
        default_factory=dict, description="whether an authorized agent may file each request kind"
    )
    agent_rules: Text | None = None
    verification: Text | None = Field(
        default=None, description="what the business may demand to verify a request"
    )
    exempts: tuple[
        Literal["fcra", "glba", "hipaa", "dppa", "public_records", "employee_data"], ...
    ] = ()
    regulator: Regulator | None = None
    opt_out_unverified: Citation | None = Field(
        default=None,
        description="where the law says an opt-out of sale needs no identity verification",
    )
    clauses: tuple[Clause, ...] = ()
    wording: dict[str, Text] = Field(
        default_factory=dict,
        description="right → what it reaches, in the statute's terms, first person "
        "(e.g. delete → 'personal information about me that you collected from me')",
    )
    notes: Text | None = None
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: PastDate

    def in_force(self, on: dt.date) -> bool:
        """Whether the law applies on ``on``: from its ``effective`` day (a law whose date is
        unknown is one the table records as in force)."""
        return self.effective == "unknown" or on >= self.effective

    def pending(self, on: dt.date) -> bool:
        """Whether the law is signed but takes effect after ``on``."""
        return not self.in_force(on)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        bad = [f"states[{i}]" for i, s in enumerate(self.states) if s not in US_STATES]
        if bad:  # positions, not values: no message repeats what it found
            raise ValueError(f"{', '.join(bad)}: not a two-letter US state code")
        if self.kind == "state_privacy" and (not self.states or self.response is None):
            raise ValueError("a state privacy law needs 'states' and a 'response' deadline")
        unknown_rights = sorted(set(self.right_citations) - set(self.rights))
        if unknown_rights:
            shown = ", ".join(quoted_id(r) for r in unknown_rights)
            raise ValueError(f"right_citations names rights not in 'rights': {shown}")
        known = {s.id for s in self.sources}
        cited = [c.sources for c in self.clauses]
        if self.opt_out_unverified is not None:
            cited.append(self.opt_out_unverified.sources)
        missing = sorted({i for ids in cited for i in ids} - known)
        if missing:
            shown = ", ".join(quoted_id(m) for m in missing)
            raise ValueError(f"clauses cite unknown source id(s): {shown}")
        return self

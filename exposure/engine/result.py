"""The audit's result: what `exposure audit --json` prints (documented in docs/json-output.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from broker_catalog.schema import Likelihood


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceRef(_Frozen):
    title: str
    publisher: str
    url: str


class Reason(_Frozen):
    """One plain sentence of why, with the sources that back it."""

    text: str
    sources: tuple[SourceRef, ...]


ActionKind = Literal[
    "fcra_disclosure_and_freeze",
    "opt_out",
    "state_law_request",
    "california_drop",
    "no_consumer_route",
]


# The actions a letter can carry out (the others: DROP is a website, "no route" is advocacy).
LETTER_ACTIONS: frozenset[ActionKind] = frozenset(
    {"fcra_disclosure_and_freeze", "opt_out", "state_law_request"}
)


class Method(_Frozen):
    kind: str
    contact: str
    covers: str | None = None


class Action(_Frozen):
    """One thing to do. A family of storefronts that share one opt-out is one action."""

    kind: ActionKind
    title: str
    brokers: tuple[str, ...]
    steps: tuple[str, ...]
    methods: tuple[Method, ...] = ()
    verification: tuple[str, ...] = ()
    impact: float
    effort: int
    score: float


class BrokerResult(_Frozen):
    id: str
    name: str
    likelihood: Likelihood
    categories: tuple[str, ...]
    quality: str
    reasons: tuple[Reason, ...]
    immigration_ties: bool
    action: ActionKind | None = None


class CategoryResult(_Frozen):
    id: str
    name: str
    level: Likelihood
    brokers: tuple[str, ...]


class CatalogRef(_Frozen):
    version: str
    released: str


class Audit(_Frozen):
    """An estimate, and it says so: ``based_on`` and ``cannot_know`` travel with every result."""

    headline: str
    based_on: str
    cannot_know: tuple[str, ...]
    catalog: CatalogRef
    not_assessed: int
    categories: tuple[CategoryResult, ...]
    brokers: tuple[BrokerResult, ...]
    plan: tuple[Action, ...]

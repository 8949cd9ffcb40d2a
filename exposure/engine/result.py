"""The audit's result as data: codes and parameters, never finished sentences.

The words are chosen at the edge (exposure.render), from message templates in the chosen
language, so one result can be shown in English or Spanish, as terminal text, Markdown, a PDF or
JSON. What `exposure audit --json` prints is documented in docs/json-output.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from broker_catalog.schema import Likelihood


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceRef(_Frozen):
    title: str
    publisher: str
    url: str


# A message parameter: an id, a count, or a list of ids / values.
Param = str | int | tuple[str, ...]


class Message(_Frozen):
    """One sentence as data: a message code and what it is rendered from.

    Parameters name things by id (broker, fact, holding index, law), so the renderer takes the
    words for them from the catalog in the reader's language.
    """

    code: str
    params: dict[str, Param] = Field(default_factory=dict)


ReasonCode = Literal[
    "fact_trigger",
    "unknown_fact",
    "baseline",
    "baseline_answered_no",
    "government_tie",
    "flow_limited",
    "flow_ended",
    "one_of_these",
    "registry_filing",
    "government_concern",
]


class Reason(Message):
    """Why a broker probably holds a person's records, with the sources that back it."""

    code: ReasonCode
    sources: tuple[SourceRef, ...]


ActionKind = Literal[
    "fcra_disclosure_and_freeze",
    "opt_out",
    "state_law_request",
    "california_drop",
    "no_consumer_route",
    "one_of_these",
    "answer_questions",
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
    """One thing to do. A family of storefronts that share one opt-out is one action.

    ``lead`` is the broker the action is named after; ``brokers`` every broker it covers (more
    than one for a family, or for DROP). ``law`` is the law-table id a state-law request or
    DROP rests on.
    """

    kind: ActionKind
    lead: str | None
    brokers: tuple[str, ...]
    law: str | None = None
    categories: tuple[str, ...] = Field(
        default=(), description="the lead broker's holdings this action is for (law per holding)"
    )
    group: str | None = None
    steps: tuple[Message, ...]
    methods: tuple[Method, ...] = ()
    verification: tuple[str, ...] = ()
    impact: float
    effort: int
    score: float


Evidence = Literal["researched", "registry_filing", "none"]


class BrokerResult(_Frozen):
    """``evidence`` says what the estimate rests on: a researched record (holdings with
    triggers), the broker's registry filing, or nothing yet."""

    id: str
    name: str
    likelihood: Likelihood
    categories: tuple[str, ...]
    quality: str
    reasons: tuple[Reason, ...]
    immigration_ties: bool
    action: ActionKind | None = None
    evidence: Evidence = "researched"
    groups: tuple[str, ...] = ()


class GroupResult(_Frozen):
    """An alternative group: "a renter is screened by one of these". The group carries the
    full rating; each member is at most ``possible`` through the group's facts."""

    id: str
    likelihood: Likelihood
    members: tuple[str, ...]
    facts: tuple[str, ...]
    sources: tuple[SourceRef, ...]


class GovernmentResult(_Frozen):
    """A government data source that concerns the person: no consumer route, only levers.

    ``levers`` index the record's levers, those for the person's state first; ``reasons`` say
    which answers make it concern them."""

    id: str
    likelihood: Likelihood
    reasons: tuple[Reason, ...]
    levers: tuple[int, ...]
    state_levers: tuple[int, ...]
    sources: tuple[SourceRef, ...]


class CategoryResult(_Frozen):
    id: str
    name: str
    level: Likelihood
    brokers: tuple[str, ...]
    # How many of ``brokers`` likely and possibly hold this category's data: a broker likely to
    # hold one category may only possibly hold another, so these are not the brokers' overall
    # likelihoods.
    likely: int = 0
    possible: int = 0


class CatalogRef(_Frozen):
    version: str
    released: str


class Counts(_Frozen):
    """What the headline and the "based on" line are rendered from."""

    likely: int
    possible: int
    categories_likely: int
    categories_held: int
    answered: int
    questions: int
    estimated: int
    not_assessed: int
    researched: int = 0
    registry_filing: int = 0
    groups_likely: int = 0
    government: int = 0


# What an estimate cannot know, as message codes; every audit carries them.
CANNOT_KNOW = ("cannot_know_holdings", "cannot_know_unresearched", "cannot_know_past_copies")


class Audit(_Frozen):
    """An estimate, and it says so: ``counts`` (what it rests on) and ``cannot_know`` travel
    with every result."""

    counts: Counts
    cannot_know: tuple[str, ...] = CANNOT_KNOW
    catalog: CatalogRef
    categories: tuple[CategoryResult, ...]
    brokers: tuple[BrokerResult, ...]
    plan: tuple[Action, ...]
    groups: tuple[GroupResult, ...] = ()
    government: tuple[GovernmentResult, ...] = ()

"""How likely one broker holding is to include a person, from their life facts alone.

The rule, in full:

- A trigger whose fact the person answered with one of the trigger's values gives the trigger's
  ``gives`` (``likely`` or ``possible``).
- A trigger whose fact the person does not know (or did not answer) gives ``possible``: not
  knowing widens the estimate instead of dropping the broker.
- A trigger a data flow explains gives at most what the flow's source holding is rated for the
  same person; a trigger explained only by flows that have ended gives nothing (links.py).
- A trigger on a fact of an alternative group ("one of these") gives at most ``possible``.
- A holding's likelihood is the highest of its ``baseline`` and what its triggers give.
- A broker's likelihood is the highest over its holdings; a broker with no researched holdings is
  estimated from its registry filing (registry.py).

Because everything is a maximum (or a minimum of two maxima) over positive evidence, answering
"yes" to one more question (or ticking one more choice) can never lower any likelihood.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from broker_catalog.schema import Holding, Likelihood, Trigger
from exposure.engine.links import NO_LINK, TriggerLink
from exposure.profile.model import UNKNOWN, Answer, Profile


@dataclass(frozen=True, slots=True)
class HoldingResult:
    """One holding's likelihood and the triggers behind it.

    ``limited`` lists the triggers a flow or a group held down (or, for ended flows, dropped),
    so the reasons can say so; ``whole`` is the likelihood before a group's "one of these" cap;
    ``answered_no`` says the person answered every trigger's question and none matched.
    """

    holding: Holding
    likelihood: Likelihood
    matched: tuple[tuple[Trigger, Answer], ...]
    unknown: tuple[Trigger, ...]
    limited: tuple[tuple[Trigger, TriggerLink], ...] = ()
    whole: Likelihood = Likelihood.UNLIKELY
    answered_no: bool = False


def _matches(answer: Answer, values: tuple[str, ...]) -> bool:
    if isinstance(answer, list):
        return any(a in values for a in answer)
    return answer in values


def _higher(a: Likelihood, b: Likelihood) -> Likelihood:
    return a if a.rank >= b.rank else b


_RANK = {"likely": 3, "possible": 2, "unknown": 1, "unlikely": 0}
_BY_RANK = {rank: Likelihood(name) for name, rank in _RANK.items()}


def evaluate_holding(
    holding: Holding,
    profile: Profile,
    links: tuple[TriggerLink, ...] = (),
    source_rank: Mapping[int, int] | None = None,
) -> HoldingResult:
    """``links`` runs parallel to ``holding.triggers`` (empty: no limits); ``source_rank``
    maps a flow's index to the rank its source holding was given for this person."""
    # Plain integers in the loop: this runs for every holding of every broker in an audit.
    best = whole = _RANK[holding.baseline]
    matched: list[tuple[Trigger, Answer]] = []
    unknown: list[Trigger] = []
    limited: list[tuple[Trigger, TriggerLink]] = []
    facts = profile.facts
    for n, trigger in enumerate(holding.triggers):
        link = links[n] if links else NO_LINK
        answer = facts.get(trigger.fact, UNKNOWN)
        if answer == UNKNOWN:
            rank = 2
        elif _matches(answer, trigger.values):
            rank = _RANK[trigger.gives]
        else:
            continue
        if link.dropped:
            limited.append((trigger, link))
            continue
        if link.flows:
            cap = max((source_rank or {}).get(f, 3) for f in link.flows)
            if cap < rank:
                limited.append((trigger, link))
                rank = cap
        whole = max(whole, rank)
        if link.group is not None and rank > 2:
            limited.append((trigger, link))
            rank = 2
        if rank < 2:
            continue
        if answer == UNKNOWN:
            unknown.append(trigger)
        else:
            matched.append((trigger, answer))
        best = max(best, rank)
    answered_no = bool(holding.triggers) and not matched and not unknown and not limited
    return HoldingResult(
        holding,
        _BY_RANK[best],
        tuple(matched),
        tuple(unknown),
        tuple(limited),
        _BY_RANK[whole],
        answered_no,
    )


def combine(likelihoods: list[Likelihood]) -> Likelihood:
    """The highest likelihood, or ``unknown`` when there is nothing to go on."""
    if not likelihoods:
        return Likelihood.UNKNOWN
    best = likelihoods[0]
    for item in likelihoods[1:]:
        best = _higher(best, item)
    return best

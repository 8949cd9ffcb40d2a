"""How likely one broker holding is to include a person, from their life facts alone.

The rule, in full:

- A trigger whose fact the person answered with one of the trigger's values gives the trigger's
  ``gives`` (``likely`` or ``possible``).
- A trigger whose fact the person does not know (or did not answer) gives ``possible``: not
  knowing widens the estimate instead of dropping the broker.
- A holding's likelihood is the highest of its ``baseline`` and what its triggers give.
- A broker's likelihood is the highest over its holdings; a broker with no researched holdings is
  ``unknown``.

Because everything is a maximum over positive evidence, answering "yes" to one more question (or
ticking one more choice) can never lower any broker's likelihood.
"""

from __future__ import annotations

from dataclasses import dataclass

from broker_catalog.schema import Holding, Likelihood, Trigger
from exposure.profile.model import UNKNOWN, Answer, Profile


@dataclass(frozen=True, slots=True)
class HoldingResult:
    holding: Holding
    likelihood: Likelihood
    matched: tuple[tuple[Trigger, Answer], ...]
    unknown: tuple[Trigger, ...]


def _matches(answer: Answer, values: tuple[str, ...]) -> bool:
    if isinstance(answer, list):
        return any(a in values for a in answer)
    return answer in values


def _higher(a: Likelihood, b: Likelihood) -> Likelihood:
    return a if a.rank >= b.rank else b


_RANK = {"likely": 3, "possible": 2, "unknown": 1, "unlikely": 0}
_BY_RANK = {rank: Likelihood(name) for name, rank in _RANK.items()}


def evaluate_holding(holding: Holding, profile: Profile) -> HoldingResult:
    # Plain integers in the loop: this runs for every holding of every broker in an audit.
    best = _RANK[holding.baseline]
    matched: list[tuple[Trigger, Answer]] = []
    unknown: list[Trigger] = []
    facts = profile.facts
    for trigger in holding.triggers:
        answer = facts.get(trigger.fact, UNKNOWN)
        if answer == UNKNOWN:
            unknown.append(trigger)
            best = max(best, 2)
        elif _matches(answer, trigger.values):
            matched.append((trigger, answer))
            best = max(best, _RANK[trigger.gives])
    return HoldingResult(holding, _BY_RANK[best], tuple(matched), tuple(unknown))


def combine(likelihoods: list[Likelihood]) -> Likelihood:
    """The highest likelihood, or ``unknown`` when there is nothing to go on."""
    if not likelihoods:
        return Likelihood.UNKNOWN
    best = likelihoods[0]
    for item in likelihoods[1:]:
        best = _higher(best, item)
    return best

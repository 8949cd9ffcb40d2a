"""Estimates for brokers known only from a state registry filing.

Most registered brokers have not been researched: their record holds what they told a registry
(does it collect precise geolocation, minors' data, …) but no holdings. A category of the
catalog can name the disclosure that points at it (``Category.registry``); a broker that
disclosed it possibly holds that data about a person for whom one of the category's facts is
true or not known. A filing never makes a broker ``likely``: it says what the broker collects,
not whom. A filing that points at nothing leaves the broker ``unknown``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from broker_catalog.schema import Broker, Category, Likelihood
from exposure.profile.model import UNKNOWN, Answer

_POSSIBLE = Likelihood.POSSIBLE.rank
_UNKNOWN = Likelihood.UNKNOWN.rank
_UNLIKELY = Likelihood.UNLIKELY.rank


@dataclass(frozen=True, slots=True)
class Signal:
    """One disclosure of the filing that points at a category, with its facts."""

    category: str
    disclosure: str
    facts: tuple[str, ...]


RegistryRule = tuple[Signal, ...]


def registry_rule(broker: Broker, categories: tuple[Category, ...]) -> RegistryRule:
    said = broker.legal.disclosures
    return tuple(
        Signal(c.id, c.registry.disclosure, c.registry.facts)
        for c in categories
        if c.registry is not None and getattr(said, c.registry.disclosure) == "yes"
    )


def signal_rank(signal: Signal, facts: Mapping[str, Answer]) -> int:
    for fact in signal.facts:
        answer = facts.get(fact, UNKNOWN)
        if answer == UNKNOWN or answer == "yes" or (isinstance(answer, list) and answer):
            return _POSSIBLE
    return _UNLIKELY


def registry_rank(rule: RegistryRule, facts: Mapping[str, Answer]) -> int:
    if not rule:
        return _UNKNOWN
    return max(signal_rank(s, facts) for s in rule)


def filing_source(broker: Broker) -> tuple[str, str] | None:
    """(state, source id) of the filing the disclosures come from: California's registry asks
    the questions, so its newest entry first, else the newest entry of any registry."""
    entries = sorted(broker.legal.registries, key=lambda r: (r.state == "CA", r.year))
    if not entries:
        return None
    return entries[-1].state, entries[-1].source

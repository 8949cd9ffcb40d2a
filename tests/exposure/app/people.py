"""Fictional participants for the workshop tests: life facts only, drawn at random (but
reproducibly, from the caller's generator) over every question of the catalog."""

from __future__ import annotations

import random
from collections.abc import Sequence

from broker_catalog.catalog import Catalog
from broker_catalog.schema import AnswerKind
from exposure.profile.model import Answer, Profile


def random_person(rng: random.Random, catalog: Catalog, states: Sequence[str]) -> Profile:
    """Yes, no or unknown to each yes/no question, any choice to each choice, a home state
    from ``states``; other questions unanswered."""
    facts: dict[str, Answer] = {}
    for fact in catalog.facts:
        if fact.kind is AnswerKind.YES_NO:
            facts[fact.id] = rng.choice(["yes", "no", "unknown"])
        elif fact.kind is AnswerKind.CHOICE:
            facts[fact.id] = rng.choice([c.value for c in fact.choices])
        elif fact.kind is AnswerKind.STATE:
            facts[fact.id] = rng.choice(list(states))
    return Profile(facts=facts)

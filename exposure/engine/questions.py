"""Which unanswered questions would change the plan most.

When nothing is likely yet (typically: every answer is "I don't know"), an empty plan helps
nobody. For each unanswered question, each answer it allows is tried on the fast scorer; the
questions whose best answer makes the most brokers or groups likely come first (ties in
questionnaire order). Where a person lives is left out: it changes the law, not the estimate.
"""

from __future__ import annotations

from collections.abc import Mapping

from broker_catalog.catalog import Catalog
from broker_catalog.schema import AnswerKind, LifeFact
from exposure.engine.compiled import LIKELY, Compiled, score_all
from exposure.profile.model import UNKNOWN, Answer


def _likely(compiled: Compiled, facts: Mapping[str, Answer]) -> set[str]:
    scores = score_all(compiled, facts)
    return {b for b, r in scores.brokers.items() if r >= LIKELY} | {
        f"group:{g}" for g, r in scores.groups.items() if r >= LIKELY
    }


def _answers(fact: LifeFact) -> list[Answer]:
    if fact.kind is AnswerKind.YES_NO:
        return ["yes"]
    if fact.kind is AnswerKind.CHOICE:
        return [c.value for c in fact.choices]
    if fact.kind is AnswerKind.MULTI:
        return [[c.value] for c in fact.choices]
    return []


def next_questions(
    compiled: Compiled, catalog: Catalog, facts: Mapping[str, Answer], count: int = 3
) -> tuple[str, ...]:
    now = _likely(compiled, facts)
    gains: list[tuple[int, int, str]] = []
    for order, fact in enumerate(catalog.facts):
        if facts.get(fact.id, UNKNOWN) != UNKNOWN:
            continue
        best = 0
        for answer in _answers(fact):
            after = _likely(compiled, {**facts, fact.id: answer})
            best = max(best, len(after - now))
        if best:
            gains.append((-best, order, fact.id))
    return tuple(f for _, _, f in sorted(gains)[:count])

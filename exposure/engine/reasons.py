"""Plain sentences for why a broker probably holds a person's records, each with its sources."""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import AnswerKind, Broker, LifeFact, Likelihood, Source, Trigger
from exposure.engine.likelihood import HoldingResult
from exposure.engine.result import Reason, SourceRef
from exposure.profile.model import Answer


def _sources(broker: Broker, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
    """The cited sources as result objects, built once per broker and reused by every audit."""
    refs = _REFS.get(broker.id)
    if refs is None or refs[0] is not broker.sources:
        built = {
            s.id: SourceRef(title=s.title, publisher=s.publisher, url=s.url) for s in broker.sources
        }
        refs = _REFS[broker.id] = (broker.sources, built)
    return tuple(refs[1][i] for i in ids if i in refs[1])


# broker id -> (the sources tuple they were built from, source id -> SourceRef). The identity
# check on the tuple makes an entry from another catalog (tests load several) rebuild itself.
_REFS: dict[str, tuple[tuple[Source, ...], dict[str, SourceRef]]] = {}


def _because(fact: LifeFact, trigger: Trigger, answer: Answer) -> str:
    """The sentence for a matched trigger, from the catalog's vocabulary."""
    if fact.kind is AnswerKind.YES_NO and fact.because:
        return fact.because
    picked = answer if isinstance(answer, list) else [answer]
    hits = [v for v in picked if v in trigger.values]
    sentences = [c.because for c in fact.choices if c.value in hits and c.because]
    if sentences:
        return " ".join(sentences)
    if fact.kind in (AnswerKind.STATE, AnswerKind.STATES):
        return f"{fact.question} You answered {', '.join(hits)}."
    labels = [c.label for c in fact.choices if c.value in hits] or hits
    return f"{fact.question} You answered: {', '.join(labels)}."


def holding_reasons(broker: Broker, result: HoldingResult, catalog: Catalog) -> list[Reason]:
    holding = result.holding
    sources = _sources(broker, holding.sources)
    reasons = []
    if result.matched:
        said = " ".join(
            dict.fromkeys(
                _because(catalog.fact_by_id[t.fact], t, answer) for t, answer in result.matched
            )
        )
        reasons.append(Reason(text=f"{said} {holding.how}", sources=sources))
    elif result.unknown and result.likelihood is Likelihood.POSSIBLE:
        asked = " / ".join(
            dict.fromkeys(catalog.fact_by_id[t.fact].question for t in result.unknown)
        )
        text = f"You did not know (or skipped): {asked} If so: {holding.how}"
        reasons.append(Reason(text=text, sources=sources))
    elif holding.baseline == "possible":
        text = f"This collection reaches most adults whatever their answers. {holding.how}"
        reasons.append(Reason(text=text, sources=sources))
    return reasons


def tie_reasons(broker: Broker) -> list[Reason]:
    reasons = []
    for tie in broker.government_ties:
        when = f" ({tie.date})" if tie.date != "unknown" else ""
        text = f"Government use: {tie.agency}{when}. {tie.what}"
        reasons.append(Reason(text=text, sources=_sources(broker, tie.sources)))
    return reasons

"""Why a broker probably holds a person's records, each with its sources."""

from __future__ import annotations

from broker_catalog.schema import Broker, Likelihood, Source, Trigger
from exposure.engine.likelihood import HoldingResult
from exposure.engine.result import Param, Reason, SourceRef
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


def holding_reasons(broker: Broker, index: int, result: HoldingResult) -> list[Reason]:
    """The reason for one holding's likelihood, as a code with the facts and values behind it.

    ``facts`` and ``values`` are parallel: each matched answer value beside its fact's id.
    """
    holding = result.holding
    sources = _sources(broker, holding.sources)
    where: dict[str, Param] = {
        "broker": broker.id,
        "holding": index,
        "category": holding.category,
    }
    if result.matched:
        pairs = dict.fromkeys(
            (t.fact, value) for t, answer in result.matched for value in _hits(t, answer)
        )
        params = {
            **where,
            "facts": tuple(f for f, _ in pairs),
            "values": tuple(v for _, v in pairs),
        }
        return [Reason(code="fact_trigger", params=params, sources=sources)]
    if result.unknown and result.likelihood is Likelihood.POSSIBLE:
        facts = tuple(dict.fromkeys(t.fact for t in result.unknown))
        return [Reason(code="unknown_fact", params={**where, "facts": facts}, sources=sources)]
    if holding.baseline == "possible":
        return [Reason(code="baseline", params=where, sources=sources)]
    return []


def _hits(trigger: Trigger, answer: Answer) -> list[str]:
    picked = answer if isinstance(answer, list) else [answer]
    return [v for v in picked if v in trigger.values]


def tie_reasons(broker: Broker) -> list[Reason]:
    return [
        Reason(
            code="government_tie",
            params={"broker": broker.id, "tie": n},
            sources=_sources(broker, tie.sources),
        )
        for n, tie in enumerate(broker.government_ties)
    ]

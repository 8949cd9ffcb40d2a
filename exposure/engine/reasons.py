"""Why a broker probably holds a person's records, each with its sources."""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import AlternativeGroup, Broker, Likelihood, Source, Trigger
from exposure.engine.likelihood import HoldingResult
from exposure.engine.registry import Signal, filing_source
from exposure.engine.result import Param, Reason, ReasonCode, SourceRef
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


def holding_reasons(
    broker: Broker, index: int, result: HoldingResult, catalog: Catalog | None = None
) -> list[Reason]:
    """The reasons for one holding's likelihood, as codes with the facts and values behind them.

    ``facts`` and ``values`` are parallel: each matched answer value beside its fact's id. When
    a flow or a group held a trigger down, a second reason says which (with its own sources).
    """
    holding = result.holding
    sources = _sources(broker, holding.sources)
    where: dict[str, Param] = {
        "broker": broker.id,
        "holding": index,
        "category": holding.category,
    }
    reasons = _limit_reasons(broker, result, where, catalog) if catalog is not None else []
    if result.matched:
        pairs = dict.fromkeys(
            (t.fact, value) for t, answer in result.matched for value in _hits(t, answer)
        )
        params = {
            **where,
            "facts": tuple(f for f, _ in pairs),
            "values": tuple(v for _, v in pairs),
        }
        return [Reason(code="fact_trigger", params=params, sources=sources), *reasons]
    if result.unknown and result.likelihood is Likelihood.POSSIBLE:
        facts = tuple(dict.fromkeys(t.fact for t in result.unknown))
        unknown = Reason(code="unknown_fact", params={**where, "facts": facts}, sources=sources)
        return [unknown, *reasons]
    if holding.baseline == "possible":
        # Someone who answered "no" to everything that puts people here is not told the usual
        # route ("lenders report your accounts"): only that the collection is broad.
        code = "baseline_answered_no" if result.answered_no else "baseline"
        return [Reason(code=code, params=where, sources=sources), *reasons]
    return reasons


def _limit_reasons(
    broker: Broker, result: HoldingResult, where: dict[str, Param], catalog: Catalog
) -> list[Reason]:
    out: list[Reason] = []
    for flow_index in dict.fromkeys(n for _, link in result.limited for n in link.flows):
        out.append(_flow_reason("flow_limited", flow_index, where, catalog))
    for flow_index in dict.fromkeys(n for _, link in result.limited for n in link.ended):
        if not any(flow_index in link.flows for _, link in result.limited):
            out.append(_flow_reason("flow_ended", flow_index, where, catalog))
    for group_id in dict.fromkeys(link.group for _, link in result.limited if link.group):
        group = next(g for g in catalog.groups if g.id == group_id)
        params = {**where, "group": group.id}
        out.append(Reason(code="one_of_these", params=params, sources=group_sources(group)))
    return out


def _flow_reason(code: ReasonCode, index: int, where: dict[str, Param], catalog: Catalog) -> Reason:
    flow = catalog.flows[index]
    params = {
        **where,
        "flow": index,
        "source_broker": flow.source.broker,
        "until": flow.until,
    }
    return Reason(code=code, params=params, sources=flow_sources(catalog, index))


def flow_sources(catalog: Catalog, index: int) -> tuple[SourceRef, ...]:
    """A flow cites sources of the record it is written in: either end."""
    flow = catalog.flows[index]
    refs = {r.url: r for r in _sources(catalog.by_id[flow.target.broker], flow.sources)}
    refs.update({r.url: r for r in _sources(catalog.by_id[flow.source.broker], flow.sources)})
    return tuple(refs.values())


def group_sources(group: AlternativeGroup) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(title=s.title, publisher=s.publisher, url=s.url) for s in group.sources)


def registry_reasons(broker: Broker, signals: tuple[Signal, ...], ranks: list[int]) -> list[Reason]:
    """The filing as the reason: which disclosure points at which category, citing the filing."""
    filing = filing_source(broker)
    if filing is None:
        return []
    state, source = filing
    return [
        Reason(
            code="registry_filing",
            params={
                "broker": broker.id,
                "state": state,
                "disclosure": s.disclosure,
                "category": s.category,
            },
            sources=_sources(broker, (source,)),
        )
        for s, rank in zip(signals, ranks, strict=True)
        if rank >= Likelihood.POSSIBLE.rank
    ]


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

"""Government data sources in the estimate: records an agency shares with immigration
enforcement, such as tax addresses, Medicaid enrolment or DMV files searched through Nlets.

Nobody can opt out of them, so they are a section of their own, not brokers: each comes with
"no consumer route", the answers that make it concern the person, and the levers that help,
those for the person's state first. The rule is a trigger's, as for holdings: a matching answer
gives the concern's ``gives``, "I don't know" gives ``possible``, anything else leaves it out.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.government_schema import GovernmentSource
from broker_catalog.schema import Likelihood
from exposure.engine.result import GovernmentResult, Param, Reason, SourceRef
from exposure.profile.model import UNKNOWN, Profile

_RANK = {"likely": 3, "possible": 2}
_BY_RANK = {lk.rank: lk for lk in Likelihood}


def government_results(
    catalog: Catalog, profile: Profile, home: str | None
) -> tuple[GovernmentResult, ...]:
    out = []
    for source in catalog.government:
        found = _concern(source, profile)
        if found is not None:
            out.append(_result(source, found, home))
    return tuple(sorted(out, key=lambda g: (-g.likelihood.rank, g.id)))


def _concern(
    source: GovernmentSource, profile: Profile
) -> tuple[int, list[tuple[str, str]]] | None:
    best = 0
    hits: list[tuple[str, str]] = []
    for trigger in source.concerns:
        answer = profile.facts.get(trigger.fact, UNKNOWN)
        if answer == UNKNOWN:
            rank, values = 2, [UNKNOWN]
        else:
            picked = answer if isinstance(answer, list) else [answer]
            values = [v for v in picked if v in trigger.values]
            rank = _RANK[trigger.gives] if values else 0
        if rank:
            hits += [(trigger.fact, v) for v in values]
            best = max(best, rank)
    return (best, hits) if best else None


def _refs(source: GovernmentSource, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
    by_id = {s.id: s for s in source.sources}
    return tuple(
        SourceRef(title=by_id[i].title, publisher=by_id[i].publisher, url=by_id[i].url)
        for i in ids
        if i in by_id
    )


def _result(
    source: GovernmentSource, found: tuple[int, list[tuple[str, str]]], home: str | None
) -> GovernmentResult:
    rank, hits = found
    pairs = list(dict.fromkeys(hits))
    params: dict[str, Param] = {
        "source": source.id,
        "facts": tuple(f for f, _ in pairs),
        "values": tuple(v for _, v in pairs),
    }
    reason = Reason(code="government_concern", params=params, sources=_refs(source, source.cites))
    state_levers = tuple(n for n, lv in enumerate(source.levers) if home and home in lv.states)
    levers = tuple(n for n, lv in enumerate(source.levers) if not lv.states)
    # The sources of what is shown: other states' rules are not, so neither are their sources.
    shown = (*state_levers, *levers)
    cited = tuple(dict.fromkeys(i for n in shown for i in source.levers[n].sources))
    return GovernmentResult(
        id=source.id,
        likelihood=_BY_RANK[rank],
        reasons=(reason,),
        levers=levers,
        state_levers=state_levers,
        sources=_refs(source, tuple(dict.fromkeys((*source.cites, *cited)))),
    )

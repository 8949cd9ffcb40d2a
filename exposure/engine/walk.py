"""The rule, walked over the pydantic models: slow and plain, kept as the reference.

:func:`walk` rates every active broker the straightforward way (holding by holding, flow
sources before their targets, registry-only brokers from their filing). The fast scorer
(compiled.py) must agree with it on every profile; a property test checks that, and the
benchmark times the two against each other.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Likelihood
from exposure.engine.likelihood import combine, evaluate_holding
from exposure.engine.links import holding_key, links_for
from exposure.engine.registry import registry_rank, registry_rule
from exposure.profile.model import Profile

_BY_RANK = {lk.rank: lk for lk in Likelihood}


def walk(catalog: Catalog, profile: Profile) -> dict[str, Likelihood]:
    links = links_for(catalog)
    ranks: dict[str, int] = {}
    out: dict[str, Likelihood] = {}
    for broker_id in links.order:
        broker = catalog.by_id[broker_id]
        if broker.status.value != "active":
            continue
        found = []
        for h, holding in enumerate(broker.holdings):
            trigger_links = tuple(links.of(broker_id, h, t) for t in range(len(holding.triggers)))
            sources = {
                n: ranks.get(
                    holding_key(catalog.flows[n].source.broker, catalog.flows[n].source.category),
                    Likelihood.LIKELY.rank,
                )
                for link in trigger_links
                for n in link.flows
            }
            result = evaluate_holding(holding, profile, trigger_links, sources)
            key = holding_key(broker_id, holding.category)
            ranks[key] = max(ranks.get(key, 0), result.likelihood.rank)
            found.append(result.likelihood)
        out[broker_id] = combine(found)
    for broker in catalog.brokers:
        if not broker.holdings and broker.status.value == "active":
            rule = registry_rule(broker, catalog.categories)
            out[broker.id] = _BY_RANK[registry_rank(rule, profile.facts)]
    return out

"""What the catalog says about where a holding's data comes from, per trigger.

Two facts change what a trigger may give:

- A **data flow** explains some of a target holding's triggers (``Flow.facts``): the target has
  those records because the source sent them. Through such a trigger the target is never rated
  above the source holding for the same person; once the flow has ended (``until`` before the
  catalog's release date) the trigger no longer counts at all.
- An **alternative group** ("a renter is screened by one of these") makes a member holding's
  triggers on the group's facts give at most ``possible``; the group as a whole keeps the full
  rating.

Computed once per catalog; both the explained path (likelihood.py) and the fast scorer
(compiled.py) read it, so they cannot disagree.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Flow


def holding_key(broker: str, category: str) -> str:
    return f"{broker}/{category}"


@dataclass(frozen=True, slots=True)
class TriggerLink:
    """The limits on one trigger. ``flows`` and ``ended`` index ``catalog.flows``."""

    flows: tuple[int, ...] = ()
    ended: tuple[int, ...] = ()
    group: str | None = None

    @property
    def dropped(self) -> bool:
        """Explained only by flows that have ended: the trigger no longer counts."""
        return bool(self.ended) and not self.flows


NO_LINK = TriggerLink()


@dataclass(frozen=True, slots=True)
class Links:
    """Per-trigger limits, keyed ``(broker id, holding index, trigger index)``, and the order in
    which brokers must be scored so that every flow's source is rated before its target."""

    triggers: dict[tuple[str, int, int], TriggerLink]
    order: tuple[str, ...]
    as_of: str

    def of(self, broker: str, holding: int, trigger: int) -> TriggerLink:
        return self.triggers.get((broker, holding, trigger), NO_LINK)


def has_ended(flow: Flow, as_of: str) -> bool:
    """A flow with an ``until`` before the catalog's release date has ended."""
    return flow.until != "unknown" and flow.until < as_of


_CACHE: dict[int, Links] = {}


def links_for(catalog: Catalog) -> Links:
    found = _CACHE.get(id(catalog))
    if found is not None:
        return found
    as_of = catalog.info.released
    into: dict[tuple[str, str, str], list[int]] = {}
    for n, flow in enumerate(catalog.flows):
        for fact in flow.facts:
            into.setdefault((flow.target.broker, flow.target.category, fact), []).append(n)
    grouped = {
        (m.broker, m.category, fact): group.id
        for group in catalog.groups
        for m in group.members
        for fact in group.facts
    }
    triggers: dict[tuple[str, int, int], TriggerLink] = {}
    for broker_id in catalog.researched:
        broker = catalog.by_id[broker_id]
        for h, holding in enumerate(broker.holdings):
            for t, trigger in enumerate(holding.triggers):
                where = (broker_id, holding.category, trigger.fact)
                flows = into.get(where, [])
                group = grouped.get(where)
                if not flows and group is None:
                    continue
                active = tuple(n for n in flows if not has_ended(catalog.flows[n], as_of))
                ended = tuple(n for n in flows if has_ended(catalog.flows[n], as_of))
                triggers[(broker_id, h, t)] = TriggerLink(active, ended, group)
    links = Links(triggers, _order(catalog), as_of)
    _CACHE[id(catalog)] = links
    weakref.finalize(catalog, _CACHE.pop, id(catalog), None)
    return links


def _order(catalog: Catalog) -> tuple[str, ...]:
    """Researched brokers, each flow's source before its target (ties by id; a cycle, which the
    catalog should not have, leaves the rest in id order)."""
    ids = list(catalog.researched)
    needs: dict[str, set[str]] = {i: set() for i in ids}
    for flow in catalog.flows:
        if flow.target.broker in needs and flow.source.broker != flow.target.broker:
            needs[flow.target.broker].add(flow.source.broker)
    done: list[str] = []
    placed: set[str] = set()
    while len(done) < len(ids):
        ready = [i for i in ids if i not in placed and needs[i] <= placed]
        if not ready:
            ready = [i for i in ids if i not in placed]
        for i in ready:
            placed.add(i)
            done.append(i)
    return tuple(done)

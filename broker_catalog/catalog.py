"""The loaded catalog: immutable, with the indexes every consumer needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from broker_catalog.schema import Broker, Category, LifeFact, Model


class CatalogInfo(Model):
    """Release metadata from ``catalog.toml``: shown on reports so a reader knows what was used."""

    name: str
    version: str
    released: str


def _freeze(index: dict[str, list[Broker]]) -> Mapping[str, tuple[Broker, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in sorted(index.items())})


@dataclass(frozen=True, slots=True)
class Catalog:
    """A validated catalog. Build it with :func:`broker_catalog.load_catalog`.

    Only the records are pickled into the cache; the indexes are rebuilt on load because they
    are cheap and read-only mapping proxies cannot be pickled.
    """

    info: CatalogInfo
    categories: tuple[Category, ...]
    facts: tuple[LifeFact, ...]
    brokers: tuple[Broker, ...]
    by_id: Mapping[str, Broker] = field(init=False, repr=False, compare=False)
    by_category: Mapping[str, tuple[Broker, ...]] = field(init=False, repr=False, compare=False)
    by_brand: Mapping[str, Broker] = field(init=False, repr=False, compare=False)
    by_registry: Mapping[str, tuple[Broker, ...]] = field(init=False, repr=False, compare=False)
    category_by_id: Mapping[str, Category] = field(init=False, repr=False, compare=False)
    fact_by_id: Mapping[str, LifeFact] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_category: dict[str, list[Broker]] = {c.id: [] for c in self.categories}
        by_registry: dict[str, list[Broker]] = {}
        by_brand: dict[str, Broker] = {}
        for broker in self.brokers:
            for category in broker.categories:
                by_category.setdefault(category, []).append(broker)
            for state in dict.fromkeys(r.state for r in broker.legal.registries):
                by_registry.setdefault(state, []).append(broker)
            for brand in (broker.name, *broker.brands):
                by_brand.setdefault(brand_key(brand), broker)
        put = object.__setattr__
        put(self, "by_id", MappingProxyType({b.id: b for b in self.brokers}))
        put(self, "by_category", _freeze(by_category))
        put(self, "by_registry", _freeze(by_registry))
        put(self, "by_brand", MappingProxyType(by_brand))
        put(self, "category_by_id", MappingProxyType({c.id: c for c in self.categories}))
        put(self, "fact_by_id", MappingProxyType({f.id: f for f in self.facts}))

    def __reduce__(self) -> tuple[type[Catalog], tuple[object, ...]]:
        return (Catalog, (self.info, self.categories, self.facts, self.brokers))

    def __len__(self) -> int:
        return len(self.brokers)

    def find_brand(self, name: str) -> Broker | None:
        """Look a broker up by legal name or any storefront name, ignoring case and spacing."""
        return self.by_brand.get(brand_key(name))


def brand_key(name: str) -> str:
    return " ".join(name.casefold().split())

"""The loaded catalog: immutable, indexed, and cheap to open from the cache.

A catalog of a thousand deep records is half a million Python objects; rebuilding them all on
every start-up would cost most of a second. So the cache keeps each record as its own pickled
blob beside a small summary (id, names, categories, registries). Opening the catalog reads only
the summaries; a record is unpickled the first time someone asks for it, and then kept. The
indexes are built from the summaries, so looking things up never forces the whole catalog in.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from pydantic import Field

from broker_catalog.government_schema import GovernmentSource
from broker_catalog.laws_schema import Law
from broker_catalog.schema import AlternativeGroup, Broker, Category, Flow, LifeFact, Model


class CatalogInfo(Model):
    """Release metadata from ``catalog.toml``: shown on reports so a reader knows what was used."""

    name: str
    version: str
    released: str
    pass_started: str | None = Field(
        default=None,
        description="first day of the re-verification pass this release comes from (YYYY-MM-DD)",
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """What the indexes need to know about a record without unpickling it."""

    id: str
    names: tuple[str, ...]
    categories: tuple[str, ...]
    registries: tuple[str, ...]

    @classmethod
    def of(cls, broker: Broker) -> Summary:
        states = tuple(dict.fromkeys(r.state for r in broker.legal.registries))
        return cls(broker.id, (broker.name, *broker.brands), broker.categories, states)


@dataclass(frozen=True, slots=True)
class Links:
    """What spans records: data flows between brokers, "one of these" groups, and the
    government data sources. Small, so kept whole beside the summaries."""

    flows: tuple[Flow, ...] = ()
    groups: tuple[AlternativeGroup, ...] = ()
    government: tuple[GovernmentSource, ...] = ()


def brand_key(name: str) -> str:
    return " ".join(name.casefold().split())


class _Records(Mapping[str, Broker]):
    """id → record, unpickling each record on first access."""

    __slots__ = ("_blobs", "_done")

    def __init__(self, blobs: dict[str, bytes], done: dict[str, Broker]) -> None:
        self._blobs = blobs
        self._done = done

    def __getitem__(self, key: str) -> Broker:
        found = self._done.get(key)
        if found is None:
            blob = self._blobs[key]  # KeyError for unknown ids, as a Mapping should
            found = self._done[key] = pickle.loads(blob)  # noqa: S301 - our own cache
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def blob(self, key: str) -> bytes:
        return self._blobs[key]


class _Grouped(Mapping[str, tuple[Broker, ...]]):
    """key → the records filed under it (a category, a registry), in id order."""

    __slots__ = ("_ids", "_records")

    def __init__(self, ids: dict[str, tuple[str, ...]], records: _Records) -> None:
        self._ids = ids
        self._records = records

    def __getitem__(self, key: str) -> tuple[Broker, ...]:
        return tuple(self._records[i] for i in self._ids[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _Aliases(Mapping[str, Broker]):
    """normalised brand or legal name → record."""

    __slots__ = ("_ids", "_records")

    def __init__(self, ids: dict[str, str], records: _Records) -> None:
        self._ids = ids
        self._records = records

    def __getitem__(self, key: str) -> Broker:
        return self._records[self._ids[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class Catalog:
    """A validated catalog. Build it with :func:`broker_catalog.load_catalog`.

    Everything is read-only: records are frozen models and the indexes are mappings without
    setters, so the engine, the TUI and the reports can share one catalog safely.
    """

    __slots__ = (
        "__weakref__",
        "_records",
        "_summaries",
        "by_brand",
        "by_category",
        "by_id",
        "by_registry",
        "categories",
        "category_by_id",
        "fact_by_id",
        "facts",
        "flows",
        "government",
        "groups",
        "info",
        "law_by_id",
        "laws",
    )

    _records: _Records
    _summaries: tuple[Summary, ...]
    info: CatalogInfo
    categories: tuple[Category, ...]
    facts: tuple[LifeFact, ...]
    by_id: Mapping[str, Broker]
    by_category: Mapping[str, tuple[Broker, ...]]
    by_registry: Mapping[str, tuple[Broker, ...]]
    by_brand: Mapping[str, Broker]
    category_by_id: Mapping[str, Category]
    fact_by_id: Mapping[str, LifeFact]
    laws: tuple[Law, ...]
    law_by_id: Mapping[str, Law]
    flows: tuple[Flow, ...]
    groups: tuple[AlternativeGroup, ...]
    government: tuple[GovernmentSource, ...]

    def __init__(
        self,
        info: CatalogInfo,
        categories: Sequence[Category],
        facts: Sequence[LifeFact],
        brokers: Iterable[Broker],
        laws: Sequence[Law] = (),
        groups: Sequence[AlternativeGroup] = (),
        government: Sequence[GovernmentSource] = (),
    ) -> None:
        ordered = sorted(brokers, key=lambda b: b.id)
        blobs = {b.id: pickle.dumps(b, protocol=pickle.HIGHEST_PROTOCOL) for b in ordered}
        done = {b.id: b for b in ordered}
        summaries = [Summary.of(b) for b in ordered]
        # A flow is written in the record of either end; the same flow written in both counts once.
        flows = tuple(dict.fromkeys(f for b in ordered for f in b.flows))
        links = Links(
            flows,
            tuple(sorted(groups, key=lambda g: g.id)),
            tuple(sorted(government, key=lambda g: g.id)),
        )
        self._setup(info, categories, facts, summaries, blobs, done, laws, links)

    def _setup(
        self,
        info: CatalogInfo,
        categories: Sequence[Category],
        facts: Sequence[LifeFact],
        summaries: list[Summary],
        blobs: dict[str, bytes],
        done: dict[str, Broker],
        laws: Sequence[Law],
        links: Links,
    ) -> None:
        records = _Records(blobs, done)
        by_category: dict[str, list[str]] = {c.id: [] for c in categories}
        by_registry: dict[str, list[str]] = {}
        by_brand: dict[str, str] = {}
        for s in summaries:
            for category in s.categories:
                by_category.setdefault(category, []).append(s.id)
            for state in s.registries:
                by_registry.setdefault(state, []).append(s.id)
            for name in s.names:
                by_brand.setdefault(brand_key(name), s.id)
        put = object.__setattr__
        put(self, "info", info)
        put(self, "categories", tuple(categories))
        put(self, "facts", tuple(facts))
        put(self, "_summaries", tuple(summaries))
        put(self, "_records", records)
        put(self, "by_id", records)
        put(self, "by_category", _Grouped({k: tuple(v) for k, v in by_category.items()}, records))
        registries = {k: tuple(v) for k, v in sorted(by_registry.items())}
        put(self, "by_registry", _Grouped(registries, records))
        put(self, "by_brand", _Aliases(by_brand, records))
        put(self, "category_by_id", MappingProxyType({c.id: c for c in categories}))
        put(self, "fact_by_id", MappingProxyType({f.id: f for f in facts}))
        put(self, "laws", tuple(sorted(laws, key=lambda law: law.id)))
        put(self, "law_by_id", MappingProxyType({law.id: law for law in laws}))
        put(self, "flows", links.flows)
        put(self, "groups", links.groups)
        put(self, "government", links.government)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Catalog is read-only; cannot set {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        blobs = {s.id: self._records.blob(s.id) for s in self._summaries}
        links = Links(self.flows, self.groups, self.government)
        state = (self.info, self.categories, self.facts, self._summaries, blobs, self.laws, links)
        return (_from_cache, state)

    def __len__(self) -> int:
        return len(self._summaries)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        mine = (self.info, self.categories, self.facts, self.laws, self.groups, self.government)
        theirs = (
            other.info,
            other.categories,
            other.facts,
            other.laws,
            other.groups,
            other.government,
        )
        if mine != theirs:
            return False
        return self.brokers == other.brokers

    __hash__ = None  # type: ignore[assignment]

    @property
    def ids(self) -> tuple[str, ...]:
        """Every broker id, in order, without unpickling any record."""
        return tuple(s.id for s in self._summaries)

    @property
    def researched(self) -> tuple[str, ...]:
        """Ids of brokers whose holdings have been researched (without unpickling any record)."""
        return tuple(s.id for s in self._summaries if s.categories)

    @property
    def brokers(self) -> tuple[Broker, ...]:
        """Every record, in id order (this unpickles any not yet loaded)."""
        return tuple(self._records[s.id] for s in self._summaries)

    def privacy_law_for(self, state: str, on: dt.date) -> Law | None:
        """The comprehensive privacy law protecting residents of ``state`` on the day ``on``,
        if one is in force then (a law signed for a later day does not count yet)."""
        for law in self.laws:
            if law.kind == "state_privacy" and state in law.states and law.in_force(on):
                return law
        return None

    def pending_law_for(self, state: str, on: dt.date) -> Law | None:
        """The comprehensive privacy law of ``state`` that is signed but takes effect after
        ``on`` (the earliest, if several), while none is in force yet."""
        if self.privacy_law_for(state, on) is not None:
            return None
        waiting = [
            law
            for law in self.laws
            if law.kind == "state_privacy" and state in law.states and law.pending(on)
        ]
        return min(waiting, key=lambda law: (str(law.effective), law.id), default=None)

    def route_law_for(self, state: str, on: dt.date) -> Law | None:
        """A route law (one request reaching every registered broker) of ``state`` in force
        on ``on``."""
        return next(
            (x for x in self.laws if x.kind == "route" and state in x.states and x.in_force(on)),
            None,
        )

    def find_brand(self, name: str) -> Broker | None:
        """Look a broker up by legal name or any storefront name, ignoring case and spacing."""
        return self.by_brand.get(brand_key(name))


def _from_cache(
    info: CatalogInfo,
    categories: tuple[Category, ...],
    facts: tuple[LifeFact, ...],
    summaries: tuple[Summary, ...],
    blobs: dict[str, bytes],
    laws: tuple[Law, ...],
    links: Links = Links(),
) -> Catalog:
    catalog = Catalog.__new__(Catalog)
    catalog._setup(info, categories, facts, list(summaries), blobs, {}, laws, links)
    return catalog

"""How fresh the catalog's facts are: what `exposure catalog freshness` reports.

A fact checked two years ago against a registry filing from 2021 is weaker than one checked this
month against the broker's own page, and a reviewer needs to see which is which before trusting a
release. This module counts, without opinions: records and facts by the age of their last check
and by the age of their newest source, the contacts whose only source is a registry filing, and
the mailboxes that name a person. "This pass" is every check made on or after ``since`` (by
default the catalog's release date), so a re-verification pass shows as records and facts dated
inside it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, MethodKind, Quality

# Upper bounds, in days, of the age bands; anything older falls in "older".
BANDS: tuple[tuple[str, int], ...] = (("30d", 30), ("90d", 90), ("365d", 365))
BAND_ORDER: tuple[str, ...] = (*(name for name, _ in BANDS), "older", "unknown")
# How the bands read in the maintainer's outputs (the command's text and the coverage page).
BAND_NAMES: dict[str, str] = {
    "30d": "30 days or less",
    "90d": "31 to 90 days",
    "365d": "91 to 365 days",
    "older": "over a year",
    "unknown": "no date",
}


def age_band(when: dt.date | None, today: dt.date) -> str:
    """The band a date falls in, counted back from ``today``; ``None`` is "unknown"."""
    if when is None:
        return "unknown"
    age = (today - when).days
    for name, limit in BANDS:
        if age <= limit:
            return name
    return "older"


def partial_date(value: str) -> dt.date | None:
    """The first day a partial date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) can mean.

    The earliest day is taken so that a source dated only by its year never looks newer than
    it may be.
    """
    if value == "unknown":
        return None
    year, month, day = ([int(p) for p in value.split("-")] + [1, 1])[:3]
    return dt.date(year, month, day)


@dataclass(frozen=True, slots=True)
class DatedFact:
    """One sourced fact of a record: where it is, when it was checked, what it rests on."""

    broker: str
    where: str
    kind: str
    verified: dt.date
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contact:
    """A way to reach a broker, with what the freshness report says about it."""

    broker: str
    where: str
    registry_only: bool
    old_filing_only: bool
    names_person: bool


@dataclass(frozen=True, slots=True)
class Freshness:
    """The counts, as data; the CLI and docs/catalog-coverage.md put them into words."""

    today: dt.date
    since: dt.date
    researched: int
    records_in_pass: int
    records_not_in_pass: tuple[str, ...]
    record_check_age: dict[str, int]
    record_source_age: dict[str, int]
    facts: int
    facts_in_pass: int
    fact_check_age: dict[str, int]
    facts_by_kind: dict[str, dict[str, int]]
    facts_not_in_pass: tuple[DatedFact, ...]
    registry_only_contacts: tuple[Contact, ...]
    old_filing_only_contacts: tuple[Contact, ...]
    personal_mailboxes: tuple[Contact, ...]
    other_records: dict[str, str] = field(default_factory=dict)


def dated_facts(broker: Broker) -> Iterator[DatedFact]:
    """Every fact of the record that carries its own ``verified`` date."""
    for i, h in enumerate(broker.holdings):
        yield DatedFact(broker.id, f"holdings[{i}]", "holding", h.verified, h.sources)
        if h.law.verified is not None:
            yield DatedFact(broker.id, f"holdings[{i}].law", "law", h.law.verified, h.law.sources)
    for i, f in enumerate(broker.flows):
        yield DatedFact(broker.id, f"flows[{i}]", "flow", f.verified, f.sources)
    for i, t in enumerate(broker.government_ties):
        yield DatedFact(broker.id, f"government_ties[{i}]", "government_tie", t.verified, t.sources)
    if broker.opt_out is not None:
        o = broker.opt_out
        yield DatedFact(broker.id, "opt_out", "opt_out", o.verified, o.sources)
        for i, m in enumerate(o.methods):
            yield DatedFact(broker.id, f"opt_out.methods[{i}]", "method", m.verified, m.sources)


def registry_sources(broker: Broker) -> frozenset[str]:
    """Ids of the record's sources that are registry filings (those its registry entries cite)."""
    cited = {r.source for r in broker.legal.registries}
    cited |= {m.source for m in broker.legal.metrics}
    cited |= {s.source for s in broker.legal.statements}
    return frozenset(cited)


def contacts(broker: Broker) -> Iterator[Contact]:
    """The record's opt-out e-mail, postal and phone desks, and its general contact e-mail."""
    registry = registry_sources(broker)
    if broker.opt_out is not None:
        for i, m in enumerate(broker.opt_out.methods):
            if m.kind is MethodKind.WEB_FORM:
                continue
            yield Contact(
                broker.id,
                f"opt_out.methods[{i}]",
                registry_only=set(m.sources) <= registry,
                old_filing_only=m.old_filing_only,
                names_person=m.names_person,
            )
    c = broker.contacts
    if c.email != "unknown":
        yield Contact(
            broker.id,
            "contacts.email",
            registry_only=set(c.sources) <= registry,
            old_filing_only=c.email_old_filing_only,
            names_person=c.email_names_person,
        )


def newest_source(broker: Broker) -> dt.date | None:
    dates = [d for s in broker.sources if (d := partial_date(s.published)) is not None]
    return max(dates, default=None)


def _counted(values: Iterator[str]) -> dict[str, int]:
    counts = Counter(values)
    return {band: counts.get(band, 0) for band in BAND_ORDER}


def freshness(catalog: Catalog, today: dt.date, since: dt.date | None = None) -> Freshness:
    """Count the researched records' checks; ``since`` opens "this pass".

    By default the pass is the one ``catalog.toml`` names (``pass_started``), or the release.
    """
    start = since or dt.date.fromisoformat(catalog.info.pass_started or catalog.info.released)
    researched = [b for b in catalog.brokers if b.quality.rank >= Quality.VERIFIED.rank]
    facts = [f for b in researched for f in dated_facts(b)]
    kinds: dict[str, dict[str, int]] = {}
    for f in facts:
        row = kinds.setdefault(f.kind, {"facts": 0, "in_pass": 0})
        row["facts"] += 1
        row["in_pass"] += f.verified >= start
    reach = [c for b in researched for c in contacts(b)]
    others = {f"law:{law.id}": law.verified.isoformat() for law in catalog.laws}
    others |= {f"government:{g.id}": g.verified.isoformat() for g in catalog.government}
    return Freshness(
        today=today,
        since=start,
        researched=len(researched),
        records_in_pass=sum(1 for b in researched if b.last_verified >= start),
        records_not_in_pass=tuple(b.id for b in researched if b.last_verified < start),
        record_check_age=_counted(age_band(b.last_verified, today) for b in researched),
        record_source_age=_counted(age_band(newest_source(b), today) for b in researched),
        facts=len(facts),
        facts_in_pass=sum(1 for f in facts if f.verified >= start),
        fact_check_age=_counted(age_band(f.verified, today) for f in facts),
        facts_by_kind=dict(sorted(kinds.items())),
        facts_not_in_pass=tuple(f for f in facts if f.verified < start),
        registry_only_contacts=tuple(c for c in reach if c.registry_only),
        old_filing_only_contacts=tuple(c for c in reach if c.old_filing_only),
        personal_mailboxes=tuple(c for c in reach if c.names_person),
        other_records=dict(sorted(others.items())),
    )


def freshness_json(report: Freshness) -> dict[str, object]:
    """The report as JSON-ready data (docs/json-output.md, ``catalog freshness --json``)."""

    def where(items: tuple[Contact, ...] | tuple[DatedFact, ...]) -> list[dict[str, str]]:
        return [{"broker": i.broker, "where": i.where} for i in items]

    return {
        "today": report.today.isoformat(),
        "since": report.since.isoformat(),
        "bands": list(BAND_ORDER),
        "records": {
            "researched": report.researched,
            "in_pass": report.records_in_pass,
            "not_in_pass": list(report.records_not_in_pass),
            "by_check_age": report.record_check_age,
            "by_newest_source_age": report.record_source_age,
        },
        "facts": {
            "total": report.facts,
            "in_pass": report.facts_in_pass,
            "by_check_age": report.fact_check_age,
            "by_kind": report.facts_by_kind,
            "not_in_pass": [
                {"broker": f.broker, "where": f.where, "verified": f.verified.isoformat()}
                for f in report.facts_not_in_pass
            ],
        },
        "contacts": {
            "registry_only": where(report.registry_only_contacts),
            "old_filing_only": where(report.old_filing_only_contacts),
            "personal_mailboxes": where(report.personal_mailboxes),
        },
        "laws_and_government_sources": report.other_records,
    }

"""Which existing record, if any, a filing is about.

Rules, in order; the first that names exactly one record wins:

1. the same legal-name key (:func:`names.name_key`: case, punctuation, spacing, "The" and legal
   forms ignored), e.g. "ACXIOM LLC" = "Acxiom LLC";
2. a trade name on one side equals the legal name or a trade name on the other, e.g. Vermont's
   "ACCUDATA INTEGRATED MARKETING, INC." = the DBA "AccuData Integrated Marketing" of
   Compact Information Systems in the CPPA file;
3. the same website domain ("www." ignored), but only if exactly one record has it, no other
   filing in the same file uses it (transunion.com serves eight registrants), it is not a
   shared host such as a site builder, and the two names share a distinctive word: a domain
   alone would fold "PricewaterhouseCoopers LLP" into its subsidiary "PwC Product Sales LLC".

A rule that names several records is ambiguous and falls through to the next one; a filing
that matches nothing becomes a new record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from broker_catalog.importers import names
from broker_catalog.schema import UNKNOWN, Broker

#: Hosts that many unrelated companies use; a shared one says nothing about identity.
SHARED_HOSTS = frozenset(
    {
        "google.com", "sites.google.com", "linkedin.com", "facebook.com", "github.com",
        "wixsite.com", "squarespace.com", "wordpress.com", "godaddysites.com", "weebly.com",
        "medium.com", "twitter.com", "x.com", "instagram.com", "bit.ly", "notion.site",
    }
)  # fmt: skip


def domain(website: str) -> str | None:
    """The host of a website without a leading "www.", or ``None`` when unknown."""
    if website == UNKNOWN:
        return None
    host = (urlsplit(website).hostname or "").lower()
    return host.removeprefix("www.") or None


#: Words too common in broker names to show that two names mean the same company.
GENERIC_WORDS = frozenset(
    {
        "and", "of", "for", "data", "marketing", "group", "solutions", "services", "service",
        "information", "technologies", "technology", "media", "digital", "analytics", "direct",
        "consumer", "holdings", "international", "global", "national", "usa", "us", "america",
        "american", "systems", "network", "networks", "research", "partners", "management",
        "consulting", "lists", "list", "intelligence", "insights", "labs", "com", "io", "ai",
    }
)  # fmt: skip


def _distinctive(name: str) -> set[str]:
    return {w for w in names.words(name) if len(w) >= 3 and w not in GENERIC_WORDS}


@dataclass(frozen=True, slots=True)
class Match:
    broker_id: str
    rule: str  # "name", "brand" or "domain"


class Index:
    """Lookup tables over the records that existed before this import."""

    def __init__(self, records: Iterable[Broker]) -> None:
        self._by_name: dict[str, set[str]] = {}
        self._by_brand: dict[str, set[str]] = {}
        self._by_domain: dict[str, set[str]] = {}
        self._words: dict[str, set[str]] = {}
        for record in records:
            self.add(record)

    def add(self, record: Broker) -> None:
        self._words[record.id] = set().union(
            *(_distinctive(n) for n in (record.name, *record.brands))
        )
        self._by_name.setdefault(names.name_key(record.name), set()).add(record.id)
        for brand in record.brands:
            self._by_brand.setdefault(names.name_key(brand), set()).add(record.id)
        host = domain(record.website)
        if host:
            self._by_domain.setdefault(host, set()).add(record.id)

    def match(self, filing: Broker, busy_domains: frozenset[str]) -> Match | None:
        key = names.name_key(filing.name)
        by_name = self._by_name.get(key, set())
        if len(by_name) == 1:
            return Match(next(iter(by_name)), "name")
        brand_keys = {names.name_key(b) for b in filing.brands}
        by_brand = set(self._by_brand.get(key, set()))
        for brand in brand_keys:
            by_brand |= self._by_name.get(brand, set()) | self._by_brand.get(brand, set())
        if len(by_brand) == 1:
            return Match(next(iter(by_brand)), "brand")
        host = domain(filing.website)
        if host and host not in busy_domains and host not in SHARED_HOSTS:
            by_domain = self._by_domain.get(host, set())
            if len(by_domain) == 1:
                candidate = next(iter(by_domain))
                if _distinctive(filing.name) & self._words[candidate]:
                    return Match(candidate, "domain")
        return None

    def by_name_or_brand(self, name: str) -> str | None:
        """The one record called ``name`` (legal or trade name), for names without a filing."""
        key = names.name_key(name)
        found = self._by_name.get(key) or self._by_brand.get(key) or set()
        return next(iter(found)) if len(found) == 1 else None


def busy_domains(filings: Iterable[Broker]) -> frozenset[str]:
    """Domains used by more than one registrant of the same file (a group site, not a broker)."""
    seen: dict[str, int] = {}
    for record in filings:
        host = domain(record.website)
        if host:
            seen[host] = seen.get(host, 0) + 1
    return frozenset(host for host, n in seen.items() if n > 1)

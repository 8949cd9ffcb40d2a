"""The URLs in the catalog that people are sent to, gathered once each with who uses them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from broker_catalog.schema import UNKNOWN, MethodKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from broker_catalog.catalog import Catalog
    from broker_catalog.schema import Broker

#: What a URL is for. The schema has no separate "search page" field: a people-search site's
#: look-yourself-up step is its opt-out web form, so it is checked as an opt-out URL.
KINDS = ("opt-out", "privacy")


@dataclass(frozen=True, slots=True)
class Link:
    """One URL, what it is used as, and the brokers whose records give it (sorted ids)."""

    url: str
    kinds: tuple[str, ...]
    brokers: tuple[str, ...]


def broker_urls(broker: Broker) -> list[tuple[str, str]]:
    """(kind, url) for every opt-out web form and privacy page of one record."""
    found: list[tuple[str, str]] = []
    if broker.opt_out is not None:
        for method in broker.opt_out.methods:
            if method.kind is MethodKind.WEB_FORM and method.url:
                found.append(("opt-out", method.url))
    privacy = broker.contacts.privacy_url
    if privacy != UNKNOWN:
        found.append(("privacy", privacy))
    return found


def catalog_links(catalog: Catalog, brokers: Iterable[Broker] | None = None) -> list[Link]:
    """Each distinct URL once, in a stable order (by URL)."""
    kinds: dict[str, set[str]] = {}
    users: dict[str, set[str]] = {}
    for broker in catalog.brokers if brokers is None else brokers:
        for kind, url in broker_urls(broker):
            kinds.setdefault(url, set()).add(kind)
            users.setdefault(url, set()).add(broker.id)
    return [
        Link(url, tuple(k for k in KINDS if k in kinds[url]), tuple(sorted(users[url])))
        for url in sorted(kinds)
    ]

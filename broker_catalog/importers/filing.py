"""One broker as one file states it: a base ``Broker`` record plus what the schema cannot hold.

Parsers build a complete, valid ``Broker`` per row (quality "imported", the import date as
``last_verified``, the file cited as the only source) so that everything downstream (dedup,
matching, merging) works on validated records rather than loose dictionaries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from broker_catalog.importers import names
from broker_catalog.importers.sources import Registry
from broker_catalog.schema import (
    UNKNOWN,
    Broker,
    Contacts,
    Legal,
    OptOut,
    Quality,
    RegistryStatement,
)

#: Longest statement kept (the schema allows 20,000 characters); longer ones are cut visibly.
STATEMENT_LIMIT = 20_000
_CUT = " [... cut by the importer: the filing continues]"


@dataclass(frozen=True, slots=True)
class Filing:
    """A parsed row (or several rows of the file that are one broker).

    ``preference`` orders duplicate rows of one broker, highest first (Vermont keeps an expired
    and an active registration of many brokers; the active one is the filing that counts).
    ``also_applies_to`` names other registrants the same opt-out page serves.
    """

    rows: tuple[int, ...]
    broker: Broker
    held_back: tuple[tuple[str, str], ...] = ()
    also_applies_to: tuple[str, ...] = ()
    preference: tuple[int, ...] = ()


def base_record(
    registry: Registry,
    today: dt.date,
    *,
    name: str,
    brands: tuple[str, ...] = (),
    website: str | None = None,
    contacts: Contacts | None = None,
    legal: Legal | None = None,
    opt_out: OptOut | None = None,
) -> Broker:
    """A new imported record citing ``registry``; raises pydantic's error on invalid values."""
    own = names.name_key(name)
    kept = tuple(dict.fromkeys(b for b in brands if names.name_key(b) != own and names.words(b)))
    return Broker(
        id=names.slug(name),
        name=name,
        brands=kept,
        website=website or UNKNOWN,
        quality=Quality.IMPORTED,
        last_verified=today,
        sources=(registry.source,),
        opt_out=opt_out,
        legal=legal or Legal(),
        contacts=contacts or Contacts(),
    )


def contacts(
    registry: Registry,
    *,
    email: str | None = None,
    phone: str | None = None,
    address: tuple[str, ...] = (),
    privacy_url: str | None = None,
) -> Contacts:
    """General contacts citing ``registry`` (which only is cited when something is known)."""
    known = any((email, phone, address, privacy_url))
    return Contacts(
        email=email or UNKNOWN,
        phone=phone or UNKNOWN,
        address=address or UNKNOWN,
        privacy_url=privacy_url or UNKNOWN,
        sources=(registry.source.id,) if known else (),
    )


def statement(registry: Registry, topic: str, text: str | None) -> tuple[RegistryStatement, ...]:
    """A registry statement quoted as filed, or nothing when the broker said nothing."""
    if not text:
        return ()
    if len(text) > STATEMENT_LIMIT:
        text = text[: STATEMENT_LIMIT - len(_CUT)] + _CUT
    return (
        RegistryStatement.model_validate(
            {"state": registry.state, "topic": topic, "text": text, "source": registry.source.id}
        ),
    )

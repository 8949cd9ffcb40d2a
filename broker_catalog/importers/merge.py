"""Fold one file's filing into an existing record, touching only what the importer owns.

Owned: the file's own entries in ``legal.registries``, ``legal.metrics`` and
``legal.statements`` (replaced wholesale, so a re-import is idempotent and a corrected filing
replaces the old one), ``legal.disclosures``, ``legal.fcra/glba/hipaa``, ``contacts`` and the
file's ``Source``. Hand-written records (quality verified or tested) keep every value a person
wrote: there the importer only fills fields that are still "unknown", and reports where the
filing disagrees. Imported records also take trade names, a missing website and the opt-out page.

Conflicts between filings: "unknown" never overwrites a known value; otherwise the filing with
the highest precedence present on the record wins (newest year first), so importing the same
set of files in any order ends in the same record. ``last_verified`` of an imported record is
moved to the import date by the importer, and only when its content really changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from broker_catalog.catalog import brand_key
from broker_catalog.importers import names
from broker_catalog.importers.sources import BY_SOURCE_ID, Registry
from broker_catalog.schema import UNKNOWN, Broker, Contacts, Disclosures, Legal, OptOut, Quality

_FLAGS = ("fcra", "glba", "hipaa")


@dataclass(slots=True)
class Merger:
    """Merges for one import run: knows the file and the date, collects notes for the report."""

    registry: Registry
    today: dt.date
    notes: list[str] = field(default_factory=list)

    def merge(self, old: Broker, incoming: Broker) -> Broker:
        handwritten = old.quality.rank >= Quality.VERIFIED.rank
        wins = self._outranks_others(old)
        decide = _Decider(old.id, handwritten, wins, self.registry, self.notes)
        legal = self._legal(old.legal, incoming.legal, decide)
        contacts = self._contacts(old.contacts, incoming.contacts, decide)
        update: dict[str, Any] = {
            "sources": self._sources(old, handwritten),
            "legal": legal,
            "contacts": contacts,
        }
        if not handwritten:
            update["brands"] = self._brands(old, incoming)
            if old.website == UNKNOWN and incoming.website != UNKNOWN:
                update["website"] = incoming.website
            update["opt_out"] = self._opt_out(old, incoming.opt_out)
        elif incoming.opt_out is not None:
            self._note_opt_out(old, incoming.opt_out)
        return Broker.model_validate(old.model_copy(update=update).model_dump())

    def _outranks_others(self, old: Broker) -> bool:
        """True when no other importable file already on the record is more authoritative."""
        others = [
            BY_SOURCE_ID[s.id].precedence
            for s in old.sources
            if s.id in BY_SOURCE_ID and s.id != self.registry.source.id
        ]
        return not others or self.registry.precedence >= max(others)

    def _sources(self, old: Broker, handwritten: bool) -> tuple[Any, ...]:
        """Add the file's source; refresh it on imported records, never on hand-written ones.

        A maintainer's entry for the same id may carry an ``accessed`` date or a title of
        their own; it is kept, and a differing URL is reported.
        """
        mine = self.registry.source
        theirs = next((s for s in old.sources if s.id == mine.id), None)
        if theirs is None:
            return (*old.sources, mine)
        if handwritten:
            if theirs.url != mine.url:
                self.notes.append(
                    f"{old.id}: source {mine.id!r} kept as written (url {theirs.url}); the "
                    f"importer would cite {mine.url}"
                )
            return old.sources
        return tuple(mine if s.id == mine.id else s for s in old.sources)

    def _legal(self, old: Legal, new: Legal, decide: _Decider) -> Legal:
        source = self.registry.source.id
        flags = {f: decide.pick(f"legal.{f}", getattr(old, f), getattr(new, f)) for f in _FLAGS}
        disclosures = Disclosures(
            **{
                f: decide.pick(
                    f"legal.disclosures.{f}",
                    getattr(old.disclosures, f),
                    getattr(new.disclosures, f),
                )
                for f in Disclosures.model_fields
            }
        )
        return old.model_copy(
            update=flags
            | {
                "disclosures": disclosures,
                "registries": _replace_own(old.registries, new.registries, source),
                "metrics": _replace_own(old.metrics, new.metrics, source),
                "statements": _replace_own(old.statements, new.statements, source),
            }
        )

    def _contacts(self, old: Contacts, new: Contacts, decide: _Decider) -> Contacts:
        values = {
            f: decide.pick(f"contacts.{f}", getattr(old, f), getattr(new, f))
            for f in Contacts.model_fields
            if f != "sources"
        }
        source = self.registry.source.id
        contributes = any(
            getattr(new, f) != UNKNOWN and getattr(new, f) == v for f, v in values.items()
        )
        sources = old.sources
        if contributes and source not in sources:
            sources = (*sources, source)
        return Contacts(**values, sources=sources)

    def _brands(self, old: Broker, incoming: Broker) -> tuple[str, ...]:
        """Imported records collect trade names, and the filing's name when it is spelled apart."""
        have = {brand_key(b) for b in (old.name, *old.brands)}
        have_keys = {names.name_key(b) for b in (old.name, *old.brands)}
        brands = list(old.brands)
        candidates = [*incoming.brands]
        if names.name_key(incoming.name) != names.name_key(old.name):
            candidates.insert(0, incoming.name)
        for brand in candidates:
            if brand_key(brand) not in have and names.name_key(brand) not in have_keys:
                brands.append(brand)
                have.add(brand_key(brand))
                have_keys.add(names.name_key(brand))
        return tuple(brands)

    def _opt_out(self, old: Broker, new: OptOut | None) -> OptOut | None:
        """An imported record's opt-out is the file's, unless someone edited it by hand."""
        if new is None:
            return old.opt_out
        if old.opt_out is None:
            return new
        if same_content(old.opt_out, new):
            return old.opt_out
        if set(old.opt_out.sources) <= {self.registry.source.id}:
            return new
        self.notes.append(
            f"{old.id}: opt-out page {_urls(new)} from {self.registry.source.id} not applied: the "
            "record's opt_out cites other sources (edited by hand?)"
        )
        return old.opt_out

    def _note_opt_out(self, old: Broker, new: OptOut) -> None:
        known = set() if old.opt_out is None else {m.url for m in old.opt_out.methods}
        fresh = [m.url for m in new.methods if m.url not in known]
        if fresh:
            pages = ", ".join(map(str, fresh))
            self.notes.append(
                f"{old.id}: {self.registry.source.id} lists opt-out page {pages}; not applied "
                "to a hand-written record, please review"
            )


@dataclass(slots=True)
class _Decider:
    """Picks between a record's value and a filing's value for one field, noting conflicts."""

    broker_id: str
    handwritten: bool
    wins: bool
    registry: Registry
    notes: list[str]

    def pick(self, path: str, old: Any, new: Any) -> Any:
        if new in (UNKNOWN, old):
            return old
        if old == UNKNOWN:
            return new
        if self.handwritten or not self.wins:
            why = "hand-written record" if self.handwritten else "a newer filing is on the record"
            self.notes.append(
                f"{self.broker_id}: {path} kept {_show(old)}; {self.registry.source.id} says "
                f"{_show(new)} ({why})"
            )
            return old
        return new


def _replace_own(old: tuple[Any, ...], new: tuple[Any, ...], source: str) -> tuple[Any, ...]:
    """Swap this source's entries for the new ones, where the old ones were (else at the end)."""
    positions = [i for i, entry in enumerate(old) if entry.source == source]
    kept = [entry for entry in old if entry.source != source]
    at = positions[0] if positions else len(old)
    at -= sum(1 for i in range(at) if old[i].source == source)
    fresh = list(dict.fromkeys(new))
    return (*kept[:at], *fresh, *kept[at:])


def same_content(a: Broker | OptOut, b: Broker | OptOut) -> bool:
    """Equal apart from the dates that only say when someone last looked."""
    return bool(_content(a) == _content(b))


def _content(model: Broker | OptOut) -> Any:
    """A record's content without the dates that only say when it was looked at."""
    return _strip_dates(model.model_dump(mode="json"))


def _strip_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _strip_dates(v)
            for k, v in value.items()
            if k not in ("verified", "last_verified", "accessed")
        }
    if isinstance(value, list):
        return [_strip_dates(v) for v in value]
    return value


def _show(value: Any) -> str:
    text = repr(value if not isinstance(value, tuple) else list(value))
    return text if len(text) <= 80 else text[:77] + "..."


def _urls(opt_out: OptOut) -> str:
    return ", ".join(str(m.url) for m in opt_out.methods if m.url)

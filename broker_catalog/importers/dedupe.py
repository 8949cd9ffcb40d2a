"""Rows of one file that are one broker become one filing.

Rule: within a file, rows are the same broker exactly when their legal names have the same
matching key (:func:`names.name_key`). Distinct legal names are distinct registrants even when
they share a website or a trade name (TransUnion files under eight entities, all at
transunion.com; "Nielsen Marketing Cloud" is the DBA of two registrants): each registrant files,
answers and counts requests separately, so each keeps its own record.

Of the duplicate rows, the most preferred (Vermont: active before expired, then newest) is the
filing that counts; the others only add trade names and fill gaps, and every value on which they
disagree is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from broker_catalog.importers import names
from broker_catalog.importers.diffing import diff
from broker_catalog.importers.filing import Filing
from broker_catalog.schema import UNKNOWN, Broker, Contacts, Disclosures

_T = TypeVar("_T", Contacts, Disclosures)


@dataclass(frozen=True, slots=True)
class Deduped:
    filings: tuple[Filing, ...]
    notes: tuple[str, ...]


def dedupe(filings: list[Filing]) -> Deduped:
    groups: dict[str, list[Filing]] = {}
    for one in filings:
        groups.setdefault(names.name_key(one.broker.name), []).append(one)
    out: list[Filing] = []
    notes: list[str] = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        ranked = sorted(group, key=lambda f: f.preference, reverse=True)
        combined = combine(ranked, distinct=False)
        out.append(combined)
        notes.append(_note(ranked, combined))
    return Deduped(tuple(out), tuple(notes))


def combine(ranked: list[Filing], *, distinct: bool) -> Filing:
    """One filing from several, the first being the one that counts.

    ``distinct=False``: duplicate rows of one registrant; only the first row's registry
    entries, metrics and statements count. ``distinct=True``: several registrants of one file
    that match the same catalog record (Vermont's "AccuData" and "ASL Marketing" would both be
    Compact Information Systems); then all their entries are kept and their names become
    trade names.
    """
    primary = ranked[0].broker
    brands = [*primary.brands]
    for other in ranked[1:]:
        extra = [other.broker.name] if distinct else []
        brands += [b for b in (*extra, *other.broker.brands) if b not in brands]
    websites = [f.broker.website for f in ranked if f.broker.website != UNKNOWN]
    website = primary.website if distinct else (min(websites, key=len) if websites else UNKNOWN)
    contacts, legal, opt_out = primary.contacts, primary.legal, primary.opt_out
    for other in ranked[1:]:
        contacts = _fill(contacts, other.broker.contacts)
        theirs = other.broker.legal
        update: dict[str, Any] = {
            f: getattr(theirs, f) for f in ("fcra", "glba", "hipaa") if getattr(legal, f) == UNKNOWN
        }
        update["disclosures"] = _fill(legal.disclosures, theirs.disclosures)
        if distinct:
            update |= {
                f: tuple(dict.fromkeys((*getattr(legal, f), *getattr(theirs, f))))
                for f in ("registries", "metrics", "statements")
            }
        legal = legal.model_copy(update=update)
        opt_out = opt_out or other.broker.opt_out
    broker = Broker.model_validate(
        primary.model_dump()
        | {
            "brands": tuple(brands),
            "website": website,
            "contacts": contacts.model_dump(),
            "legal": legal.model_dump(),
            "opt_out": None if opt_out is None else opt_out.model_dump(),
        }
    )
    rows = tuple(sorted(r for f in ranked for r in f.rows))
    also = tuple(dict.fromkeys(n for f in ranked for n in f.also_applies_to))
    held_back = tuple(h for f in (ranked if distinct else ranked[:1]) for h in f.held_back)
    return Filing(rows, broker, held_back, also, ranked[0].preference)


def _fill(mine: _T, other: _T) -> _T:
    update = {
        f: getattr(other, f)
        for f in type(mine).model_fields
        if f != "sources" and getattr(mine, f) == UNKNOWN and getattr(other, f) != UNKNOWN
    }
    if isinstance(mine, Contacts) and isinstance(other, Contacts) and update:
        update["sources"] = tuple(dict.fromkeys((*mine.sources, *other.sources)))
    return mine.model_copy(update=update)


def _note(ranked: list[Filing], combined: Filing) -> str:
    rows = ", ".join(str(r) for r in combined.rows)
    kept = ranked[0].rows[0]
    parts = [
        f"rows {rows} are one broker {combined.broker.name!r} (same legal name); "
        f"row {kept} is the filing kept"
    ]
    for other in ranked[1:]:
        changes = diff(combined.broker, other.broker, ignore=("id", "name", "brands", "sources"))
        shown = [_describe(c.path, c.new) for c in changes if c.new is not None]
        if shown:
            more = f" and {len(shown) - 6} more" if len(shown) > 6 else ""
            parts.append(f"row {other.rows[0]} says differently: {'; '.join(shown[:6])}{more}")
    return "; ".join(parts)


def _describe(path: str, value: str | None) -> str:
    text = value or ""
    return f"{path}={text!r}" if len(text) <= 40 else f"{path}=(a different text)"

"""A workshop: many participants on one machine, and nothing personal kept afterwards.

The workshop file holds only anonymous tallies: how many participants, and for each data
category and broker how many were likely exposed, how many faced a broker with no consumer
route, and how many letters were printed. Profiles live in memory for the moment it takes to
estimate and print; the vault is never used. Letters and personal reports go straight to the
folder each participant chooses (a removable drive, or a print queue folder).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from broker_catalog.catalog import Catalog
from broker_catalog.limits import read_bytes_limited
from broker_catalog.schema import Likelihood
from exposure.atomic import make_private_dirs, write_atomic
from exposure.engine import audit
from exposure.engine.result import Audit
from exposure.engine.targets import letter_targets
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.limits import MAX_LIST, MAX_PARTICIPANTS, MAX_WORKSHOP_FILE
from exposure.profile.model import Profile

FORMAT = "exposure-workshop"
#: No count in a workshop file can be larger (it would be a damaged or altered file).
MAX_COUNT = 10**9


def kept() -> tuple[str, ...]:
    """What the workshop file keeps, one line each, in the reader's language."""
    return (
        _("the workshop's name, its start and close dates and its suppression threshold"),
        _("the number of participants"),
        _("per data category: how many participants were likely exposed"),
        _("per broker: how many participants it likely holds"),
        _("how many participants faced at least one likely broker with no consumer route"),
        _("how many letters were printed"),
    )


class WorkshopError(ExposureError):
    """The workshop file is missing, damaged or closed."""


@dataclass
class Tallies:
    name: str
    started: str
    threshold: int
    participants: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    brokers: Counter[str] = field(default_factory=Counter)
    no_route: int = 0
    letters: int = 0
    closed: str | None = None

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": 1,
            "name": self.name,
            "started": self.started,
            "closed": self.closed,
            "threshold": self.threshold,
            "participants": self.participants,
            "categories": dict(sorted(self.categories.items())),
            "brokers": dict(sorted(self.brokers.items())),
            "no_route": self.no_route,
            "letters": self.letters,
        }
        return json.dumps(data, indent=2).encode() + b"\n"

    @classmethod
    def from_json(cls, raw: bytes, name: str = "the workshop file") -> Tallies:
        """Read a workshop file; a damaged one is named with the field that is wrong."""
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise WorkshopError(
                _("{path} is not a workshop file (not valid JSON)").format(path=name)
            ) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise WorkshopError(
                _('{path} is not a workshop file (no "format": "{format}")').format(
                    path=name, format=FORMAT
                )
            )
        if data.get("version") != 1:
            raise WorkshopError(
                _("{path}: version: this exposure reads version 1 only").format(path=name)
            )
        closed = data.get("closed")
        return cls(
            name=_text(data, "name", name),
            started=_text(data, "started", name),
            threshold=_count(data, "threshold", name),
            participants=_count(data, "participants", name),
            categories=_counts(data, "categories", name),
            brokers=_counts(data, "brokers", name),
            no_route=_count(data, "no_route", name),
            letters=_count(data, "letters", name),
            closed=None if closed is None else _text(data, "closed", name),
        )


def _text(data: dict[str, Any], key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or len(value) > 200 or not value.isprintable():
        raise WorkshopError(
            _(
                "{path}: {field}: expected a printable text of at most 200 characters, is missing "
                "or of another kind"
            ).format(path=name, field=key)
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: not text at all
        raise WorkshopError(
            _("{path}: {field}: not valid text").format(path=name, field=key)
        ) from None
    return value


def _count(data: dict[str, Any], key: str, name: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise WorkshopError(
            _(
                "{path}: {field}: expected a whole number from 0 to {max}, is missing or of "
                "another kind"
            ).format(path=name, field=key, max=MAX_COUNT)
        )
    return value


def _counts(data: dict[str, Any], key: str, name: str) -> Counter[str]:
    value = data.get(key)
    if not isinstance(value, dict) or len(value) > MAX_LIST:
        raise WorkshopError(
            _("{path}: {field}: expected a table of counts by id").format(path=name, field=key)
        )
    for item in value.values():
        if not isinstance(item, int) or isinstance(item, bool) or not 0 <= item <= MAX_COUNT:
            raise WorkshopError(
                _("{path}: {field}: every count must be a whole number from 0").format(
                    path=name, field=key
                )
            )
    return Counter({str(k): v for k, v in value.items()})


def start(path: Path, *, name: str, threshold: int, today: dt.date) -> Tallies:
    if path.exists():
        raise WorkshopError(
            _("{path} already exists; choose a new file for a new workshop").format(path=path)
        )
    if threshold < 2:
        raise WorkshopError(_("the suppression threshold must be at least 2"))
    _text({"name": name}, "name", "--name")  # what cannot be read back is not written
    tallies = Tallies(name=name, started=today.isoformat(), threshold=threshold)
    make_private_dirs(path.parent)
    write_atomic(path, tallies.to_json())
    return tallies


def load(path: Path) -> Tallies:
    if not path.exists():
        raise WorkshopError(
            _("no workshop file at {path}; start one with 'exposure workshop start'").format(
                path=path
            )
        )
    return Tallies.from_json(read_bytes_limited(path, MAX_WORKSHOP_FILE, WorkshopError), str(path))


def tally(
    tallies: Tallies,
    profile: Profile,
    catalog: Catalog,
    *,
    today: dt.date,
    result: Audit | None = None,
) -> list[str]:
    """Count one participant; returns the ids of brokers that likely hold their records.
    ``result``: the profile's audit (on ``today``) when the caller has already worked it out."""
    if tallies.closed:
        raise WorkshopError(_("this workshop is closed; start a new one"))
    if tallies.participants >= MAX_PARTICIPANTS:
        raise WorkshopError(
            _("a workshop counts at most {n} participants").format(n=MAX_PARTICIPANTS)
        )
    result = result if result is not None else audit(profile, catalog, today=today)
    likely = [b for b in result.brokers if b.likelihood is Likelihood.LIKELY]
    tallies.participants += 1
    tallies.categories.update(c.id for c in result.categories if c.level is Likelihood.LIKELY)
    tallies.brokers.update(b.id for b in likely)
    if any(b.action == "no_consumer_route" for b in likely):
        tallies.no_route += 1
    return letter_targets(result)


def add(total: Tallies, counts: Tallies) -> None:
    """Add tallies counted on their own (into an empty :class:`Tallies` with :func:`tally`,
    e.g. by another process) to a workshop's."""
    total.participants += counts.participants
    total.categories.update(counts.categories)
    total.brokers.update(counts.brokers)
    total.no_route += counts.no_route
    total.letters += counts.letters


def save(path: Path, tallies: Tallies) -> None:
    write_atomic(path, tallies.to_json())


def close(path: Path, today: dt.date) -> tuple[Tallies, tuple[str, ...]]:
    tallies = load(path)
    tallies.closed = tallies.closed or today.isoformat()
    save(path, tallies)
    return tallies, kept()

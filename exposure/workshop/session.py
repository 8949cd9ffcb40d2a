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
from broker_catalog.schema import Likelihood
from exposure.atomic import ensure_private_dir, write_atomic
from exposure.engine import audit
from exposure.engine.targets import letter_targets
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.profile.model import Profile

FORMAT = "exposure-workshop"
KEPT = (
    "the workshop's name, its start and close dates and its suppression threshold",
    "the number of participants",
    "per data category: how many participants were likely exposed",
    "per broker: how many participants it likely holds",
    "how many participants faced at least one likely broker with no consumer route",
    "how many letters were printed",
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
    def from_json(cls, raw: bytes) -> Tallies:
        try:
            data: dict[str, Any] = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError("not a workshop file")
            return cls(
                name=str(data["name"]),
                started=str(data["started"]),
                threshold=int(data["threshold"]),
                participants=int(data["participants"]),
                categories=Counter({str(k): int(v) for k, v in data["categories"].items()}),
                brokers=Counter({str(k): int(v) for k, v in data["brokers"].items()}),
                no_route=int(data["no_route"]),
                letters=int(data["letters"]),
                closed=data.get("closed"),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WorkshopError(f"not a valid workshop file ({exc})") from None


def start(path: Path, *, name: str, threshold: int, today: dt.date) -> Tallies:
    if path.exists():
        raise WorkshopError(
            _("{path} already exists; choose a new file for a new workshop").format(path=path)
        )
    if threshold < 2:
        raise WorkshopError(_("the suppression threshold must be at least 2"))
    tallies = Tallies(name=name, started=today.isoformat(), threshold=threshold)
    ensure_private_dir(path.parent)
    write_atomic(path, tallies.to_json())
    return tallies


def load(path: Path) -> Tallies:
    try:
        return Tallies.from_json(path.read_bytes())
    except FileNotFoundError:
        raise WorkshopError(
            _("no workshop file at {path}; start one with 'exposure workshop start'").format(
                path=path
            )
        ) from None


def tally(tallies: Tallies, profile: Profile, catalog: Catalog) -> list[str]:
    """Count one participant; returns the ids of brokers that likely hold their records."""
    if tallies.closed:
        raise WorkshopError(_("this workshop is closed; start a new one"))
    result = audit(profile, catalog)
    likely = [b for b in result.brokers if b.likelihood is Likelihood.LIKELY]
    tallies.participants += 1
    tallies.categories.update(c.id for c in result.categories if c.level is Likelihood.LIKELY)
    tallies.brokers.update(b.id for b in likely)
    if any(b.action == "no_consumer_route" for b in likely):
        tallies.no_route += 1
    return letter_targets(result)


def save(path: Path, tallies: Tallies) -> None:
    write_atomic(path, tallies.to_json())


def close(path: Path, today: dt.date) -> tuple[Tallies, tuple[str, ...]]:
    tallies = load(path)
    tallies.closed = tallies.closed or today.isoformat()
    save(path, tallies)
    return tallies, KEPT

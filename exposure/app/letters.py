"""Drafting letters for a person: the one place that decides which brokers, and what is
skipped and why. Writing them is exposure.app.letter_files; recording them,
exposure.app.requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from broker_catalog.catalog import Catalog
from exposure.errors import ExposureError, UsageError
from exposure.i18n import _
from exposure.letters.agent import Agent
from exposure.letters.draft import Letter, draft_letter
from exposure.letters.regime import Kind
from exposure.letters.reply import MissingReplyError
from exposure.profile.model import Profile


@dataclass(frozen=True)
class Skipped:
    """A broker no letter could be drafted for, and the refusal's own words."""

    broker_id: str
    broker_name: str
    why: str


@dataclass(frozen=True)
class Drafted:
    letters: tuple[Letter, ...]
    skipped: tuple[Skipped, ...]

    @property
    def notes(self) -> tuple[str, ...]:
        """Each distinct drafting note once, in letter order."""
        return tuple(dict.fromkeys(n for letter in self.letters for n in letter.notes))


def draft_letters(
    profile: Profile,
    catalog: Catalog,
    brokers: Sequence[str] | None = None,
    *,
    kind: Kind | None = None,
    agent: Agent | None = None,
    today: dt.date,
    blanks: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Drafted:
    """A letter to each broker (by default: the action plan's letter brokers, in plan order);
    a broker a letter cannot go to is skipped with the reason, never dropped silently."""
    if brokers is None:
        from exposure.engine import audit
        from exposure.engine.targets import letter_targets

        brokers = letter_targets(audit(profile, catalog, today=today))
    unknown = [b for b in brokers if b not in catalog.by_id]
    if unknown:
        raise UsageError(
            _("no broker '{broker}' in the catalog; see 'exposure catalog list'").format(
                broker=unknown[0]
            )
        )
    letters: list[Letter] = []
    skipped: list[Skipped] = []
    for n, broker_id in enumerate(brokers, 1):
        broker = catalog.by_id[broker_id]
        try:
            letters.append(
                draft_letter(
                    broker, profile, catalog, kind=kind, agent=agent, today=today, blanks=blanks
                )
            )
        except MissingReplyError:
            raise  # the person's details lack a reply address: no letter can go, say so once
        except ExposureError as exc:
            skipped.append(Skipped(broker_id, broker.name, exc.message))
        if progress is not None:
            progress(n)
    return Drafted(tuple(letters), tuple(skipped))

"""What the app knows during one run: the catalog, the profile, its audit and the requests.

Plain Python, no Textual: screens read and update one shared :class:`Session`, and the rules
it encodes (which brokers a request can go to, which identity fields they need) are tested
without a terminal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from broker_catalog.schema import IdentityField, Likelihood
from exposure.engine.result import LETTER_ACTIONS
from exposure.profile.model import Profile

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit, BrokerResult
    from exposure.letters.draft import Letter
    from exposure.vault.store import Vault

Source = Literal["new", "saved", "demo"]

# Fields a person types in the Requests step, in the order the form shows them. Numbers we never
# store (SSN, licence, advertising ID) and enclosures are left blank on the printed letter.
TYPED_FIELDS = (
    IdentityField.FULL_NAME,
    IdentityField.FORMER_NAMES,
    IdentityField.POSTAL_ADDRESS,
    IdentityField.EMAIL,
    IdentityField.PHONE,
    IdentityField.DATE_OF_BIRTH,
)
OPTIONAL_FIELDS = frozenset({IdentityField.FORMER_NAMES})


@dataclass
class Session:
    """Shared, mutable state of one run. Identity lives only here and in the vault."""

    vault_path: Path
    today: dt.date
    catalog: Catalog | None = None
    profile: Profile = field(default_factory=Profile)
    source: Source = "new"
    audit: Audit | None = None
    chosen: list[str] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    # The unlocked vault, once opened this run: its passphrase is asked once, not per action.
    vault: Vault | None = None

    @property
    def known_catalog(self) -> Catalog:
        """The catalog; screens that need it open only after it has loaded."""
        if self.catalog is None:
            raise RuntimeError("the catalog is not loaded yet")
        return self.catalog

    @property
    def known_audit(self) -> Audit:
        if self.audit is None:
            raise RuntimeError("there is no audit yet")
        return self.audit

    def broker_result(self, broker_id: str) -> BrokerResult | None:
        if self.audit is None:
            return None
        return next((b for b in self.audit.brokers if b.id == broker_id), None)


def planned_brokers(audit: Audit) -> list[str]:
    """Broker ids the action plan sends a letter to, in plan order (the pre-selection)."""
    out: dict[str, None] = {}
    for action in audit.plan:
        if action.kind in LETTER_ACTIONS:
            out.update(dict.fromkeys(action.brokers))
    return list(out)


def request_candidates(audit: Audit, catalog: Catalog) -> list[str]:
    """The plan's brokers first, then every other likely or possible broker with a route."""
    planned = planned_brokers(audit)
    others = [
        b.id
        for b in audit.brokers
        if b.id not in planned
        and b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE)
        and _has_route(catalog, b.id)
    ]
    return planned + others


def _has_route(catalog: Catalog, broker_id: str) -> bool:
    broker = catalog.by_id[broker_id]
    opt = broker.opt_out
    return broker.legal.fcra == "yes" or (opt is not None and opt.available in ("yes", "partial"))


def needed_identity(catalog: Catalog, broker_ids: list[str]) -> list[IdentityField]:
    """The identity fields the chosen brokers need, and nothing more, in form order."""
    from exposure.letters.identity import needed_fields

    wanted = {f for b in broker_ids for f in needed_fields(catalog.by_id[b])}
    if IdentityField.PAST_ADDRESSES in wanted:
        wanted.add(IdentityField.POSTAL_ADDRESS)
    return [f for f in TYPED_FIELDS if f in wanted]

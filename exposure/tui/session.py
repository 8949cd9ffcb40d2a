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

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit, BrokerResult
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile
    from exposure.render.wording import Wording
    from exposure.vault.store import Vault

Source = Literal["new", "saved", "demo"]


@dataclass
class Session:
    """Shared, mutable state of one run. Identity lives only here and in the vault."""

    vault_path: Path
    today: dt.date
    catalog: Catalog | None = None
    # The answers so far; built on first use, so the first screen paints before pydantic loads.
    _profile: Profile | None = field(default=None, repr=False)
    source: Source = "new"
    audit: Audit | None = None
    chosen: list[str] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    # The unlocked vault, once opened this run: its passphrase is asked once, not per action.
    vault: Vault | None = None
    # The profile as last saved or opened from the vault: what quitting would not lose.
    saved: Profile | None = None
    # Ledger request ids of the letters in ``letters`` already recorded, by broker id.
    recorded: dict[str, int] = field(default_factory=dict)
    # Letters written or sent before the profile was saved, by broker id, and the broker ids of
    # those sent: the ledger records them when the profile is saved (without writing them again).
    unrecorded: dict[str, Letter] = field(default_factory=dict)
    unrecorded_sent: set[str] = field(default_factory=set)

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            from exposure.profile.model import Profile

            self._profile = Profile()
        return self._profile

    @profile.setter
    def profile(self, profile: Profile) -> None:
        self._profile = profile

    @property
    def known_catalog(self) -> Catalog:
        """The catalog; screens that need it open only after it has loaded."""
        if self.catalog is None:
            raise RuntimeError("the catalog is not loaded yet")
        return self.catalog

    @property
    def words(self) -> Wording:
        """Sentences for results, in the reader's language."""
        from exposure.catalog_language import wording

        return wording(self.known_catalog)

    @property
    def known_audit(self) -> Audit:
        if self.audit is None:
            raise RuntimeError("there is no audit yet")
        return self.audit

    def unsaved(self) -> bool:
        """True when the answers or details would be lost by quitting now (never for the demo,
        whose person is fictional, nor for a new profile with nothing answered yet)."""
        if self.source == "demo" or self._profile is None:
            return False
        if self.source == "saved":
            return self._profile != self.saved
        return bool(self._profile.identity) or any(
            answer != "unknown" for answer in self._profile.facts.values()
        )

    def broker_result(self, broker_id: str) -> BrokerResult | None:
        if self.audit is None:
            return None
        return next((b for b in self.audit.brokers if b.id == broker_id), None)

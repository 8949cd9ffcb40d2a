"""What happened, told to the app: small dataclasses named in the past tense.

Workers post these when their I/O is done (thread-safe), screens post them when the person
finishes a step. The app reacts by updating the session and moving the journey on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from exposure.tui.session import Source

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit
    from exposure.ledger.lifecycle import Status
    from exposure.ledger.store import Event, Request
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile
    from exposure.vault.store import Vault


@dataclass
class CatalogLoaded(Message):
    catalog: Catalog


@dataclass
class ProfileChosen(Message):
    """The person picked where the answers come from: new, saved (unlocked) or the demo."""

    profile: Profile
    source: Source
    vault: Vault | None = None


@dataclass
class AnswersCompleted(Message):
    profile: Profile


@dataclass
class AuditFinished(Message):
    audit: Audit


@dataclass
class ProfileSaved(Message):
    path: Path
    key_source: str
    vault: Vault | None = None
    profile: Profile | None = None  # what was saved (the answers may have moved on since)


@dataclass
class VaultWiped(Message):
    existed: bool


@dataclass
class LettersDrafted(Message):
    letters: list[Letter]
    skipped: list[str]


@dataclass
class LettersWritten(Message):
    folder: Path
    paths: list[Path]


@dataclass
class EmailsSent(Message):
    recipients: list[str]
    brokers: list[str]


@dataclass
class LettersRecorded(Message):
    """Letters were recorded in the ledger: every request id by broker id so far, the ids
    added now, and how many were marked sent."""

    ids: dict[str, int]
    added: list[int]
    sent: int
    # Set when the app recorded them at saving time (letters written before the save).
    letters: list[Letter] | None = None


@dataclass
class LedgerLoaded(Message):
    requests: list[Request]
    histories: dict[int, list[Event]]


@dataclass
class RequestMarked(Message):
    request_id: int
    status: str


@dataclass
class FollowupWritten(Message):
    request_id: int
    step: str
    paths: list[Path]
    mark_as: Status


@dataclass
class CalendarWritten(Message):
    path: Path
    events: int


@dataclass
class ReportWritten(Message):
    path: Path
    requests: int

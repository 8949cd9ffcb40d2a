"""Recording a drafted letter in the ledger: one place for the CLI and the terminal app."""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from exposure.ledger.lifecycle import recheck_days_for
from exposure.ledger.store import Ledger
from exposure.letters.draft import Letter
from exposure.letters.regime import deadline_for
from exposure.letters.text import letter_text


def record_letter(ledger: Ledger, letter: Letter, catalog: Catalog, state: str | None) -> int:
    """Add ``letter`` as a drafted request with its law's deadline and the broker's re-check
    interval; the letter's text is sealed. Returns the request's id."""
    broker = catalog.by_id[letter.broker_id]
    return ledger.add(
        broker_id=broker.id,
        broker_name=broker.name,
        kind=letter.kind,
        regime=letter.regime,
        deadline=deadline_for(catalog.law_by_id[letter.regime], letter.kind),
        recheck_days=recheck_days_for(broker, state),
        letter=letter_text(letter),
        today=letter.date,
    )

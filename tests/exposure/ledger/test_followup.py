"""Overdue requests get a reminder citing the missed deadline; then a complaint to the regulator."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog import load_catalog
from exposure.ledger.followup import NothingToFollowUpError, draft_followup, next_step
from exposure.ledger.lifecycle import DenialReason, Status
from exposure.ledger.store import Ledger
from exposure.letters.text import letter_text
from tests.exposure.letters.people import person

CATALOG = load_catalog(use_cache=False)
SENT = dt.date(2026, 11, 20)
LATE = dt.date(2027, 1, 10)


def _sent(ledger: Ledger) -> int:
    law = CATALOG.law_by_id["ca-ccpa"]
    request_id = ledger.add(
        broker_id="acxiom", broker_name="Acxiom LLC", kind="delete", regime="ca-ccpa",
        deadline=law.response, recheck_days=45, letter=None, today=SENT,
    )  # fmt: skip
    ledger.mark(request_id, Status.SENT, on=SENT)
    return request_id


def _text(ledger: Ledger, request_id: int, today: dt.date) -> str:
    letter = draft_followup(
        ledger.get(request_id, today=today), ledger.history(request_id), CATALOG.by_id["acxiom"],
        person("Ada Example"), CATALOG, today=today,
    )  # fmt: skip
    return " ".join(letter_text(letter).split())


def test_nothing_to_follow_up_before_the_deadline(ledger: Ledger) -> None:
    request_id = _sent(ledger)
    with pytest.raises(NothingToFollowUpError, match="due by January 4, 2027"):
        next_step(ledger.get(request_id, today=SENT), ledger.history(request_id))


def test_an_overdue_request_gets_a_reminder_citing_the_missed_deadline(ledger: Ledger) -> None:
    request_id = _sent(ledger)
    text = _text(ledger, request_id, LATE)
    assert "Second request" in text
    sent = "On November 20, 2026 I sent Acxiom LLC a request (to delete personal information)"
    assert f"{sent} under Cal. Civ. Code § 1798.105" in text
    assert "required by January 4, 2027" in text
    assert "complaint with California Privacy Protection Agency" in text


def test_after_a_reminder_an_overdue_request_gets_a_complaint(ledger: Ledger) -> None:
    request_id = _sent(ledger)
    ledger.mark(request_id, Status.FOLLOW_UP_SENT, on=LATE)
    letter = draft_followup(
        ledger.get(request_id, today=LATE), ledger.history(request_id), CATALOG.by_id["acxiom"],
        person("Ada Example"), CATALOG, today=LATE,
    )  # fmt: skip
    assert letter.recipient[0].startswith("California Privacy Protection Agency")
    assert "https://privacy.ca.gov/submit-a-complaint" in letter.recipient[1]
    text = " ".join(letter_text(letter).split())
    assert "sent on November 20, 2026; follow up sent on January 10, 2027" in text


def test_a_denial_goes_straight_to_a_complaint_with_its_reason(ledger: Ledger) -> None:
    request_id = _sent(ledger)
    ledger.mark(
        request_id,
        Status.DENIED,
        on=dt.date(2026, 12, 1),
        reason=DenialReason.COULD_NOT_VERIFY,
        note="private note",
    )
    text = _text(ledger, request_id, dt.date(2026, 12, 2))
    assert "Complaint:" in text
    assert "reason given: could not verify" in text
    assert "private note" not in text

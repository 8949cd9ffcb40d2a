"""Sending drafted letters: only those with an e-mail route go, and the result says which."""

from __future__ import annotations

import datetime as dt

from broker_catalog.catalog import Catalog
from exposure.app.letters import draft_letters
from exposure.app.sending import emails, send_letters
from exposure.engine import audit
from exposure.engine.targets import letter_targets
from exposure.mail.smtp import Server
from exposure.profile.files import demo_profile
from tests.exposure.mail.test_smtp import Inbox, inbox  # noqa: F401 - the real SMTP fixture

TODAY = dt.date(2026, 12, 6)


def test_only_letters_with_an_email_route_are_sent_and_each_is_named(
    catalog: Catalog,
    inbox: tuple[Inbox, int],  # noqa: F811 - the fixture imported above
) -> None:
    handler, port = inbox
    profile = demo_profile()
    # The demo's plan brokers, plus one whose record has no e-mail route (a tenant screener,
    # which the demo's plan no longer names on its own since tenant screening is "one of these").
    planned = letter_targets(audit(profile, catalog, today=TODAY))
    without_email = "saferent-solutions"
    drafted = draft_letters(
        profile, catalog, [*planned, without_email], today=dt.date(2026, 11, 20)
    )
    by_email = [broker_id for broker_id, _ in emails(drafted.letters, profile.identity)]
    assert 0 < len(by_email) < len(drafted.letters)
    sent = send_letters(
        Server("127.0.0.1", port, "none"), drafted.letters, profile.identity, password=None
    )
    assert sent.brokers == by_email
    assert len(handler.received) == len(by_email)
    delivered = [rcpt for _, rcpts, _ in handler.received for rcpt in rcpts]
    assert len(sent.recipients) == len(delivered)
    assert all(address in to for to, address in zip(sent.recipients, delivered, strict=True))

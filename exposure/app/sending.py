"""Sending drafted letters as e-mails: which letters can go, and which went.

The terminal app sends the letters it has drafted; `exposure send` sends .eml files a person
may have edited. Both end in exposure.mail.smtp.send, which goes in order and stops at the
first refusal, so the letters before it are the ones that went.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from email.message import EmailMessage

    from exposure.letters.draft import Letter
    from exposure.mail.smtp import Server
    from exposure.profile.model import Identity


@dataclass(frozen=True)
class Sent:
    recipients: list[str]
    brokers: list[str]  # the broker ids whose e-mail went, in sending order


def emails(letters: Sequence[Letter], identity: Identity | None) -> list[tuple[str, EmailMessage]]:
    """(broker id, message) for every letter that can go by e-mail."""
    from exposure.app.letter_files import email_for

    pairs = [(letter.broker_id, email_for(letter, identity)) for letter in letters]
    return [(broker_id, message) for broker_id, message in pairs if message is not None]


def send_letters(
    server: Server, letters: Sequence[Letter], identity: Identity | None, password: str | None
) -> Sent:
    from exposure.mail.smtp import send

    drafts = emails(letters, identity)
    recipients = send(server, [message for _, message in drafts], password)
    return Sent(recipients, [broker_id for broker_id, _ in drafts[: len(recipients)]])

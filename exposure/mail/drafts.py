"""Reading .eml drafts back before sending: only what exposure itself writes may go out.

A folder of drafts can be edited, or have a file dropped into it, between `exposure letters`
and `exposure send`. So each draft is parsed again and refused if it has a hidden recipient
(Bcc) or any header exposure does not write; every recipient (To, Cc) is listed for the
person to confirm. Messages are re-encoded with :data:`email.policy.SMTP`, so a raw UTF-8
header becomes a proper encoded-word.
"""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from dataclasses import dataclass
from email import message_from_string
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from broker_catalog.limits import read_bytes_limited
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.limits import MAX_EML_FILE

WRITTEN = frozenset(
    {
        "from",
        "to",
        "cc",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
    }
)


class DraftError(ExposureError):
    """A draft that exposure will not send as it is."""


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path
    message: EmailMessage
    recipients: tuple[tuple[str, str], ...]  # (header, address)

    def text(self) -> str:
        """The draft as a person reads it: decoded headers and the plain-text body."""
        headers = [f"{k}: {v}" for k, v in self.message.items()]
        body = self.message.get_body(preferencelist=("plain",))
        content = body.get_content() if body is not None else ""
        return "\n".join(headers) + "\n\n" + str(content)


def read_draft(path: Path) -> Draft:
    """One draft, checked: refused with the reason if it hides a recipient or carries a header
    exposure did not write. A folder, a pipe, an oversized file or a header that cannot be
    parsed is refused too, naming the file (never repeating the header's text)."""
    data = read_bytes_limited(path, MAX_EML_FILE, DraftError)
    try:  # decoded as UTF-8 so that a raw non-ASCII header is read as text, not bytes
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(
            _("{file} is not UTF-8 text; it will not be sent").format(file=path.name)
        ) from None
    if "\x00" in source:
        raise DraftError(
            _("{file} holds NUL bytes; it is not an e-mail draft").format(file=path.name)
        )
    try:
        draft = _checked(path, source)
        draft.text()  # the body must decode too (its charset must exist) before it is shown
        return draft
    except DraftError:
        raise
    except Exception:  # the header parser raises many kinds on malformed input
        raise DraftError(
            _("{file} has a header that cannot be read; it will not be sent").format(file=path.name)
        ) from None


def _checked(path: Path, source: str) -> Draft:
    message = message_from_string(source, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # pragma: no cover - the default policy's class
        raise DraftError(_("{file} is not an e-mail message").format(file=path.name))
    names = {name.lower() for name in message}
    if "bcc" in names:
        raise DraftError(
            _(
                "{file} has a Bcc header (a hidden recipient); exposure never writes one, so "
                "it will not send this file"
            ).format(file=path.name)
        )
    unknown = sorted(names - WRITTEN)
    if unknown:
        raise DraftError(
            _(
                "{file} has header(s) exposure does not write ({headers}); it will not send "
                "this file"
            ).format(file=path.name, headers=", ".join(unknown))
        )
    if not message["To"]:
        raise DraftError(_("{file} has no recipient").format(file=path.name))
    recipients = tuple(
        (header, address)
        for header in ("To", "Cc")
        for _name, address in getaddresses([str(v) for v in message.get_all(header, [])])
    )
    return Draft(path, message, recipients)


def read_drafts(paths: Sequence[Path]) -> list[Draft]:
    return [read_draft(path) for path in paths]


def for_sending(draft: Draft) -> EmailMessage:
    """A fresh message for the wire, built from the draft's decoded headers and text: every
    header is encoded anew by :data:`email.policy.SMTP` (a raw UTF-8 header read from the file
    becomes an encoded-word), and the body is set again as UTF-8 text."""
    wire = EmailMessage(policy=email.policy.SMTP)
    for name, value in draft.message.items():
        if name.lower() not in ("mime-version", "content-type", "content-transfer-encoding"):
            wire[name] = str(value)
    body = draft.message.get_body(preferencelist=("plain",))
    wire.set_content(str(body.get_content()) if body is not None else "")
    return wire

"""Reading the ``.eml`` drafts that ``exposure send`` is asked to send.

The drafts folder is the person's: a file in it may be damaged, huge, not an e-mail at all, or
a folder named like one. Each is refused before anything is sent, naming the file; header rules
(who may be written to, how) are the sending code's business, not this reader's.
"""

from __future__ import annotations

import stat
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from pathlib import Path

from broker_catalog.limits import read_bytes_limited
from exposure.errors import ExposureError
from exposure.limits import MAX_EML_FILE


class DraftError(ExposureError):
    """An ``.eml`` draft cannot be read as an e-mail."""


def read_drafts(paths: list[Path]) -> list[EmailMessage]:
    """Every draft parsed, in order; the first unreadable one stops all (nothing is sent)."""
    return [read_draft(path) for path in paths]


def read_draft(path: Path) -> EmailMessage:
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        raise DraftError(f"cannot read {path} ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        raise DraftError(f"{path} is not a plain file (a folder or a link); move it away")
    data = read_bytes_limited(path, MAX_EML_FILE, DraftError)
    if b"\x00" in data:
        raise DraftError(f"{path} is not an e-mail draft (it holds NUL bytes)")
    message: Message = message_from_bytes(data, policy=policy.SMTP)
    try:
        # Reading the headers is where a malformed one fails; its text is never repeated.
        for name in ("To", "Subject"):
            if message[name] is None:
                raise DraftError(f"{path} is not an e-mail draft (it has no {name}: header)")
            str(message[name]).encode("utf-8")
        message.as_string().encode("utf-8")  # what a dry run prints must be printable
    except DraftError:
        raise
    except Exception as exc:  # the header parser raises many kinds on malformed input
        raise DraftError(
            f"{path} has a header that cannot be read ({type(exc).__name__})"
        ) from None
    if not isinstance(message, EmailMessage):  # policy.SMTP always gives EmailMessage
        raise DraftError(f"{path} is not an e-mail draft")
    return message

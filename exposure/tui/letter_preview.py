"""Letters and e-mails as on-screen previews that wrap to the window.

The files themselves are wrapped at 76 columns for mail clients and printers; re-wrapping that
inside a narrower pane would break every line in two, so the preview asks the same renderer for
one paragraph per line and lets the pane wrap it.
"""

from __future__ import annotations

from email.message import EmailMessage

from exposure.letters.draft import Letter
from exposure.letters.text import letter_text
from exposure.tui.i18n import _


def letter_preview(letter: Letter, *, with_addresses: bool = True) -> str:
    text = letter_text(letter, with_addresses=with_addresses, width=None)
    if letter.due:
        due = f"{letter.due:%B} {letter.due.day}, {letter.due.year}"
        note = _("(Not part of the letter: the answer is due by {due}.)").format(due=due)
        text += "\n" + note + "\n"
    return text


def email_preview(message: EmailMessage, letter: Letter) -> str:
    headers = [f"{name}: {message[name]}" for name in ("From", "To", "Subject")]
    body = letter_preview(letter, with_addresses=False)
    return "\n".join(headers) + "\n\n" + body

"""Letters as RFC 5322 e-mail drafts (.eml), built with the standard library's EmailMessage.

Header values are checked before they are set: a CR or LF in a name or subject would otherwise
start a new header. Non-ASCII names become encoded-words through the default policy.
"""

from __future__ import annotations

import email.policy
import email.utils
import re
from email.headerregistry import Address
from email.message import EmailMessage

from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.letters.draft import Letter
from exposure.letters.text import letter_text

_BREAKS = re.compile(r"[\r\n\x00\u2028\u2029\x85]")
_ADDRESS = re.compile(r"^[^@\s<>\"(),;:\\\[\]]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


class EmailError(ExposureError):
    """An e-mail cannot be built safely from these values."""


def _header_value(name: str, value: str) -> str:
    if _BREAKS.search(value):
        raise EmailError(
            _(
                "the {name} contains a line break, which could forge e-mail headers; remove it"
            ).format(name=name)
        )
    return value


def _address(display: str, addr: str, what: str) -> Address:
    _header_value(f"{what} name", display)
    if not _ADDRESS.match(_header_value(f"{what} address", addr)):
        raise EmailError(
            # The address is not repeated: it may be the person's own.
            _("the {what} address is not a plain e-mail address").format(what=what)
        )
    user, domain = addr.rsplit("@", 1)
    return Address(display_name=display, username=user, domain=domain)


def build_email(letter: Letter, from_name: str, from_addr: str) -> EmailMessage:
    if not letter.email_to:
        raise EmailError(
            _(
                "no e-mail address in the catalog takes this request for {broker}; print the "
                "letter or use the web form instead"
            ).format(broker=letter.broker_name)
        )
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = _address(from_name, from_addr, "sender")
    message["To"] = _address(letter.broker_name, letter.email_to, "recipient")
    message["Subject"] = _header_value("subject", letter.subject)
    message["Date"] = email.utils.format_datetime(email.utils.localtime())
    message["Message-ID"] = email.utils.make_msgid(domain=from_addr.rsplit("@", 1)[1])
    message.set_content(letter_text(letter, with_addresses=False))
    return message

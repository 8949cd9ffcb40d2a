"""Sending drafted e-mails over SMTP, only when the person asks and confirms.

TLS is required (implicit TLS, or STARTTLS) except to a server on this machine's loopback
address, which is how tests and local relays are reached. The password lives in the OS keyring,
never in a file or on the command line.
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal

from exposure.errors import ExposureError
from exposure.i18n import _

KEYRING_SERVICE = "exposure-smtp"
Security = Literal["tls", "starttls", "none"]


class SendError(ExposureError):
    """The mail server refused or could not be reached; nothing more was sent."""


@dataclass(frozen=True, slots=True)
class Server:
    host: str
    port: int
    security: Security
    username: str | None = None
    cafile: str | None = None

    def check(self) -> None:
        if self.security == "none" and not _is_loopback(self.host):
            raise SendError(
                _(
                    "refusing to send without TLS to a server that is not on this computer; "
                    "use --security tls or starttls"
                )
            )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _context(server: Server) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=server.cafile)


def send(server: Server, messages: Sequence[EmailMessage], password: str | None) -> list[str]:
    """Send each message; return the recipients in order. Stops at the first refusal."""
    server.check()
    sent: list[str] = []
    try:
        if server.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, context=_context(server), timeout=30
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=30)
        with client:
            if server.security == "starttls":
                client.starttls(context=_context(server))
            if server.username:
                client.login(server.username, password or "")
            for message in messages:
                client.send_message(message)
                sent.append(str(message["To"]))
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        if sent:
            problem = _("sending failed after sending {n}: {reason}").format(
                n=len(sent), reason=_reason(exc)
            )
        else:
            problem = _("sending failed: {reason}").format(reason=_reason(exc))
        raise SendError(problem) from None
    return sent


# Mail servers quote addresses in their replies ("550 <someone@example.org> unknown"); the
# sender's may be the person's own, so no reply text reaches a message with one in it.
_ADDRESSES = re.compile(r"<?[^\s<>@]+@[^\s<>@]+>?")


def _reason(exc: BaseException) -> str:
    """Why sending failed, for people: the server's code and words, addresses left out."""
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return _("the server answered {code}: {text}").format(
            code=exc.smtp_code, text=_ADDRESSES.sub(_("(an address)"), text)
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return _("the server refused the recipient")
    # In words, never the exception's class name (issue 20): what a person can check.
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _("the server's certificate could not be verified, so nothing was sent to it")
    if isinstance(exc, ssl.SSLError):
        return _("the secure connection to the server failed (check the port and security)")
    if isinstance(exc, ConnectionRefusedError):
        return _("the server refused the connection (check its name and port)")
    if isinstance(exc, TimeoutError):
        return _("the server did not answer in time")
    if isinstance(exc, socket.gaierror):
        return _("the server's name was not found (check it, and the network)")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("the server closed the connection")
    if isinstance(exc, OSError):
        return _("the connection to the server failed (check the network)")
    return _("the server did not accept the message")


def password_from_keyring(server: Server) -> str | None:
    if not server.username:
        return None
    import keyring

    return keyring.get_password(KEYRING_SERVICE, f"{server.username}@{server.host}")


def save_password(server: Server, password: str) -> None:
    import keyring

    from exposure.vault.keyring_backend import current

    status = current()
    if not status.usable:
        raise SendError(
            _("no secure keyring is available to keep the SMTP password; it was not saved")
        )
    keyring.set_password(KEYRING_SERVICE, f"{server.username}@{server.host}", password)

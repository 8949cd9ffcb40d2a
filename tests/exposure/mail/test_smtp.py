"""Sending over SMTP, to a real aiosmtpd server on 127.0.0.1 started by the test."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from broker_catalog import Catalog
from exposure.letters.draft import draft_letter
from exposure.mail.message import build_email
from exposure.mail.smtp import SendError, Server, send
from tests.exposure.letters.people import person


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _message(catalog: Catalog) -> EmailMessage:
    letter = draft_letter(
        catalog.by_id["equifax"],
        person("Zoë Example"),
        catalog,
        kind="delete",
        today=dt.date(2026, 11, 20),
    )
    return build_email(letter, "Zoë Example", "person@example.org")


def test_a_sent_message_arrives_exactly_as_drafted(
    catalog: Catalog, inbox: tuple[Inbox, int]
) -> None:
    handler, port = inbox
    draft = _message(catalog)
    sent = send(Server("127.0.0.1", port, "none"), [draft], None)
    assert sent == [str(draft["To"])]
    ((mail_from, rcpt, raw),) = handler.received
    assert mail_from == "person@example.org"
    assert rcpt == ["usprivacy@equifax.com"]
    got = message_from_bytes(raw, policy=policy.default)
    for header in ("From", "To", "Subject", "Message-ID", "Date"):
        assert str(got[header]) == str(draft[header]), header
    # SMTP carries lines ending in CRLF; the words must be the same, line for line.
    assert got.get_content().splitlines() == draft.get_content().splitlines()


def test_plain_smtp_to_another_host_is_refused() -> None:
    with pytest.raises(SendError, match="refusing to send without TLS"):
        Server("mail.example.org", 25, "none").check()


def test_a_refused_connection_is_a_clear_error(catalog: Catalog) -> None:
    with pytest.raises(SendError, match="sending failed") as caught:
        send(Server("127.0.0.1", _free_port(), "none"), [_message(catalog)], None)
    # In words a person can act on, never the exception's class name (issue 20).
    assert "the server refused the connection (check its name and port)" in str(caught.value)
    assert "Error" not in str(caught.value)


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_starttls_with_a_trusted_certificate(catalog: Catalog, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Inbox()
    port = _free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True
    )
    controller.start()
    try:
        send(Server("127.0.0.1", port, "starttls", cafile=str(cert)), [_message(catalog)], None)
        assert len(handler.received) == 1
        with pytest.raises(SendError, match="certificate could not be verified"):
            send(Server("127.0.0.1", port, "starttls"), [_message(catalog)], None)
    finally:
        controller.stop()


class Refuser:
    """A server that refuses every message, quoting the sender's address as servers do."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        return f"550 5.7.1 <{envelope.mail_from}> is not allowed to send here"


def test_a_refusal_says_why_without_repeating_the_senders_address(catalog: Catalog) -> None:
    port = _free_port()
    controller = Controller(Refuser(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with pytest.raises(SendError) as refused:
            send(Server("127.0.0.1", port, "none"), [_message(catalog)], None)
    finally:
        controller.stop()
    assert "550" in refused.value.message
    assert "person@example.org" not in refused.value.message

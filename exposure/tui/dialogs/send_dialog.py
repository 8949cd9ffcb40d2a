"""The mail server to send through. The password is used once and never written anywhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from exposure.errors import ExposureError
from exposure.mail.smtp import Security, Server
from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _

SECURITY: tuple[tuple[str, Security], ...] = (
    (_("STARTTLS (usual, port 587)"), "starttls"),
    (_("TLS (port 465)"), "tls"),
    (_("None (only to this computer)"), "none"),
)


@dataclass(frozen=True)
class SendChoice:
    server: Server
    password: str | None


class SendDialog(Dialog[SendChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", _("Cancel"))]

    def __init__(self, count: int, sender: str) -> None:
        super().__init__()
        self._count = count
        self._sender = sender

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(_("Send e-mails"), classes="dialog-title")
            yield Static(
                _("{count} e-mail(s) from {sender}. You confirm before anything is sent.").format(
                    count=self._count, sender=self._sender
                ),
                classes="dialog-body",
                markup=False,
            )
            yield Label(_("Mail server (SMTP host)"))
            yield Input(id="host", placeholder="smtp.example.org")
            yield Label(_("Port"))
            yield Input("587", id="port", type="integer")
            yield Label(_("Security"))
            yield Select(SECURITY, value="starttls", allow_blank=False, id="security")
            yield Label(_("User name (optional)"))
            yield Input(id="user")
            yield Label(_("Password (used once, never saved)"))
            yield Input(id="password", password=True)
            yield Static("", id="send-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Continue"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        host = self.query_one("#host", Input).value.strip()
        port = self.query_one("#port", Input).value.strip()
        security: Security = self.query_one("#security", Select).value  # type: ignore[assignment]
        user = self.query_one("#user", Input).value.strip() or None
        password = self.query_one("#password", Input).value or None
        error = self.query_one("#send-error", Static)
        if not host or not port.isdigit():
            error.update(_("Type the mail server's host name and port."))
            return
        server = Server(host, int(port), security, user)
        try:
            server.check()
        except ExposureError as exc:
            error.update(exc.message)
            return
        self.dismiss(SendChoice(server, password))

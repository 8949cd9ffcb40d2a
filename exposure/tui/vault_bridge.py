"""Opening the vault from a thread worker, with its passphrase asked in a modal dialog.

:meth:`Vault.open` calls ``ask`` when there is no secure keyring. The keyring itself can block
(D-Bus), so the whole open runs in a thread; ``ask`` hops to the app's loop, shows
:class:`PassphraseDialog`, and waits on a future until the person answers or cancels.
:func:`session_vault` keeps the unlocked vault for the run, so the passphrase is asked once.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

from textual.app import App

from exposure.tui.dialogs.passphrase_dialog import PassphraseDialog
from exposure.tui.i18n import _
from exposure.tui.session import Session
from exposure.vault.store import Vault, VaultError


def open_vault(app: App[Any], path: Path, *, create: bool) -> Vault:
    """Call from a thread worker only: it blocks while the dialog is open."""
    from exposure.vault.keyring_backend import backend

    notes: list[str] = []  # why a passphrase is asked: shown in its dialog, not behind it

    def ask(prompt: str) -> str:
        answer: Future[str | None] = Future()

        def show() -> None:
            note = "\n\n".join(notes)
            app.push_screen(PassphraseDialog(_(prompt.strip()), note), answer.set_result)

        app.call_from_thread(show)
        passphrase = answer.result()
        if passphrase is None:
            raise VaultError(_("no passphrase was given, so the vault stayed locked"))
        return passphrase

    def notify(message: str) -> None:
        notes.append(message)

    return Vault.open(path, keyring=backend(), ask=ask, notify=notify, create=create)


def session_vault(app: App[Any], session: Session, *, create: bool = False) -> Vault:
    """The vault this run already unlocked, or open it (thread workers only, like above)."""
    if session.vault is None or session.vault.path != session.vault_path:
        session.vault = open_vault(app, session.vault_path, create=create)
    return session.vault

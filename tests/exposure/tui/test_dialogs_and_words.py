"""Dialogs open on a clean screen (no stale notification over them), and what goes wrong is
said in words: never an exception's class, a module path or a keyring backend's name."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, Any

import keyring.errors
import pytest
from keyring.backends import fail
from textual.pilot import Pilot

from exposure import language
from exposure.tui.app import ExposureApp
from exposure.tui.dialogs.confirm_dialog import ConfirmDialog
from exposure.tui.dialogs.error_dialog import describe
from exposure.vault.store import no_keyring_notice
from tests.exposure.tui.test_journey import drive, until

if TYPE_CHECKING:
    from exposure.language import Language


def test_a_dialog_clears_the_notifications_under_it(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        app.notify("Saved, encrypted, somewhere.", timeout=60)
        app.notify("A warning from before.", severity="warning", timeout=60)
        await pilot.pause()
        assert len(app._notifications) == 2
        await pilot.press("w")  # "Wipe saved data?"
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.pause()
        assert len(app._notifications) == 0

    drive(make_app(), scenario)


TECHNICAL = ("keyring.", "Error", "Exception", "backends", "Keyring(")


@pytest.mark.parametrize(
    "error",
    [
        keyring.errors.NoKeyringError("No recommended backend was available."),
        keyring.errors.KeyringLocked("locked"),
        PermissionError(errno.EACCES, "Permission denied", "/home/ana/secret.pdf"),
        FileNotFoundError(errno.ENOENT, "No such file", "/home/ana/x"),
        OSError(errno.ENOSPC, "No space left on device"),
        ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
        TimeoutError("timed out"),
        KeyError("full_name"),
        RuntimeError("Ana Ejemplo's file"),
    ],
    ids=lambda e: type(e).__name__,
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_unexpected_errors_are_said_in_words(error: BaseException, lang: Language) -> None:
    language.set_current(lang)
    try:
        text = describe(error)
    finally:
        language.set_current("en")
    for name in (*TECHNICAL, type(error).__name__):
        assert name not in text
    assert "/home/ana" not in text  # never the exception's own text
    assert "Ana" not in text


def test_no_keyring_is_said_in_words_in_both_languages() -> None:
    name = f"{fail.Keyring.__module__}.{fail.Keyring.__qualname__}"
    assert no_keyring_notice(name).startswith("No password store is available on this computer")
    language.set_current("es")
    try:
        spanish = no_keyring_notice(name)
    finally:
        language.set_current("en")
    assert spanish.startswith("No hay un almacén de contraseñas disponible en esta computadora")
    for text in (no_keyring_notice(name), spanish):
        assert "keyring." not in text
    plaintext = no_keyring_notice("keyrings.alt.file.PlaintextKeyring")
    assert "unencrypted" in plaintext
    assert "keyrings" not in plaintext

"""Saving the profile in the vault, and finding the profile a command should use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exposure.i18n import _
from exposure.profile.files import profile_from_text, profile_to_text
from exposure.profile.model import Profile
from exposure.vault.store import Vault

DOCUMENT = "profile"


def load_from_vault(vault: Vault) -> Profile | None:
    data = vault.read(DOCUMENT)
    if data is None:
        return None
    return profile_from_text(data.decode("utf-8"), ".json", "the saved profile")


def save_to_vault(vault: Vault, profile: Profile) -> None:
    vault.write(DOCUMENT, profile_to_text(profile, ".json").encode("utf-8"))


def identity_warning(path: Path, profile: Profile, warn: Callable[[str], None]) -> None:
    """Plain files are not encrypted: say so when one holds identity fields."""
    if profile.has_identity():
        warn(
            _(
                "warning: {path} holds identity fields (names, addresses, …) in plain text. "
                "Keep them in the vault ('exposure profile import') and delete this file."
            ).format(path=path)
        )

"""Which profile a job runs on: the demo, a file, or the one saved in the vault, validated
against the catalog the same way whichever surface asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from broker_catalog.catalog import Catalog
from exposure.errors import UsageError
from exposure.i18n import _
from exposure.profile.model import Profile
from exposure.vault.store import Vault


def choose_profile(
    catalog: Catalog,
    *,
    demo: bool,
    file: Path | None,
    vault_path: Path,
    unlock: Callable[[], Vault],
    warn: Callable[[str], None],
) -> Profile:
    """--demo, a profile file, or the saved profile; ``unlock`` is called only for the last."""
    from exposure.profile.answers import validate
    from exposure.profile.files import demo_profile, read_profile
    from exposure.profile.store import identity_warning

    source = _("the profile")
    if demo:
        profile = demo_profile()
    elif file is not None:
        source = str(file)
        profile = read_profile(file)
        identity_warning(file, profile, warn)
    elif Vault.exists(vault_path):
        return saved_profile(unlock(), catalog)
    else:
        raise UsageError(
            _("no profile: use --demo, --profile FILE, or save one with 'exposure profile init'")
        )
    return validate(profile, catalog, source)


def saved_profile(vault: Vault, catalog: Catalog, *, purpose: str = "") -> Profile:
    """The profile saved in the vault, validated; a clear refusal when there is none."""
    from exposure.profile.answers import validate
    from exposure.profile.store import load_from_vault

    found = load_from_vault(vault)
    if found is None:
        head = _("the vault has no profile yet")
        tail = _("run 'exposure profile init'")
        raise UsageError("; ".join(part for part in (head, purpose, tail) if part))
    return validate(found, catalog)

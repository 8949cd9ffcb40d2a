"""What commands share at the edge: the catalog, the vault, prompts and notices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.profile.model import Profile
    from exposure.vault.store import Vault


def load_catalog(args: argparse.Namespace) -> Catalog:
    from broker_catalog.loader import load_catalog as load

    return load(args.catalog, use_cache=not args.no_cache)


def vault_path(args: argparse.Namespace) -> Path:
    from exposure import paths

    return args.vault or paths.data_dir()


def warn(message: str) -> None:
    print(message, file=sys.stderr)


def ask_passphrase(prompt: str) -> str:
    import getpass

    from exposure.errors import UsageError

    if not sys.stdin.isatty():
        raise UsageError(
            "the vault needs a passphrase (no secure keyring here), but there is no terminal to "
            "ask it on; run this command in a terminal"
        )
    return getpass.getpass(prompt)


def open_vault(args: argparse.Namespace, *, create: bool = False) -> Vault:
    from exposure.vault.keyring_backend import backend
    from exposure.vault.store import Vault

    return Vault.open(
        vault_path(args), keyring=backend(), ask=ask_passphrase, notify=warn, create=create
    )


def chosen_profile(args: argparse.Namespace, catalog: Catalog) -> Profile:
    """--demo, --profile FILE, or the profile saved in the vault, validated against the catalog."""
    from exposure.errors import UsageError
    from exposure.profile.answers import validate
    from exposure.profile.files import demo_profile, read_profile
    from exposure.profile.store import identity_warning, load_from_vault
    from exposure.vault.store import Vault

    source = "the profile"
    if getattr(args, "demo", False):
        profile = demo_profile()
    elif getattr(args, "profile", None):
        source = str(args.profile)
        profile = read_profile(args.profile)
        identity_warning(args.profile, profile, warn)
    elif Vault.exists(vault_path(args)):
        found = load_from_vault(open_vault(args))
        if found is None:
            raise UsageError("the vault has no profile yet; run 'exposure profile init'")
        profile = found
    else:
        raise UsageError(
            "no profile: use --demo, --profile FILE, or save one with 'exposure profile init'"
        )
    return validate(profile, catalog, source)

"""What commands share at the edge: the catalog, the vault, prompts and notices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.profile.model import Profile
    from exposure.render.wording import Wording
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
    from exposure.i18n import _

    if not sys.stdin.isatty():
        raise UsageError(
            _(
                "the vault needs a passphrase (no secure keyring here), but there is no terminal "
                "to ask it on; run this command in a terminal"
            )
        )
    return getpass.getpass(prompt)


def open_vault(args: argparse.Namespace, *, create: bool = False) -> Vault:
    from exposure.app.vault_access import open_vault as unlock

    return unlock(vault_path(args), ask=ask_passphrase, notify=warn, create=create)


def chosen_profile(args: argparse.Namespace, catalog: Catalog) -> Profile:
    """--demo, --profile FILE, or the profile saved in the vault, validated against the catalog."""
    from exposure.app.profiles import choose_profile

    return choose_profile(
        catalog,
        demo=bool(getattr(args, "demo", False)),
        file=getattr(args, "profile", None),
        vault_path=vault_path(args),
        unlock=lambda: open_vault(args),
        warn=warn,
    )


def words(catalog: Catalog) -> Wording:
    """Sentences for results, in the language the person reads."""
    from exposure.catalog_language import wording

    return wording(catalog)

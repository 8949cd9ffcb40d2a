"""Settings that are not personal data, kept in the user's config folder: today, the language
chosen on the terminal app's welcome screen.

The file is small TOML (``language = "es"``). ``EXPOSURE_SETTINGS`` names another file (tests,
shared workshop machines). A missing, unreadable or unknown setting is simply ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "EXPOSURE_SETTINGS"


def settings_path() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("exposure", appauthor=False) / "settings.toml"


def saved_language() -> str | None:
    """The language saved from the welcome screen, if any (checked by :mod:`exposure.language`)."""
    path = settings_path()
    if not path.is_file():
        return None
    import tomllib

    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("language")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return value if isinstance(value, str) else None


def save_language(code: str) -> Path:
    """Remember the interface language for the next start (no other setting exists yet)."""
    from exposure.atomic import ensure_private_dir, write_atomic

    path = settings_path()
    ensure_private_dir(path.parent)
    write_atomic(path, f'language = "{code}"\n'.encode())
    return path

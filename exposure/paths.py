"""Where exposure keeps personal data on disk, with an override for tests and workshops."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The vault's home. Override with EXPOSURE_VAULT (e.g. a removable drive in a workshop)."""
    override = os.environ.get("EXPOSURE_VAULT")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("exposure", appauthor=False)

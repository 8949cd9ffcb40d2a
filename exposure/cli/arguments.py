"""Argument types shared by commands, kept free of imports that would slow `--help` down."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def cli_path(text: str) -> Path:
    """argparse type for paths; pathlib is imported only when a path is actually given."""
    from pathlib import Path

    return Path(text).expanduser()

"""Argument types shared by commands, kept free of imports that would slow `--help` down."""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing would cost `exposure --help` ~3 ms.
# Type checkers treat a name TYPE_CHECKING as true whatever its value.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def cli_path(text: str) -> Path:
    """argparse type for paths; pathlib is imported only when a path is actually given."""
    from pathlib import Path

    return Path(text).expanduser()


def add_profile_source(parser: argparse.ArgumentParser) -> None:
    """--profile FILE or --demo; without either, commands use the profile saved in the vault."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--profile", type=cli_path, metavar="FILE", help="profile file (JSON or TOML)"
    )
    source.add_argument("--demo", action="store_true", help="use the fictional demo profile")

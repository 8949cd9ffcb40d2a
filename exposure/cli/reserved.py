"""Commands whose names are reserved for features that are planned but not built yet.

They appear in `--help` so the command shape is stable from the start, and they fail with a
clear message (whatever options they are given) instead of argparse's "invalid choice".
"""

from __future__ import annotations

import argparse


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = f"{parser.description} Not available in this version yet."
    parser.set_defaults(handler=_not_yet, reserved=name)


def _not_yet(args: argparse.Namespace) -> int:
    from exposure.errors import UsageError

    raise UsageError(
        f"'exposure {args.reserved}' is planned but not available in this version; "
        "see docs/cli.md for what is"
    )

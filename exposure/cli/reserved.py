"""Commands whose names are reserved for features that are planned but not built yet.

They appear in `--help` so the command shape is stable from the start, and they fail with a
clear message instead of argparse's "invalid choice".
"""

from __future__ import annotations

import argparse
from typing import Any

from exposure.errors import UsageError

RESERVED = {
    "demo": "run the exposure check on the built-in demo profile and write its outputs",
    "audit": "estimate which brokers likely hold your records, from life facts only",
    "profile": "create, show, edit, export, import or wipe your saved profile",
    "letters": "draft opt-out and data-rights letters, e-mails and web-form guides",
    "requests": "track sent requests, deadlines, follow-ups and re-checks",
    "report": "write a PDF report of your exposure and what to do",
    "workshop": "run a workshop for many participants that keeps no personal data",
}


def register(commands: Any) -> None:
    for name, summary in RESERVED.items():
        parser = commands.add_parser(
            name,
            help=f"{summary} (not yet available)",
            description=f"{summary[0].upper()}{summary[1:]}. Not available in this version yet.",
        )
        parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        parser.set_defaults(handler=_not_yet, reserved=name)


def _not_yet(args: argparse.Namespace) -> int:
    raise UsageError(
        f"'exposure {args.reserved}' is planned but not available in this version; "
        "see docs/cli.md for what is"
    )

"""The table of commands: name, one-line summary and the module that builds its parser.

Only this table is read at start-up. A command's module, and whatever it imports, is loaded
only when that command runs (or its help is asked for), so start-up cost does not grow with
the number of commands.
"""

from __future__ import annotations


class Command:
    """A plain class rather than a NamedTuple: importing typing would cost `--help` ~5 ms."""

    __slots__ = ("module", "summary")

    def __init__(self, module: str, summary: str) -> None:
        self.module = module
        self.summary = summary


COMMANDS: dict[str, Command] = {
    "catalog": Command(
        "exposure.cli.catalog_commands", "look at, check and describe the broker catalog"
    ),
    "doctor": Command(
        "exposure.cli.doctor", "show versions, keyring backend, fonts and data paths"
    ),
    "demo": Command("exposure.cli.audit_commands", "run the check on the built-in demo profile"),
    "audit": Command(
        "exposure.cli.audit_commands", "estimate which brokers likely hold your records"
    ),
    "profile": Command(
        "exposure.cli.profile_commands", "create, show, edit, export or wipe your profile"
    ),
    "letters": Command("exposure.cli.letters_commands", "draft opt-out and data-rights letters"),
    "send": Command("exposure.cli.letters_commands", "send drafted e-mails, after confirmation"),
    "requests": Command(
        "exposure.cli.requests_commands", "track requests, deadlines and follow-ups"
    ),
    "report": Command("exposure.cli.report_commands", "write a PDF report of your exposure"),
    "workshop": Command(
        "exposure.cli.workshop_commands", "run a workshop that keeps no personal data"
    ),
}

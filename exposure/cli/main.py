"""The ``exposure`` command: a thin layer of argparse over the library.

Only the standard library is imported here. Each command's module imports what it needs when it
runs, so ``exposure --help`` costs little more than starting Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from exposure.cli import catalog_commands, doctor, reserved

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
See which data brokers most likely hold your records, and get out.
The exposure check needs no personal data: only facts about your life.
Everything stays on this computer; nothing is sent anywhere unless you send it."""

EPILOG = """\
Run 'exposure COMMAND --help' for the options of one command.
Run with no command to open the terminal app (coming; until then this help is shown)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exposure",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    parser.add_argument(
        "--catalog",
        metavar="DIR",
        type=Path,
        default=os.environ.get("EXPOSURE_CATALOG") or None,
        help="use the catalog in DIR instead of the built-in one (env: EXPOSURE_CATALOG)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="validate the catalog afresh instead of using the cache"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    catalog_commands.register(commands)
    doctor.register(commands)
    reserved.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(f"exposure {version('exposure')}")
        return 0
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    return run(handler, args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Call a command; people get a message, not a traceback, unless they ask with --debug."""
    from broker_catalog.errors import UserFacingError

    try:
        return handler(args)
    except UserFacingError as exc:
        if args.debug:
            raise
        print(f"exposure: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("exposure: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `exposure catalog list | head`); that is not a failure.
        sys.stderr.close()
        return 0
    except Exception as exc:
        if args.debug:
            raise
        # An unexpected error's text may quote what it was working on, which can be personal:
        # name only its type, and say how to see more.
        name = type(exc).__name__
        print(f"exposure: internal error ({name}); run with --debug for details", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())

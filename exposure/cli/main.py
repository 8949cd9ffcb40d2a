"""The ``exposure`` command: a thin layer of argparse over the library.

Start-up imports only argparse and the command table. The chosen command's parser and module
are built after the top level is parsed, so ``exposure --help`` costs little more than starting
Python, however many commands there are.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from exposure import language
from exposure.cli.arguments import cli_path
from exposure.cli.commands import COMMANDS

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
See which data brokers most likely hold your records, and get out.
The exposure check needs no personal data: only facts about your life.
Everything stays on this computer; nothing is sent anywhere unless you send it."""

EPILOG = """\
Run 'exposure COMMAND --help' for the options of one command.
Run with no command in a terminal to open the terminal app; 'exposure --demo' opens it on the
fictional demo profile. Without a terminal, this help is shown."""


def _command_list() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["commands:"]
    for name, command in COMMANDS.items():
        lines.append(f"  {name:<{width}}  {command.summary}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: global options, then a command and its own arguments."""
    parser = argparse.ArgumentParser(
        prog="exposure",
        usage="exposure [OPTIONS] COMMAND ...",
        description=DESCRIPTION,
        epilog=f"{_command_list()}\n\n{EPILOG}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    env_catalog = os.environ.get("EXPOSURE_CATALOG")
    parser.add_argument(
        "--catalog",
        metavar="DIR",
        type=cli_path,
        default=cli_path(env_catalog) if env_catalog else None,
        help="use the catalog in DIR instead of the built-in one (env: EXPOSURE_CATALOG)",
    )
    env_vault = os.environ.get("EXPOSURE_VAULT")
    parser.add_argument(
        "--vault",
        metavar="DIR",
        type=cli_path,
        default=cli_path(env_vault) if env_vault else None,
        help="keep the encrypted vault in DIR (env: EXPOSURE_VAULT)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the terminal app on the fictional demo profile",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="validate the catalog afresh instead of using the cache",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "es"),
        default=None,
        help="language of what you read: en (English) or es (Spanish); letters stay in "
        "English (env: EXPOSURE_LANG; default: your locale)",
    )
    parser.add_argument(
        "command", nargs="?", choices=COMMANDS, metavar="COMMAND", help=argparse.SUPPRESS
    )
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    """The full parser of one command, built by the command's own module."""
    command = COMMANDS[name]
    parser = argparse.ArgumentParser(
        prog=f"exposure {name}",
        description=f"{command.summary[0].upper()}{command.summary[1:]}.",
    )
    importlib.import_module(command.module).build(parser, name)
    return parser


# Options of the program rather than of a command: accepted anywhere on the command line.
# (--demo is not here: commands have a --demo of their own.) Name -> takes a value.
GLOBAL_OPTIONS = {
    "--debug": False,
    "--no-cache": False,
    "--catalog": True,
    "--vault": True,
    "--lang": True,
}


def hoist_globals(argv: Sequence[str]) -> list[str]:
    """Move global options found after the command to the front, so that
    ``exposure catalog stats --debug`` means what ``exposure --debug catalog stats`` does.
    Nothing after a ``--`` is touched."""
    front: list[str] = []
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item == "--":
            rest += items[i:]
            break
        name = item.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            takes_value = GLOBAL_OPTIONS[name] and "=" not in item
            front += items[i : i + 2] if takes_value else [item]
            i += 2 if takes_value else 1
            continue
        rest.append(item)
        i += 1
    return front + rest


def main(argv: Sequence[str] | None = None) -> int:
    top = build_parser()
    args = top.parse_args(hoist_globals(sys.argv[1:] if argv is None else argv))
    language.set_current(language.choose(args.lang, saved=_saved_language))
    if args.version:
        from importlib.metadata import version

        print(f"exposure {version('exposure')}")
        return 0
    if args.command is None:
        if args.demo or (sys.stdin.isatty() and sys.stdout.isatty()):
            return run(open_tui, args)
        top.print_help()
        return 0
    parser = command_parser(args.command)
    parser.parse_args(args.arguments, namespace=args)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    return run(handler, args)


def _saved_language() -> str | None:
    from exposure.settings import saved_language

    return saved_language()


def open_tui(args: argparse.Namespace) -> int:
    """The terminal app. Imported only here, so commands never load Textual."""
    from exposure.errors import UsageError
    from exposure.i18n import _

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            _("the terminal app needs a terminal; for a printed check run 'exposure demo'")
        )
    catalog, demo = None, args.demo
    while True:
        from exposure.tui.app import create_app

        app = create_app(
            catalog=catalog,
            catalog_dir=args.catalog,
            use_cache=not args.no_cache,
            vault=args.vault,
            demo=demo,
        )
        app.run()
        if app.switch_language is None:
            return 0
        # The app's words are built when its modules load: start it again, in the new language,
        # on the catalog already loaded.
        language.set_current(app.switch_language)
        catalog, demo = app.session.catalog, False
        for name in [m for m in sys.modules if m.startswith("exposure.tui")]:
            del sys.modules[name]


def open_kiosk(args: argparse.Namespace) -> int:
    """The kiosk: the terminal questionnaire for one workshop participant after another."""
    import datetime as dt

    from exposure.app.intake import Intake
    from exposure.cli.session import load_catalog
    from exposure.errors import UsageError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the kiosk needs a terminal")
    from exposure.tui.kiosk import create_kiosk

    intake = Intake(args.file, load_catalog(args), today=dt.date.today())
    create_kiosk(intake).run()
    return 0


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
        from exposure.i18n import _

        print("exposure: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `exposure catalog list | head`); that is not a failure.
        sys.stderr.close()
        return 0
    except Exception:
        if args.debug:
            raise
        # An unexpected error's text may quote what it was working on, which can be personal,
        # and its class name means nothing to the reader: say what happened and how to see more.
        from exposure.i18n import _

        message = _(
            "internal error: something unexpected stopped the command; run it again with "
            "--debug for details"
        )
        print(f"exposure: {message}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())

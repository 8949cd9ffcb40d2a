"""docs/cli.md, generated from the parser's own help so the reference cannot drift from the code."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator

from exposure.cli.commands import COMMANDS
from exposure.cli.main import build_parser, command_parser

HEADER = """\
# Command reference

Generated from `exposure --help` by `python -m exposure.regenerate`; do not edit by hand.
JSON output formats are described in [json-output.md](json-output.md).
"""


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _walk(
    parser: argparse.ArgumentParser, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, child in _subparsers(parser).items():
        yield from _walk(child, (*path, name))


def walk() -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and subcommand, depth first, with its full command path."""
    yield ("exposure",), build_parser()
    for name in COMMANDS:
        yield from _walk(command_parser(name), ("exposure", name))


def markdown() -> str:
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; make the output stable
    try:
        parts = [HEADER]
        for path, parser in walk():
            parser.prog = " ".join(path)
            level = "#" * min(len(path) + 1, 4)
            parts.append(f"{level} `{' '.join(path)}`\n\n```text\n{parser.format_help()}```\n")
        return "\n".join(parts)
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old

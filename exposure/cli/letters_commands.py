"""`exposure letters` and `exposure send`: draft requests to brokers; send e-mails on request."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from exposure.cli.arguments import add_profile_source, cli_path

if TYPE_CHECKING:
    from pathlib import Path

    from broker_catalog.catalog import Catalog
    from exposure.letters.agent import Agent
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile

KINDS = ("delete", "opt_out", "know", "file_disclosure", "security_freeze")
FORMATS = ("pdf", "eml", "txt", "guide")


def build(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "send":
        _build_send(parser)
        return
    parser.description = (
        "Draft data-rights requests (deletion, opt-out, access, FCRA disclosure or freeze) to "
        "brokers: one file per broker, carrying only the identity fields that broker needs. "
        "By default, to every broker the audit finds likely and that has a route."
    )
    add_profile_source(parser)
    parser.add_argument("--broker", action="append", metavar="ID", help="a broker id (repeatable)")
    parser.add_argument("--kind", choices=KINDS, help="request kind (default: the best per broker)")
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        help="output format (repeatable; default pdf)",
    )
    parser.add_argument(
        "--agent", type=cli_path, metavar="ORG.toml", help="file as this authorized agent"
    )
    parser.add_argument(
        "--merge", action="store_true", help="also write all letters into one PDF for printing"
    )
    parser.add_argument(
        "--record", action="store_true", help="record each letter in the request ledger (vault)"
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="date the letters (default: today)")
    parser.add_argument(
        "--out", type=cli_path, metavar="DIR", required=True, help="folder to write into"
    )
    parser.set_defaults(handler=letters)


def _build_send(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Send the .eml drafts in a folder over SMTP, after showing what will be sent and asking "
        "for confirmation. TLS is required except to a server on this computer. The SMTP "
        "password is kept in the OS keyring (--save-password), never in a file."
    )
    parser.add_argument("folder", type=cli_path, metavar="DIR", help="folder of .eml drafts")
    parser.add_argument("--smtp-host", required=True)
    parser.add_argument("--smtp-port", type=int, default=587)
    parser.add_argument("--security", choices=("starttls", "tls", "none"), default="starttls")
    parser.add_argument("--smtp-user", help="user name for the server (password from the keyring)")
    parser.add_argument("--cafile", help="trust this CA certificate file (for a private server)")
    parser.add_argument(
        "--save-password",
        action="store_true",
        help="ask for the password and keep it in the keyring",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print exactly what would be sent, send nothing"
    )
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(handler=send)


def _default_brokers(profile: Profile, catalog: Catalog) -> list[str]:
    from exposure.engine import audit
    from exposure.engine.result import LETTER_ACTIONS

    result = audit(profile, catalog)
    return [b.id for b in result.brokers if b.action in LETTER_ACTIONS]


def _draft_all(
    args: argparse.Namespace, profile: Profile, catalog: Catalog, agent: Agent | None
) -> tuple[list[Letter], list[str]]:
    import datetime as dt

    from exposure.errors import ExposureError, UsageError
    from exposure.letters.draft import draft_letter

    today = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    ids = args.broker or _default_brokers(profile, catalog)
    letters, skipped = [], []
    for broker_id in ids:
        broker = catalog.by_id.get(broker_id)
        if broker is None:
            raise UsageError(f"no broker '{broker_id}' in the catalog")
        try:
            letters.append(
                draft_letter(broker, profile, catalog, kind=args.kind, agent=agent, today=today)
            )
        except ExposureError as exc:
            skipped.append(f"{broker_id}: {exc.message}")
    return letters, skipped


def letters(args: argparse.Namespace) -> int:
    from exposure.atomic import ensure_private_dir, write_atomic
    from exposure.cli.session import chosen_profile, load_catalog, warn
    from exposure.letters import outputs
    from exposure.letters.agent import read_agent

    catalog = load_catalog(args)
    profile = chosen_profile(args, catalog)
    agent = read_agent(args.agent) if args.agent else None
    drafted, skipped = _draft_all(args, profile, catalog, agent)
    out = ensure_private_dir(args.out)
    written: list[Path] = []
    for letter in drafted:
        for fmt in args.formats or ["pdf"]:
            data = outputs.render(fmt, letter, catalog, profile.identity, agent=agent)
            if data is None:
                warn(
                    f"no e-mail for {letter.broker_id}: no address is known for the broker, "
                    "or the sender has no e-mail address"
                )
                continue
            path = outputs.inside(
                out, f"{letter.broker_id}-{letter.kind}.{outputs.EXTENSIONS[fmt]}"
            )
            write_atomic(path, data)
            written.append(path)
    if agent is not None and any(letter.agent for letter in drafted):
        from exposure.letters.packet import authorization_pdf

        path = outputs.inside(out, "agent-authorization.pdf")
        person = profile.identity.full_name if profile.identity else None
        write_atomic(path, authorization_pdf(agent, person or "", drafted, catalog))
        written.append(path)
    if args.merge and drafted:
        from exposure.letters.pdf import pdf_bytes

        path = outputs.inside(out, "all-letters.pdf")
        write_atomic(path, pdf_bytes(drafted, guide_page=False))
        written.append(path)
    for path in written:
        print(f"wrote {path}")
    if args.record and drafted:
        _record(args, drafted, catalog, profile)
    for note in {n for letter in drafted for n in letter.notes}:
        print(f"note: {note}")
    for line in skipped:
        warn(f"skipped {line}")
    print(
        f"{len(drafted)} letter(s) drafted, {len(skipped)} skipped; files are readable only by you."
    )
    return 0 if drafted or not skipped else 1


def _record(
    args: argparse.Namespace, drafted: list[Letter], catalog: Catalog, profile: Profile
) -> None:
    from exposure.cli.session import open_vault
    from exposure.ledger.record import record_letter
    from exposure.ledger.store import Ledger

    state = profile.answer("state")
    ledger = Ledger.open(open_vault(args, create=True))
    for letter in drafted:
        request_id = record_letter(
            ledger, letter, catalog, state if isinstance(state, str) else None
        )
        print(
            f"recorded request #{request_id} ({letter.broker_name}); when you send it: "
            f"exposure requests mark {request_id} sent"
        )


def send(args: argparse.Namespace) -> int:
    import getpass

    from exposure.cli.session import warn
    from exposure.eml_drafts import read_drafts
    from exposure.errors import UsageError
    from exposure.letters.smtp import Server, password_from_keyring, save_password
    from exposure.letters.smtp import send as smtp_send

    server = Server(args.smtp_host, args.smtp_port, args.security, args.smtp_user, args.cafile)
    server.check()
    paths = sorted(args.folder.glob("*.eml"))
    if not paths:
        raise UsageError(
            f"no .eml drafts in {args.folder}; make some with 'exposure letters --format eml'"
        )
    messages = read_drafts(paths)
    for path, message in zip(paths, messages, strict=True):
        print(f"{path.name}: to {message['To']} — {message['Subject']}")
        if args.dry_run:
            print(message.as_string())
    if args.dry_run:
        print(f"(dry run: {len(messages)} message(s) not sent)")
        return 0
    if args.save_password:
        save_password(server, getpass.getpass(f"SMTP password for {args.smtp_user}: "))
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("refusing to send without confirmation; add --yes")
        if input(f"Send {len(messages)} e-mail(s) through {args.smtp_host}? [y/N] ").lower() != "y":
            print("Nothing sent.")
            return 1
    sent = smtp_send(server, messages, password_from_keyring(server))
    for to in sent:
        print(f"sent to {to}")
    if len(sent) < len(messages):
        warn("some messages were not sent")
    return 0

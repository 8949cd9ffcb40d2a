"""`exposure letters` and `exposure send`: draft requests to brokers; send e-mails on request."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from exposure.cli.arguments import add_profile_source, cli_path

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from broker_catalog.catalog import Catalog
    from exposure.letters.draft import Letter
    from exposure.profile.model import Profile

# Copies of names defined in exposure.letters and exposure.mail, kept here so `--help` stays
# fast; a test (tests/exposure/cli/test_lazy_copies.py) keeps them equal to their sources.
KINDS = ("delete", "opt_out", "know", "file_disclosure", "security_freeze")
FORMATS = ("pdf", "eml", "txt", "guide")
SECURITY = ("starttls", "tls", "none")


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
        "--blanks",
        action="store_true",
        help="print lines to fill in by hand for a missing name, reply address or identity field",
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
    parser.add_argument("--security", choices=SECURITY, default="starttls")
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


def letters(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.app.letter_files import write_letters
    from exposure.app.letters import draft_letters
    from exposure.cli.session import chosen_profile, load_catalog, warn
    from exposure.i18n import _
    from exposure.letters.agent import read_agent

    catalog = load_catalog(args)
    profile = chosen_profile(args, catalog)
    agent = read_agent(args.agent) if args.agent else None
    today = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    drafted = draft_letters(
        profile,
        catalog,
        args.broker,
        kind=args.kind,
        agent=agent,
        today=today,
        blanks=args.blanks,
    )
    written = write_letters(
        args.out,
        drafted.letters,
        args.formats or ["pdf"],
        catalog,
        profile.identity,
        agent=agent,
        merge=args.merge,
    )
    for path in written.paths:
        print(_("wrote {path}").format(path=path))
    for broker_id, why in written.no_email:
        warn(_("no e-mail for {broker}: {why}").format(broker=broker_id, why=why))
    if args.record and drafted.letters:
        _record(args, drafted.letters, catalog, profile, today)
    for note in drafted.notes:
        print(_("note: {note}").format(note=note))
    for skipped in drafted.skipped:
        warn(_("skipped {broker}: {why}").format(broker=skipped.broker_id, why=skipped.why))
    print(
        _("{drafted} letter(s) drafted, {skipped} skipped; files are readable only by you.").format(
            drafted=len(drafted.letters), skipped=len(drafted.skipped)
        )
    )
    return 0 if drafted.letters or not drafted.skipped else 1


def _record(
    args: argparse.Namespace,
    drafted: Sequence[Letter],
    catalog: Catalog,
    profile: Profile,
    today: dt.date,
) -> None:
    from exposure.app.requests import record_letters
    from exposure.cli.session import open_vault
    from exposure.i18n import _

    done = record_letters(open_vault(args, create=True), drafted, catalog, profile, today=today)
    names = {letter.broker_id: letter.broker_name for letter in drafted}
    for broker_id, request_id in done.ids.items():
        print(
            _(
                "recorded request #{id} ({broker}); when you send it: "
                "exposure requests mark {id} sent"
            ).format(id=request_id, broker=names[broker_id])
        )


def send(args: argparse.Namespace) -> int:
    import getpass

    from exposure.cli.session import warn
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.mail.drafts import for_sending, read_drafts
    from exposure.mail.smtp import Server, password_from_keyring, save_password
    from exposure.mail.smtp import send as smtp_send

    server = Server(args.smtp_host, args.smtp_port, args.security, args.smtp_user, args.cafile)
    server.check()
    paths = sorted(args.folder.glob("*.eml"))
    if not paths:
        raise UsageError(
            _("no .eml drafts in {folder}; make some with 'exposure letters --format eml'").format(
                folder=args.folder
            )
        )
    drafts = read_drafts(paths)  # refuses a Bcc or a header exposure did not write
    for draft in drafts:
        to = ", ".join(f"{header}: {address}" for header, address in draft.recipients)
        print(f"{draft.path.name}: {to} — {draft.message['Subject']}")
        if args.dry_run:
            print(draft.text())
    if args.dry_run:
        print(_("(dry run: {n} message(s) not sent)").format(n=len(drafts)))
        return 0
    if args.save_password:
        save_password(
            server, getpass.getpass(_("SMTP password for {user}: ").format(user=args.smtp_user))
        )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(_("refusing to send without confirmation; add --yes"))
        count = sum(len(d.recipients) for d in drafts)
        question = _(
            "Send {n} e-mail(s) to the {count} recipient(s) listed above, through {host}? [y/N] "
        ).format(n=len(drafts), count=count, host=args.smtp_host)
        if input(question).strip().lower() not in ("y", _("y")):
            print(_("Nothing sent."))
            return 1
    sent = smtp_send(server, [for_sending(d) for d in drafts], password_from_keyring(server))
    for to in sent:
        print(_("sent to {address}").format(address=to))
    if len(sent) < len(drafts):
        warn(_("some messages were not sent"))
    return 0

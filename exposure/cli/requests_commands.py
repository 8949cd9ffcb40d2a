"""`exposure requests …`: the ledger of sent requests, deadlines, follow-ups and re-checks."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from exposure.cli.arguments import cli_path

if TYPE_CHECKING:
    import datetime as dt

    from exposure.app.requests import Filter
    from exposure.ledger.store import Request

# Copies of the ledger's enums, kept here so `--help` stays fast; a test
# (tests/exposure/cli/test_lazy_copies.py) keeps them equal to their sources.
STATUSES = (
    "sent", "acknowledged", "extended", "in_progress", "needs_verification", "completed",
    "partially_completed", "denied", "follow_up_sent", "complaint_filed", "relisted",
)  # fmt: skip
REASONS = ("no_match", "could_not_verify", "not_covered", "outside_jurisdiction", "other")
FOLLOWUP_FORMATS = ("pdf", "txt")


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Track every request: its legal deadline, what the broker answered, follow-ups and "
        "relisting re-checks. Overdue requests are listed first. The ledger lives in the vault."
    )
    sub = parser.add_subparsers(dest="requests_command", metavar="SUBCOMMAND", required=True)
    p = sub.add_parser(
        "list",
        help="list requests, overdue first",
        description="List requests, overdue first, then by due date.",
    )
    p.add_argument("--due", action="store_true", help="only requests still waiting for an answer")
    p.add_argument("--overdue", action="store_true", help="only overdue requests")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/json-output.md)")
    p.set_defaults(handler=list_requests)

    p = sub.add_parser(
        "show",
        help="one request and its full history",
        description="Show one request and its history, notes included.",
    )
    p.add_argument("id", type=int)
    p.set_defaults(handler=show)

    p = sub.add_parser(
        "mark",
        help="record what happened: ID STATUS",
        description="Record a status change (an event; history is never rewritten). Statuses: "
        + ", ".join(STATUSES)
        + ".",
    )
    p.add_argument("id", type=int)
    p.add_argument("status", choices=STATUSES, metavar="STATUS")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    p.add_argument("--note", help="a note, kept encrypted")
    p.add_argument("--reason", choices=REASONS, help="why a request was denied")
    p.add_argument(
        "--until", metavar="YYYY-MM-DD", help="for 'extended': the new deadline the broker gave"
    )
    p.add_argument("--reference", help="the broker's case or reference number, kept encrypted")
    p.set_defaults(handler=mark)

    p = sub.add_parser(
        "followup",
        help="draft the next step for an overdue or denied request",
        description="Draft a reminder citing the missed deadline, or, after a reminder or a "
        "denial, a complaint to the regulator, pre-filled from the ledger history.",
    )
    p.add_argument("id", type=int)
    p.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FOLLOWUP_FORMATS,
        help="output format (default pdf)",
    )
    p.add_argument("--agent", type=cli_path, metavar="ORG.toml", help="as this authorized agent")
    p.add_argument("--out", type=cli_path, metavar="DIR", required=True)
    p.set_defaults(handler=followup)

    p = sub.add_parser(
        "calendar",
        help="export deadlines and re-checks as .ics",
        description="Export deadlines, follow-up dates and re-checks as an iCalendar file. "
        "Event titles name only the broker.",
    )
    p.add_argument("--out", type=cli_path, metavar="FILE.ics", required=True)
    p.set_defaults(handler=calendar)

    p = sub.add_parser(
        "export",
        help="export the ledger as CSV",
        description="Export the ledger as CSV, safe against spreadsheet formula injection.",
    )
    p.add_argument("--csv", action="store_true", required=True, help="CSV format")
    p.add_argument("--out", type=cli_path, metavar="FILE", help="write here instead of printing")
    p.set_defaults(handler=export)


def _today(text: str | None) -> dt.date:
    import datetime as dt

    return dt.date.fromisoformat(text) if text else dt.date.today()


def _row(r: Request) -> dict[str, object]:
    return {
        "id": r.id,
        "broker_id": r.broker_id,
        "broker": r.broker_name,
        "kind": r.kind,
        "regime": r.regime,
        "status": r.status.value,
        "sent_on": r.sent_on.isoformat() if r.sent_on else None,
        "due": r.due.isoformat() if r.due else None,
        "overdue": r.overdue,
        "recheck_on": r.recheck_on.isoformat() if r.recheck_on else None,
        "recheck_due": r.recheck_due,
    }


def list_requests(args: argparse.Namespace) -> int:
    from exposure.app.requests import requests
    from exposure.cli.session import open_vault
    from exposure.cli.terminal import print_json, print_table

    only: Filter = "overdue" if args.overdue else ("due" if args.due else "all")
    rows = requests(open_vault(args), today=_today(None), only=only)
    if args.json:
        print_json([_row(r) for r in rows])
        return 0
    table = []
    for r in rows:
        flag = "OVERDUE" if r.overdue else ("RE-CHECK" if r.recheck_due else "")
        due = r.due.isoformat() if r.due else ""
        table.append((r.id, flag, r.status.value, r.broker_name, r.kind, due))
    from exposure.i18n import _

    # Status and kind values stay as typed back to 'requests mark'; the headings are words.
    headings = (_("ID"), "!", _("STATUS"), _("BROKER"), _("KIND"), _("DUE"))
    print_table(headings, table)
    return 0


def show(args: argparse.Namespace) -> int:
    from exposure.app.requests import detail
    from exposure.cli.session import open_vault
    from exposure.cli.terminal import clean
    from exposure.i18n import _

    found = detail(open_vault(args), args.id, today=_today(None))
    r = found.request
    print(
        clean(
            _("#{id} {broker}: {kind} under {law}, now {status}").format(
                id=r.id, broker=r.broker_name, kind=r.kind, law=r.regime, status=r.status.value
            )
        )
    )
    if r.due:
        overdue = " " + _("(OVERDUE)") if r.overdue else ""
        print("  " + _("due {day}").format(day=r.due.isoformat()) + overdue)
    if r.recheck_on:
        now = " " + _("(due now)") if r.recheck_due else ""
        print("  " + _("re-check on {day}").format(day=r.recheck_on.isoformat()) + now)
    if found.reference:
        print(clean("  " + _("reference: {reference}").format(reference=found.reference)))
    for e in found.history:
        extra = "".join(
            [
                f" reason={e.reason.value}" if e.reason else "",
                f" until={e.until}" if e.until else "",
            ]
        )
        print(
            clean(
                f"  {e.on.isoformat()} {e.status.value}{extra}" + (f": {e.note}" if e.note else "")
            )
        )
    return 0


def mark(args: argparse.Namespace) -> int:
    from exposure.app.requests import mark as record
    from exposure.cli.session import open_vault
    from exposure.i18n import _
    from exposure.ledger.lifecycle import DenialReason, Status

    r = record(
        open_vault(args),
        args.id,
        Status(args.status),
        on=_today(args.on),
        today=_today(None),
        note=args.note,
        reason=DenialReason(args.reason) if args.reason else None,
        until=_today(args.until) if args.until else None,
        reference=args.reference,
    )
    due = "; " + _("due {day}").format(day=r.due.isoformat()) if r.due else ""
    now = _("#{id} {broker} is now {status}").format(
        id=r.id, broker=r.broker_name, status=r.status.value
    )
    print(now + due)
    return 0


def followup(args: argparse.Namespace) -> int:
    from exposure.app.profiles import saved_profile
    from exposure.app.requests import follow_up
    from exposure.cli.session import load_catalog, open_vault
    from exposure.i18n import _
    from exposure.letters.agent import read_agent

    catalog = load_catalog(args)
    vault = open_vault(args)
    profile = saved_profile(
        vault, catalog, purpose=_("a follow-up needs the identity used for the request")
    )
    done = follow_up(
        vault,
        args.id,
        args.out,
        args.formats or ["pdf"],
        catalog,
        profile,
        agent=read_agent(args.agent) if args.agent else None,
        today=_today(None),
    )
    for path in done.paths:
        print(_("wrote {path}").format(path=path))
    print(
        _("When you send it: exposure requests mark {id} {status}").format(
            id=done.request.id, status=done.mark_as.value
        )
    )
    return 0


def calendar(args: argparse.Namespace) -> int:
    from exposure.app.requests import write_calendar
    from exposure.cli.session import open_vault
    from exposure.i18n import _

    count = write_calendar(open_vault(args), args.out, today=_today(None))
    print(_("wrote {path} ({count} events)").format(path=args.out, count=count))
    return 0


def export(args: argparse.Namespace) -> int:
    from exposure.app.output import write_file
    from exposure.app.requests import export_csv
    from exposure.cli.session import open_vault

    text = export_csv(open_vault(args), today=_today(None))
    if args.out:
        from exposure.i18n import _

        write_file(args.out, text.encode("utf-8"))
        print(_("wrote {path}").format(path=args.out))
    else:
        print(text, end="")
    return 0

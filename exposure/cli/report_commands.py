"""`exposure report`: a person's PDF report (no identity in it, ever)."""

from __future__ import annotations

import argparse

from exposure.cli.arguments import add_profile_source, cli_path


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Write a PDF report of your likely exposure: summary and chart, each category, what to "
        "do about each broker (with links and checkboxes to tick), what cannot be opted out of, "
        "your requests from the ledger when there is one, and the sources. It never contains "
        "your name, address or any other identity field."
    )
    add_profile_source(parser)
    parser.add_argument("--out", type=cli_path, metavar="FILE.pdf", required=True)
    parser.set_defaults(handler=report)


def report(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.atomic import write_atomic
    from exposure.cli.session import chosen_profile, load_catalog, open_vault, vault_path
    from exposure.engine import audit
    from exposure.ledger.store import FILE, Ledger
    from exposure.reports.individual import individual_report

    catalog = load_catalog(args)
    profile = chosen_profile(args, catalog).without_identity()
    requests = []
    if not args.demo and not args.profile and (vault_path(args) / FILE).exists():
        requests = Ledger.open(open_vault(args)).all(today=dt.date.today())
    pdf = individual_report(
        audit(profile, catalog), catalog, requests=requests, today=dt.date.today()
    )
    write_atomic(args.out, pdf)
    print(f"wrote {args.out}")
    return 0

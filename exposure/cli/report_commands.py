"""`exposure report`: a person's PDF report (no identity in it, ever)."""

from __future__ import annotations

import argparse

from exposure.cli.arguments import add_profile_source, cli_path


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Write a PDF report of your likely exposure. It starts with a two-page summary (the "
        "estimate and a chart, the five steps that matter most with the link or address each "
        "needs, what cannot be opted out of and what helps instead); the full detail follows "
        "as an appendix: each category, what to do about each broker (with links and "
        "checkboxes to tick), your requests from the ledger when there is one, and the "
        "sources. It never contains your name, address or any other identity field."
    )
    add_profile_source(parser)
    parser.add_argument("--out", type=cli_path, metavar="FILE.pdf", required=True)
    parser.add_argument(
        "--short",
        action="store_true",
        help="the two-page summary alone, without the appendix of full detail",
    )
    parser.set_defaults(handler=report)


def report(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.app.report import write_report
    from exposure.app.requests import has_ledger, requests
    from exposure.cli.session import chosen_profile, load_catalog, open_vault, vault_path, words
    from exposure.engine import audit

    catalog = load_catalog(args)
    today = dt.date.today()
    profile = chosen_profile(args, catalog).without_identity()
    saved = not args.demo and not args.profile and has_ledger(vault_path(args))
    rows = requests(open_vault(args), today=today) if saved else []
    path = write_report(
        args.out,
        audit(profile, catalog, today=today),
        catalog,
        requests=rows,
        today=today,
        words=words(catalog),
        short=args.short,
    )
    from exposure.i18n import _

    print(_("wrote {path}").format(path=path))
    return 0

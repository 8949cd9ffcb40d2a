"""`exposure audit` and `exposure demo`: the exposure check, from life facts only."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from exposure.cli.arguments import add_profile_source, cli_path

if TYPE_CHECKING:
    from pathlib import Path

    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit
    from exposure.profile.model import Profile


def build(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "demo":
        parser.description = (
            "Run the exposure check on the built-in demo profile (a fictional person), print the "
            "summary, and with --out write audit.json, audit.md, the PDF report and the demo's "
            "letters (PDF, one per broker with a route, plus all-letters.pdf) to a folder."
        )
        parser.add_argument("--out", type=cli_path, metavar="DIR", help="write the outputs here")
        parser.set_defaults(handler=demo)
        return
    parser.description = (
        "Estimate which data brokers likely hold your records, and what to do first. Reads only "
        "life facts (no name, address or other identity). Without --profile or --demo it uses "
        "the profile saved in your vault."
    )
    add_profile_source(parser)
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON (see docs/json-output.md)")
    form.add_argument("--markdown", action="store_true", help="print Markdown")
    parser.set_defaults(handler=audit)


def audit(args: argparse.Namespace) -> int:
    from exposure.cli.session import chosen_profile, load_catalog
    from exposure.engine import audit as run_audit
    from exposure.render.audit_text import markdown, terminal

    catalog = load_catalog(args)
    result = run_audit(chosen_profile(args, catalog), catalog)
    if args.json:
        print(result.model_dump_json(indent=2))
    elif args.markdown:
        print(markdown(result), end="")
    else:
        print(terminal(result), end="")
    return 0


def demo(args: argparse.Namespace) -> int:
    import datetime as dt

    args.demo = True  # set here: the top-level --demo flag's default would mask a parser default
    from exposure.atomic import ensure_private_dir, write_atomic
    from exposure.cli.session import chosen_profile, load_catalog
    from exposure.engine import audit as run_audit
    from exposure.render.audit_text import markdown, terminal

    catalog = load_catalog(args)
    profile = chosen_profile(args, catalog)
    result = run_audit(profile, catalog)
    print("Demo: a fictional person's likely exposure (no real data).\n")
    print(terminal(result, reasons=False), end="")
    if args.out:
        out = ensure_private_dir(args.out)
        write_atomic(out / "audit.json", result.model_dump_json(indent=2).encode() + b"\n")
        write_atomic(out / "audit.md", markdown(result).encode())
        from exposure.reports.individual import individual_report

        report = individual_report(result, catalog, today=dt.date.today())
        write_atomic(out / "report.pdf", report)
        count = _demo_letters(out / "letters", result, catalog, profile)
        print(f"\nWrote {out / 'audit.json'}, {out / 'audit.md'}, {out / 'report.pdf'},")
        print(f"and {count} letters (PDF) in {out / 'letters'}.")
    return 0


def _demo_letters(folder: Path, result: Audit, catalog: Catalog, profile: Profile) -> int:
    import datetime as dt

    from exposure.atomic import ensure_private_dir, write_atomic
    from exposure.engine.result import LETTER_ACTIONS
    from exposure.errors import ExposureError
    from exposure.letters.draft import draft_letter
    from exposure.pdf.letters import pdf_bytes

    letters = []
    for broker in result.brokers:
        if broker.action in LETTER_ACTIONS:
            try:
                letters.append(
                    draft_letter(catalog.by_id[broker.id], profile, catalog, today=dt.date.today())
                )
            except ExposureError:
                continue  # e.g. a field the demo person lacks; the audit already lists the broker
    ensure_private_dir(folder)
    for letter in letters:
        write_atomic(folder / f"{letter.broker_id}-{letter.kind}.pdf", pdf_bytes([letter]))
    if letters:
        write_atomic(folder / "all-letters.pdf", pdf_bytes(letters, guide_page=False))
    return len(letters)

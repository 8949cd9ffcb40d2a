"""`exposure audit` and `exposure demo`: the exposure check, from life facts only."""

from __future__ import annotations

import argparse

from exposure.cli.arguments import add_profile_source, cli_path


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
    import datetime as dt

    from exposure.cli.session import chosen_profile, load_catalog, words
    from exposure.engine import audit as run_audit
    from exposure.render.audit_json import audit_json
    from exposure.render.audit_text import markdown, terminal

    catalog = load_catalog(args)
    result = run_audit(chosen_profile(args, catalog), catalog, today=dt.date.today())
    wording = words(catalog)
    if args.json:
        print(audit_json(result, wording))
    elif args.markdown:
        print(markdown(result, wording), end="")
    else:
        print(terminal(result, wording), end="")
    return 0


def demo(args: argparse.Namespace) -> int:
    import datetime as dt

    args.demo = True  # set here: the top-level --demo flag's default would mask a parser default
    from exposure.app.letter_files import write_letters
    from exposure.app.letters import draft_letters
    from exposure.app.output import private_folder, write_file
    from exposure.app.report import write_report
    from exposure.cli.session import chosen_profile, load_catalog, words
    from exposure.engine import audit as run_audit
    from exposure.i18n import _
    from exposure.render.audit_json import audit_json
    from exposure.render.audit_text import markdown, terminal

    catalog = load_catalog(args)
    profile = chosen_profile(args, catalog)
    today = dt.date.today()
    result = run_audit(profile, catalog, today=today)
    wording = words(catalog)
    print(_("Demo: a fictional person's likely exposure (no real data).") + "\n")
    print(terminal(result, wording, reasons=False), end="")
    if args.out:
        out = private_folder(args.out)
        write_file(out / "audit.json", audit_json(result, wording).encode() + b"\n")
        write_file(out / "audit.md", markdown(result, wording).encode())
        write_report(out / "report.pdf", result, catalog, today=today, words=wording)
        drafted = draft_letters(profile, catalog, today=today)
        written = write_letters(
            out / "letters", drafted.letters, ["pdf"], catalog, profile.identity, merge=True
        )
        print(
            "\n"
            + _("Wrote {json}, {md}, {report},").format(
                json=out / "audit.json", md=out / "audit.md", report=out / "report.pdf"
            )
        )
        print(
            _("and {n} letters (PDF, in English) in {folder}.").format(
                n=len(drafted.letters), folder=out / "letters"
            )
        )
        sheets = [p for p in written.paths if p.name == _("companion-sheets.pdf")]
        if sheets:
            print(_("Companion sheets, one page per letter: {path}.").format(path=sheets[0]))
    return 0

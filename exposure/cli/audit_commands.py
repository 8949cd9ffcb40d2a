"""`exposure audit` and `exposure demo`: the exposure check, from life facts only."""

from __future__ import annotations

import argparse

from exposure.cli.arguments import cli_path


def build(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "demo":
        parser.description = (
            "Run the exposure check on the built-in demo profile (a fictional person), print the "
            "summary, and with --out write audit.json and audit.md to a folder."
        )
        parser.add_argument("--out", type=cli_path, metavar="DIR", help="write the outputs here")
        parser.set_defaults(handler=demo, demo=True)
        return
    parser.description = (
        "Estimate which data brokers likely hold your records, and what to do first. Reads only "
        "life facts (no name, address or other identity). Without --profile or --demo it uses "
        "the profile saved in your vault."
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--profile", type=cli_path, metavar="FILE", help="profile file (JSON or TOML)"
    )
    source.add_argument(
        "--demo", action="store_true", help="use the built-in fictional demo profile"
    )
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
    from exposure.atomic import ensure_private_dir, write_atomic
    from exposure.cli.session import chosen_profile, load_catalog
    from exposure.engine import audit as run_audit
    from exposure.render.audit_text import markdown, terminal

    catalog = load_catalog(args)
    result = run_audit(chosen_profile(args, catalog), catalog)
    print("Demo: a fictional person's likely exposure (no real data).\n")
    print(terminal(result, reasons=False), end="")
    if args.out:
        out = ensure_private_dir(args.out)
        write_atomic(out / "audit.json", result.model_dump_json(indent=2).encode() + b"\n")
        write_atomic(out / "audit.md", markdown(result).encode())
        print(f"\nWrote {out / 'audit.json'} and {out / 'audit.md'}.")
    return 0

"""`exposure catalog …`: look at, check and describe the broker catalog."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from exposure.cli.arguments import cli_path

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog


# Copies of names defined in the catalog's importers, kept here so `--help` stays fast; a test
# (tests/exposure/cli/test_lazy_copies.py) keeps them equal to their sources.
REGISTRY_FORMATS = ("ca-cppa", "ca-ag", "vt", "opt-out-pages")


def build(parser: argparse.ArgumentParser, name: str) -> None:
    sub = parser.add_subparsers(dest="catalog_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser(
        "validate",
        help="check a catalog folder and report every problem",
        description="Validate every file of a catalog folder (default: the built-in catalog) and "
        "report every problem with its file, line and field. Exits 1 when any is found.",
    )
    p.add_argument("path", nargs="?", type=cli_path, metavar="PATH", help="catalog folder")
    p.set_defaults(handler=validate)

    p = sub.add_parser(
        "list",
        help="list brokers",
        description="List brokers, optionally only those holding one data category.",
    )
    p.add_argument("--category", metavar="C", help="only brokers holding category C")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    p.set_defaults(handler=list_brokers)

    p = sub.add_parser("show", help="show one broker", description="Show one broker's record.")
    p.add_argument("id", metavar="ID", help="broker id, or a name or brand it trades under")
    p.add_argument("--json", action="store_true", help="print the full record as JSON")
    p.set_defaults(handler=show)

    p = sub.add_parser(
        "stats",
        help="counts by category, quality, registry and opt-out",
        description="Count brokers by category, quality level, state registry and opt-out route.",
    )
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    p.set_defaults(handler=stats)

    p = sub.add_parser(
        "freshness",
        help="how recently each researched record and fact was checked",
        description="Count researched records and their sourced facts by the age of their last "
        "check and of their newest source; list the facts not re-checked in this pass, the "
        "contacts whose only source is a registry filing, and mailboxes that name a person. "
        "The pass starts on --since (default: the pass named in catalog.toml, or the release).",
    )
    p.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="first day of the pass")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/json-output.md)")
    p.set_defaults(handler=freshness)

    p = sub.add_parser(
        "import-registry",
        help="import a state registry export into the catalog",
        description="Import a state data broker registry export (or The Markup's opt-out page "
        "list) into the catalog folder: new brokers become 'imported' records, existing records "
        "are updated only in the fields the importer owns, and hand-written facts are never "
        "overwritten. Every problem row is reported with its row and column; nothing is written "
        "unless the whole resulting catalog validates. Formats: ca-cppa, ca-ag, vt, opt-out-pages.",
    )
    p.add_argument("file", type=cli_path, metavar="FILE", help="the CSV export")
    p.add_argument(
        "--format",
        dest="registry_format",
        required=True,
        choices=REGISTRY_FORMATS,
        help="which registry export FILE is",
    )
    p.add_argument("--dry-run", action="store_true", help="show the diff and write nothing")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.set_defaults(handler=import_registry)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of a broker record",
        description="Print the JSON Schema of a broker record, generated from the models.",
    )
    p.set_defaults(handler=schema)

    from exposure.cli.catalog_network_commands import build_network

    build_network(sub)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date like 2026-12-06") from None


def _load(args: argparse.Namespace) -> Catalog:
    from exposure.cli.session import load_catalog

    return load_catalog(args)


def validate(args: argparse.Namespace) -> int:
    from broker_catalog.loader import default_root, load_catalog
    from broker_catalog.translations import LANGUAGES, load_catalog_text

    root = args.path or args.catalog or default_root()
    catalog = load_catalog(root, use_cache=False)
    for lang in LANGUAGES:
        load_catalog_text(catalog, lang, root)
    print(
        f"ok: {len(catalog)} brokers, {len(catalog.categories)} categories and "
        f"{len(catalog.facts)} life facts in {root} are valid, and so are their translations "
        f"({', '.join(LANGUAGES)})"
    )
    return 0


def list_brokers(args: argparse.Namespace) -> int:
    from broker_catalog.stats import broker_summary
    from exposure.cli.terminal import print_json, print_table
    from exposure.errors import UsageError

    catalog = _load(args)
    brokers = catalog.brokers
    if args.category:
        if args.category not in catalog.category_by_id:
            known = ", ".join(catalog.category_by_id)
            raise UsageError(f"unknown category '{args.category}'; known categories: {known}")
        brokers = catalog.by_category[args.category]
    if args.json:
        print_json([broker_summary(b) for b in brokers])
        return 0
    rows = [
        (b.id, b.name, b.quality.value, b.opt_out.available if b.opt_out else "unknown")
        for b in brokers
    ]
    print_table(("ID", "NAME", "QUALITY", "OPT-OUT"), rows)
    return 0


def show(args: argparse.Namespace) -> int:
    from exposure.cli.terminal import clean, print_json
    from exposure.errors import UsageError

    catalog = _load(args)
    broker = catalog.by_id.get(args.id) or catalog.find_brand(args.id)
    if broker is None:
        raise UsageError(f"no broker '{args.id}' in the catalog; try 'exposure catalog list'")
    if args.json:
        print_json(broker.model_dump(mode="json"))
        return 0
    from exposure.cli.broker_text import broker_lines

    for line in broker_lines(broker, catalog):
        print(clean(line))
    return 0


def stats(args: argparse.Namespace) -> int:
    from broker_catalog.stats import catalog_stats, translation_stats
    from exposure.cli.terminal import print_json, print_table

    catalog = _load(args)
    data = catalog_stats(catalog)
    data["translations"] = translation_stats(catalog, args.catalog)
    if args.json:
        print_json(data)
        return 0
    cat = data["catalog"]
    print(f"Catalog {cat['version']} (released {cat['released']}): {data['brokers']} brokers")
    print(f"  with documented government ties: {data['with_government_ties']}")
    print(f"  with immigration-enforcement ties: {data['with_immigration_ties']}")
    for title, key in (
        ("By data category", "by_category"),
        ("By quality", "by_quality"),
        ("By state registry", "by_registry"),
        ("By opt-out route", "by_opt_out"),
    ):
        print(f"\n{title}:")
        print_table(("", "BROKERS"), list(data[key].items()))
    for lang, parts in data["translations"].items():
        print(f"\nTranslation ({lang}), person-facing fields:")
        rows = [
            (name, c["fields"], c["translated"], c["stale"], c["missing"], f"{c['percent']}%")
            for name, c in parts.items()
            if isinstance(c, dict)
        ]
        print_table(("", "FIELDS", "TRANSLATED", "STALE", "MISSING", "DONE"), rows)
        if parts["stale_files"]:
            print(f"  stale (English changed since translated): {', '.join(parts['stale_files'])}")
    return 0


def freshness(args: argparse.Namespace) -> int:
    from broker_catalog.freshness import BAND_NAMES, BAND_ORDER, freshness_json
    from broker_catalog.freshness import freshness as count
    from exposure.cli.terminal import print_json, print_table

    report = count(_load(args), dt.date.today(), args.since)
    if args.json:
        print_json(freshness_json(report))
        return 0
    print(
        f"Pass since {report.since.isoformat()}: {report.records_in_pass} of "
        f"{report.researched} researched records reviewed, {report.facts_in_pass} of "
        f"{report.facts} dated facts re-checked."
    )
    print("\nAge of the last check, and of the newest source:")
    rows = [
        (
            BAND_NAMES[b],
            report.record_check_age[b],
            report.record_source_age[b],
            report.fact_check_age[b],
        )
        for b in BAND_ORDER
    ]
    print_table(("", "RECORDS CHECKED", "NEWEST SOURCE", "FACTS CHECKED"), rows)
    print("\nFacts by kind:")
    kinds = [(k, v["facts"], v["in_pass"]) for k, v in report.facts_by_kind.items()]
    print_table(("", "FACTS", "IN THIS PASS"), kinds)
    print(
        f"\nContacts (e-mail, postal, phone) resting only on a registry filing: "
        f"{len(report.registry_only_contacts)}; from an older filing only: "
        f"{len(report.old_filing_only_contacts)}; mailboxes naming a person: "
        f"{len(report.personal_mailboxes)}."
    )
    for title, items in (
        ("Records not reviewed in this pass", report.records_not_in_pass),
        (
            "Facts not re-checked in this pass",
            [f"{f.broker} {f.where}" for f in report.facts_not_in_pass],
        ),
        ("Mailboxes naming a person", [f"{c.broker} {c.where}" for c in report.personal_mailboxes]),
    ):
        if items:
            print(f"\n{title} ({len(items)}):")
            for item in items:
                print(f"  {item}")
    return 0


def import_registry(args: argparse.Namespace) -> int:
    from broker_catalog.importers import import_registry as run_import
    from broker_catalog.loader import default_root
    from exposure.cli.terminal import clean

    root = args.catalog or default_root()
    report = run_import(
        args.registry_format, args.file, root, today=dt.date.today(), dry_run=args.dry_run
    )
    text = report.summary() if args.quiet else report.render(details=True, diff=args.dry_run)
    print(clean(text))
    if args.dry_run:
        print("(dry run: nothing was written)")
    return 0


def schema(args: argparse.Namespace) -> int:
    from broker_catalog.jsonschema import broker_json_schema

    print(broker_json_schema(), end="")
    return 0

"""`exposure catalog …`: look at, check and describe the broker catalog."""

from __future__ import annotations

import argparse
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


def _load(args: argparse.Namespace) -> Catalog:
    from exposure.cli.session import load_catalog

    return load_catalog(args)


def validate(args: argparse.Namespace) -> int:
    from broker_catalog.loader import default_root, load_catalog

    root = args.path or args.catalog or default_root()
    catalog = load_catalog(root, use_cache=False)
    print(
        f"ok: {len(catalog)} brokers, {len(catalog.categories)} categories and "
        f"{len(catalog.facts)} life facts in {root} are valid"
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
    from broker_catalog.stats import catalog_stats
    from exposure.cli.terminal import print_json, print_table

    data = catalog_stats(_load(args))
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
    return 0


def import_registry(args: argparse.Namespace) -> int:
    import datetime as dt

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

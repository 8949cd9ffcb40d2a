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

    _build_network(sub)


def _load(args: argparse.Namespace) -> Catalog:
    from broker_catalog.loader import load_catalog

    return load_catalog(args.catalog, use_cache=not args.no_cache)


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


# Network maintenance: registry downloads, the link checker, catalog updates. The work is done in
# exposure.net (see docs/catalog-maintenance.md); these are the parsers and thin handlers.


def _build_network(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fetch-registry",
        help="download a state registry export and import it after review",
        description="Download a state data broker registry export, show what importing it would "
        "change (new, changed and no-longer-registered brokers, with a diff), and import it "
        "after confirmation or with --yes. Only California (ca-cppa) publishes a download; "
        "Vermont, Oregon and Texas publish search pages only (see docs/catalog-maintenance.md). "
        "The download link is not built in: copy it from the registry page.",
    )
    p.add_argument("registry", metavar="REGISTRY", help="which registry: ca-cppa")
    p.add_argument("--url", required=True, help="the CSV download link from the registry page")
    p.add_argument("--save", type=cli_path, metavar="FILE", help="keep the downloaded file")
    p.add_argument("--yes", action="store_true", help="import without asking")
    p.add_argument("--quiet", action="store_true", help="print only the summary, not the diff")
    p.add_argument("--json", action="store_true", help="print JSON; imports only with --yes")
    p.set_defaults(handler=fetch_registry)

    p = sub.add_parser(
        "check-links",
        help="check every opt-out and privacy URL in the catalog",
        description="Check every opt-out and privacy URL in the catalog: ok, redirected, moved "
        "permanently, client or server error, timeout, TLS error, redirect loop, or hidden from "
        "search engines (noindex or robots.txt). Sends no personal data. Exits 1 when any URL "
        "does not work. --write records the results in the catalog's link-health.json.",
    )
    p.add_argument("--category", metavar="C", help="only brokers holding category C")
    p.add_argument(
        "--json", action="store_true", help="print JSON (see docs/catalog-maintenance.md)"
    )
    p.add_argument("--write", action="store_true", help="record the results in link-health.json")
    p.add_argument("--concurrency", type=int, default=16, metavar="N", help="requests at once (16)")
    p.add_argument("--per-host", type=int, default=2, metavar="N", help="per host at once (2)")
    p.add_argument("--timeout", type=float, default=45.0, metavar="S", help="seconds per URL (45)")
    p.add_argument("--head-only", action="store_true", help="do not read pages (no noindex check)")
    p.set_defaults(handler=check_links)

    p = sub.add_parser(
        "update",
        help="install a newer catalog release after verifying its checksum",
        description="Download a catalog release archive (.tar.gz), verify its SHA-256 (from "
        "--sha256, or the .sha256 file published beside it), validate it, and install it in the "
        "catalog home, keeping the previous release for 'exposure catalog rollback'. Anything "
        "that does not verify is refused and nothing changes. Use the installed catalog with "
        "--catalog HOME/current (or EXPOSURE_CATALOG); the built-in catalog is never modified.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="URL", help="the archive URL")
    p.add_argument("--sha256", metavar="HEX", help="the expected checksum, published elsewhere")
    p.add_argument("--yes", action="store_true", help="install without asking")
    p.add_argument("--allow-older", action="store_true", help="install an older release")
    p.add_argument("--json", action="store_true", help="print JSON; installs only with --yes")
    p.set_defaults(handler=update)

    p = sub.add_parser(
        "rollback",
        help="go back to the previously installed catalog release",
        description="Make the previously installed catalog release current again (and the "
        "current one previous, so running it twice undoes it).",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=rollback)


def _confirm(question: str, yes: bool) -> bool:
    import sys

    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def fetch_registry(args: argparse.Namespace) -> int:
    import datetime as dt
    import shutil
    import tempfile
    from pathlib import Path

    from broker_catalog.loader import default_root
    from exposure.cli.terminal import clean, print_json, print_table
    from exposure.net import registry_fetch

    name = registry_fetch.check_registry(args.registry)
    root = args.catalog or default_root()
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="exposure-registry-") as tmp:
        csv_path = registry_fetch.fetch(name, args.url, Path(tmp) / f"{name}.csv")
        if args.save:
            shutil.copyfile(csv_path, args.save)
        found = registry_fetch.preview(name, csv_path, root, today)
        report = found.report
        if not args.json:
            print(clean(report.summary() if args.quiet else report.render(diff=True)))
            if found.removed:
                print("\nIn the catalog from this registry but not in this file (review by hand; "
                      "nothing is deleted):")  # fmt: skip
                print_table(("ID", "NAME"), found.removed)
        changes = bool(report.files)
        write = changes and _confirm(f"Write these changes to {root}?", args.yes)
        if write:
            report = registry_fetch.apply(name, csv_path, root, today)
    if args.json:
        print_json(
            {
                "registry": name,
                "url": args.url,
                "new": [c.broker_id for c in found.report.new],
                "changed": [c.broker_id for c in found.report.changed],
                "unchanged": len(found.report.unchanged),
                "problems": [str(p) for p in found.report.problems],
                "removed": [broker_id for broker_id, _ in found.removed],
                "written": write,
            }
        )
    elif write:
        print(clean(report.summary()))
    elif changes:
        print("Nothing was written; run again with --yes to import.")
    else:
        print("Nothing to change.")
    return 0


def check_links(args: argparse.Namespace) -> int:
    import datetime as dt

    from broker_catalog.loader import default_root
    from exposure.cli.terminal import print_json, print_table
    from exposure.errors import UsageError
    from exposure.net import health, summary
    from exposure.net.client import Settings
    from exposure.net.linkcheck import check_urls
    from exposure.net.links import catalog_links
    from exposure.net.progress import Progress

    if args.concurrency < 1 or args.per_host < 1 or args.timeout <= 0:
        raise UsageError("--concurrency and --per-host must be at least 1, --timeout above 0")
    catalog = _load(args)
    brokers = catalog.brokers
    if args.category:
        if args.category not in catalog.category_by_id:
            known = ", ".join(catalog.category_by_id)
            raise UsageError(f"unknown category '{args.category}'; known categories: {known}")
        brokers = catalog.by_category[args.category]
    links = catalog_links(catalog, brokers)
    settings = Settings(
        concurrency=args.concurrency,
        per_host=args.per_host,
        deadline=args.timeout,
        read_pages=not args.head_only,
    )
    progress = Progress(len(links), "checking links")
    try:
        results = check_urls([link.url for link in links], settings, lambda _: progress.advance())
    finally:
        progress.close()
    today = dt.date.today()
    if args.write:
        root = args.catalog or default_root()
        every_url = {link.url for link in catalog_links(catalog)}
        old = health.load_link_health(root)
        written = health.write_link_health(
            root, health.updated(old, results, today, every_url)
        )  # fmt: skip
    if args.json:
        print_json(summary.as_json(results, links, today))
    else:
        print(f"Checked {len(results)} URLs of {len(brokers)} brokers.\n")
        print_table(("STATUS", "URLS"), list(summary.counts(results).items()))
        rows = summary.attention_rows(results, links)
        if rows:
            print("\nNeeds attention:")
            print_table(("STATUS", "URL", "DETAIL", "BROKERS"), rows)
        if args.write:
            print(f"\nLink health written to {written}")
    return 0 if all(r.status.works for r in results) else 1


def update(args: argparse.Namespace) -> int:
    from exposure.cli.terminal import print_json
    from exposure.errors import ExposureError
    from exposure.net import install
    from exposure.net import update as updates

    home = install.catalog_home()
    staged = updates.stage(args.source, home, sha256=args.sha256)
    try:
        if staged.is_older and not args.allow_older:
            raise ExposureError(
                f"the release is {staged.version}, older than the {staged.current_source} "
                f"catalog {staged.current_version}; refusing to go back (add --allow-older)"
            )
        if not args.json:
            print(
                f"Release {staged.version} (released {staged.released}): {staged.brokers} "
                f"brokers; SHA-256 {staged.sha256} verified.\n"
                f"Now in use: {staged.current_version} ({staged.current_source}).\n"
                f"Brokers added: {len(staged.added)}; removed: {len(staged.removed)}."
            )
            for word, ids in (("added", staged.added), ("removed", staged.removed)):
                if ids:
                    print(f"  {word}: {', '.join(ids)}")
        ok = _confirm(f"Install it in {home}?", args.yes) if not args.json else args.yes
        current = updates.commit(staged, home) if ok else None
    finally:
        staged.discard()
    if args.json:
        print_json(
            {
                "version": staged.version,
                "released": staged.released,
                "sha256": staged.sha256,
                "brokers": staged.brokers,
                "added": staged.added,
                "removed": staged.removed,
                "installed": str(current) if current else None,
            }
        )
    elif current is None:
        print("Nothing was installed; run again with --yes to install.")
    else:
        print(
            f"Installed. Use it with: --catalog {current} (or EXPOSURE_CATALOG={current}).\n"
            "The previous release is kept: 'exposure catalog rollback' goes back to it."
        )
    return 0


def rollback(args: argparse.Namespace) -> int:
    from exposure.cli.terminal import print_json
    from exposure.net import install

    home = install.catalog_home()
    now = install.rollback(home)
    names = {
        k: p.name if p else None for k, p in (("current", now.current), ("previous", now.previous))
    }
    if args.json:
        print_json(names)
    else:
        print(f"The current catalog release is now {names['current']} (was {names['previous']}).")
        print(f"It is used with: --catalog {home / install.CURRENT}")
    return 0

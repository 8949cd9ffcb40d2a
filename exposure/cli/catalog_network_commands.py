"""`exposure catalog fetch-registry | check-links | update | rollback`: the catalog commands
that use the network. Kept apart from the local ones so that looking at the catalog never
imports the network code; the work itself is done in exposure.net (docs/catalog-maintenance.md).
"""

from __future__ import annotations

import argparse

from exposure.cli.arguments import cli_path


def build_network(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    from exposure.cli.session import load_catalog

    catalog = load_catalog(args)
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

"""`exposure workshop …`: run a session for many participants that keeps nothing personal."""

from __future__ import annotations

import argparse
import sys

from exposure.cli.arguments import cli_path


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Run a workshop: participants' letters go to folders they choose, and the workshop file "
        "keeps only anonymous tallies for the aggregate report. See docs/facilitator-guide.md."
    )
    sub = parser.add_subparsers(dest="workshop_command", metavar="SUBCOMMAND", required=True)
    p = sub.add_parser(
        "start",
        help="create a workshop file",
        description="Create a workshop file (anonymous tallies only).",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    p.add_argument("--name", required=True, help="the workshop's name, as printed on the report")
    p.add_argument(
        "--threshold", type=int, default=5, help="counts below this are suppressed (default 5)"
    )
    p.set_defaults(handler=start)

    p = sub.add_parser(
        "add",
        help="add participants and print their letters",
        description="Add participants from a CSV of life facts (columns are life-fact ids; any "
        "other column is refused) or one profile file, print each participant's letters into "
        "their own folder (with blanks for what they write by hand), and count them.",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--csv", type=cli_path, metavar="PARTICIPANTS.csv")
    source.add_argument(
        "--profile", type=cli_path, metavar="FILE", help="one participant's profile file"
    )
    p.add_argument(
        "--out",
        type=cli_path,
        metavar="DIR",
        required=True,
        help="letters go to DIR/participant-N/",
    )
    p.add_argument(
        "--report",
        action="store_true",
        help="also print each participant's own report: the two-page summary",
    )
    p.add_argument(
        "--full-report",
        action="store_true",
        help="with --report: the full report (the summary and its appendix) instead",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="print on N processes at once (default: one per core)",
    )
    p.set_defaults(handler=add)

    p = sub.add_parser(
        "close",
        help="close the workshop and list what was kept",
        description="Close the workshop and list exactly what its file kept.",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    p.set_defaults(handler=close)

    p = sub.add_parser(
        "report",
        help="the aggregate PDF for advocacy",
        description="Write the aggregate report from the anonymous tallies.",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    p.add_argument("--out", type=cli_path, metavar="FILE.pdf", required=True)
    p.set_defaults(handler=report)

    p = sub.add_parser(
        "handouts",
        help="one-page explainers per data category",
        description="Print one-page explainers per data category, from the catalog.",
    )
    p.add_argument("--out", type=cli_path, metavar="FILE.pdf", required=True)
    p.set_defaults(handler=handouts)

    from exposure.cli import workshop_serve_commands

    workshop_serve_commands.build(sub)


def start(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.i18n import _
    from exposure.workshop.session import start as start_workshop

    start_workshop(args.file, name=args.name, threshold=args.threshold, today=dt.date.today())
    print(
        _("Workshop '{name}' started in {file} (suppression threshold {threshold}).").format(
            name=args.name, file=args.file, threshold=args.threshold
        )
    )
    return 0


def _progress(done: int, total: int | None) -> None:
    if sys.stderr.isatty():
        bar = "#" * (30 * done // total) if total else ""
        print(f"\r[{bar:<30}] {done}/{total or '?'}", end="", file=sys.stderr, flush=True)


def add(args: argparse.Namespace) -> int:
    """Check every row, then print the batch beside --out and move it in (see workshop.batch)."""
    import datetime as dt

    from exposure.app.workshop_batch import add_participants, default_jobs
    from exposure.atomic import staged_folder
    from exposure.cli.session import load_catalog
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.limits import MAX_PARTICIPANTS
    from exposure.profile.answers import validate
    from exposure.profile.files import read_profile
    from exposure.workshop import batch, session
    from exposure.workshop.participants import read_participants

    catalog = load_catalog(args)
    tallies = session.load(args.file)
    if tallies.closed:
        raise session.WorkshopError(
            _("this workshop is closed ({path}); start a new one").format(path=args.file)
        )
    batch.recover(args.out, tallies.participants)
    today = dt.date.today()
    if args.csv:
        people = list(read_participants(args.csv, catalog))
    else:
        profile = validate(read_profile(args.profile), catalog, str(args.profile))
        people = [(1, profile.without_identity())]
    first = tallies.participants
    if first + len(people) > MAX_PARTICIPANTS:
        raise UsageError(
            _(
                "{path} counts {first} participants; adding {n} would pass the limit of {max} "
                "per workshop: start a new workshop"
            ).format(path=args.file, first=first, n=len(people), max=MAX_PARTICIPANTS)
        )
    taken = [
        n for n in range(first + 1, first + len(people) + 1)
        if (args.out / f"participant-{n}").exists()
    ]  # fmt: skip
    if taken:
        raise UsageError(
            _(
                "{folder} already has participant-{n}: use an empty folder, or the folder this "
                "workshop has been printing into"
            ).format(folder=args.out, n=taken[0])
        )
    with staged_folder(args.out) as stage:
        add_participants(
            tallies,
            [profile for _number, profile in people],
            stage,
            catalog,
            today=today,
            report=args.report or args.full_report,
            full_report=args.full_report,
            jobs=args.jobs or default_jobs(),
            catalog_dir=args.catalog,
            use_cache=not args.no_cache,
            progress=_progress,
        )
        batch.mark_committed(stage, tallies.participants)
        session.save(args.file, tallies)
        batch.publish(stage, args.out)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        _("Added {n} participant(s); letters are in {folder}. Nothing personal was kept.").format(
            n=len(people), folder=args.out
        )
    )
    return 0


def close(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.i18n import _
    from exposure.workshop.session import close as close_workshop

    tallies, kept = close_workshop(args.file, dt.date.today())
    print(_("Workshop '{name}' closed. Its file kept only:").format(name=tallies.name))
    for line in kept:
        print(f"  - {line}")
    print(
        _(
            "No answers, names, addresses or letters were kept. "
            "Participants' folders are theirs to take."
        )
    )
    return 0


def report(args: argparse.Namespace) -> int:
    import datetime as dt

    from exposure.atomic import write_atomic
    from exposure.cli.session import load_catalog
    from exposure.reports.aggregate import aggregate_report
    from exposure.workshop.session import load

    pdf = aggregate_report(load(args.file), load_catalog(args), today=dt.date.today())
    write_atomic(args.out, pdf)
    from exposure.i18n import _

    print(_("wrote {path}").format(path=args.out))
    return 0


def handouts(args: argparse.Namespace) -> int:
    from exposure.atomic import write_atomic
    from exposure.cli.session import load_catalog
    from exposure.reports.handouts import handouts as make

    write_atomic(args.out, make(load_catalog(args)))
    from exposure.i18n import _

    print(_("wrote {path}").format(path=args.out))
    return 0

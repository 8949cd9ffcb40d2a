"""`exposure profile …`: the person's saved profile, kept in the encrypted vault."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from exposure.cli.arguments import cli_path

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from broker_catalog.schema import LifeFact
    from broker_catalog.translations import CatalogText
    from exposure.profile.model import Answer, Profile


FORCE_HELP = "replace the saved profile even with one whose every answer is unknown"


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Create, look at, change, export or wipe your saved profile. It lives in an encrypted "
        "vault (key in the OS keyring, or a passphrase where there is none)."
    )
    sub = parser.add_subparsers(dest="profile_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser(
        "init",
        help="answer the questions and save the profile",
        description="Answer the life-fact questions (no personal data) and save them in the "
        "vault. Type the number of a choice, several numbers separated by commas for "
        "'choose all', or ? for 'I don't know'.",
    )
    p.add_argument(
        "--from",
        dest="source",
        type=cli_path,
        metavar="FILE",
        help="take answers from a profile file",
    )
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(handler=init)

    p = sub.add_parser("show", help="show the saved profile", description="Show the saved profile.")
    p.add_argument("--identity", action="store_true", help="also show identity fields")
    p.add_argument("--json", action="store_true", help="print the profile as JSON")
    p.set_defaults(handler=show)

    p = sub.add_parser(
        "edit",
        help="change answers: FACT=VALUE …",
        description="Change saved answers, e.g. 'exposure profile edit utility_gas=yes "
        "social_media_public=facebook,tiktok state=NM'. VALUE ? means 'I don't know'.",
    )
    p.add_argument("changes", nargs="+", metavar="FACT=VALUE")
    p.set_defaults(handler=edit)

    p = sub.add_parser(
        "export",
        help="write the profile to a file",
        description="Write the saved profile to a JSON or TOML file (by extension). Identity "
        "fields are left out unless --with-identity is given, because the file is not encrypted.",
    )
    p.add_argument("--out", type=cli_path, metavar="FILE", required=True)
    p.add_argument("--with-identity", action="store_true", help="include identity fields")
    p.set_defaults(handler=export)

    p = sub.add_parser(
        "import",
        help="save a profile file into the vault",
        description="Check a profile file against the catalog and save it in the vault, "
        "replacing the saved profile. Delete the plain file afterwards if it holds identity.",
    )
    p.add_argument("file", type=cli_path, metavar="FILE")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(handler=import_file)

    p = sub.add_parser(
        "wipe",
        help="delete the vault and its key",
        description="Delete the vault folder and its key in the OS keyring. This cannot be undone.",
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=wipe)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of a profile file",
        description="Print the JSON Schema of a profile file (see docs/profile.md).",
    )
    p.set_defaults(handler=schema)


def _save(args: argparse.Namespace, profile: Profile, *, source: str | None = None) -> None:
    from exposure.cli.session import open_vault
    from exposure.profile.store import load_from_vault, save_to_vault

    vault = open_vault(args, create=True)
    if source is not None and not getattr(args, "force", False):
        _refuse_blank_over_saved(profile, load_from_vault(vault), source)
    save_to_vault(vault, profile)
    from exposure.i18n import _

    print(
        _("Saved in the vault at {path} (key: {source}).").format(
            path=vault.path, source=vault.key_source
        )
    )


def _refuse_blank_over_saved(new: Profile, saved: Profile | None, source: str) -> None:
    """An empty or all-unknown file would silently erase every saved answer: ask for --force."""
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.profile.answers import is_blank

    if saved is not None and is_blank(new) and not is_blank(saved):
        raise UsageError(
            _(
                "{source} has no answers (every fact unknown) and would replace the saved "
                "profile; nothing was changed. Add --force to replace it anyway"
            ).format(source=source)
        )


def _saved(args: argparse.Namespace) -> Profile:
    from exposure.cli.session import open_vault
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.profile.store import load_from_vault

    found = load_from_vault(open_vault(args))
    if found is None:
        raise UsageError(
            _("the vault has no profile yet") + "; " + _("run 'exposure profile init'")
        )
    return found


def _ask(fact: LifeFact, text: CatalogText) -> Answer:
    """One question in the reader's language; answers are typed as the values the file uses
    (yes / no / ?, state codes, the choices' numbers)."""
    from broker_catalog.schema import AnswerKind
    from exposure.i18n import _
    from exposure.profile.answers import check_answer, parse_answer
    from exposure.profile.model import UNKNOWN

    topic, question = text.fact(fact, "topic"), text.fact(fact, "question")
    print(f"\n[{topic}] {question}\n  " + _("Why we ask: {why}").format(why=text.fact(fact, "why")))
    for n, choice in enumerate(fact.choices, 1):
        print(f"  {n}. {text.fact(fact, f'choices.{choice.value}.label')}")
    hint = {
        AnswerKind.YES_NO: _("yes / no / ?"),
        AnswerKind.STATE: _("two-letter state code, or ?"),
        AnswerKind.STATES: _("state codes separated by commas, none, or ?"),
        AnswerKind.MULTI: _("numbers separated by commas, none, or ?"),
        AnswerKind.CHOICE: _("a number, or ?"),
    }[fact.kind]
    while True:
        try:
            reply = input(f"  ({hint}) > ")
        except EOFError:
            return UNKNOWN
        by_number = {str(n): c.value for n, c in enumerate(fact.choices, 1)}
        if fact.choices:
            reply = ",".join(by_number.get(p.strip(), p.strip()) for p in reply.split(","))
        answer = parse_answer(fact, reply)
        problem = check_answer(fact, answer)
        if problem is None:
            return answer
        print("  " + _("That answer {problem}.").format(problem=problem))


def init(args: argparse.Namespace) -> int:
    from exposure.catalog_language import catalog_text
    from exposure.cli.session import load_catalog
    from exposure.i18n import _
    from exposure.profile.answers import validate
    from exposure.profile.files import read_profile
    from exposure.profile.model import Profile

    catalog = load_catalog(args)
    if args.source:
        profile = validate(read_profile(args.source), catalog, str(args.source))
    else:
        print(_("These questions are about your life, never your name or address."))
        print(_("Answer ? whenever you are not sure: the estimate widens instead of guessing."))
        text = catalog_text(catalog)
        profile = Profile(facts={f.id: _ask(f, text) for f in catalog.facts})
    # Answers typed one by one were each chosen; a file replacing saved answers is checked.
    _save(args, profile, source=str(args.source) if args.source else None)
    return 0


def show(args: argparse.Namespace) -> int:
    from exposure.cli.session import load_catalog

    profile = _saved(args)
    if not args.identity:
        profile = profile.without_identity()
    if args.json:
        print(profile.model_dump_json(indent=2, exclude_none=True))
        return 0
    catalog = load_catalog(args)
    for line in _describe(profile, catalog):
        print(line)
    return 0


def _describe(profile: Profile, catalog: Catalog) -> list[str]:
    from exposure.catalog_language import catalog_text
    from exposure.i18n import _

    text = catalog_text(catalog)
    lines = []
    for fact in catalog.facts:
        answer = profile.answer(fact.id)
        labels = {c.value: text.fact(fact, f"choices.{c.value}.label") for c in fact.choices}
        values = answer if isinstance(answer, list) else [answer]
        shown = ", ".join(labels.get(v, v) for v in values) if values else _("none")
        lines.append(f"{fact.id:<24} {shown}")
    if profile.identity is not None:
        lines.append("")
        lines.append(_("identity:"))
        lines += [f"  {k}: {v}" for k, v in profile.identity.model_dump(exclude_none=True).items()]
    return lines


def edit(args: argparse.Namespace) -> int:
    from broker_catalog.limits import field_name
    from exposure.cli.session import load_catalog
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.profile.answers import parse_answer, validate

    catalog = load_catalog(args)
    profile = _saved(args)
    facts = dict(profile.facts)
    for change in args.changes:
        fact_id, sep, value = change.partition("=")
        fact = catalog.fact_by_id.get(fact_id.strip())
        if not sep or fact is None:
            # Name the fact part only when it looks like a fact id: never repeat the value.
            shown = field_name(fact_id.strip()) if sep else _("(an argument without '=')")
            raise UsageError(
                _(
                    "{shown} is not FACT=VALUE with a known fact; see 'exposure profile show'"
                ).format(shown=shown)
            )
        facts[fact.id] = parse_answer(fact, value)
    _save(args, validate(profile.model_copy(update={"facts": facts}), catalog))
    return 0


def export(args: argparse.Namespace) -> int:
    from exposure.atomic import write_atomic
    from exposure.cli.session import warn
    from exposure.i18n import _
    from exposure.profile.files import profile_to_text

    profile = _saved(args)
    if not args.with_identity:
        profile = profile.without_identity()
    elif profile.has_identity():
        warn(_("warning: the exported file holds identity fields in plain text"))
    write_atomic(args.out, profile_to_text(profile, args.out.suffix.lower()).encode("utf-8"))
    print(_("wrote {path}").format(path=args.out))
    return 0


def import_file(args: argparse.Namespace) -> int:
    from exposure.cli.session import load_catalog
    from exposure.i18n import _
    from exposure.profile.answers import validate
    from exposure.profile.files import read_profile

    profile = validate(read_profile(args.file), load_catalog(args), str(args.file))
    _save(args, profile, source=str(args.file))
    if profile.has_identity():
        print(
            _(
                "The file {path} holds identity in plain text: delete it now that it is saved."
            ).format(path=args.file)
        )
    return 0


def wipe(args: argparse.Namespace) -> int:
    from exposure.cli.session import vault_path
    from exposure.i18n import _
    from exposure.vault.keyring_backend import backend
    from exposure.vault.store import wipe as wipe_vault

    path = vault_path(args)
    if not args.yes:
        if not sys.stdin.isatty():
            from exposure.errors import UsageError

            raise UsageError(_("refusing to wipe without confirmation; add --yes"))
        question = _("Delete the vault at {path} and its key? Type 'wipe' to confirm: ")
        if input(question.format(path=path)) != "wipe":
            print(_("Nothing deleted."))
            return 1
    if wipe_vault(path, backend()):
        print(_("Vault deleted."))
    else:
        print(_("There was no vault at {path}.").format(path=path))
    return 0


def schema(args: argparse.Namespace) -> int:
    import json

    from exposure.profile.model import Profile

    print(json.dumps(Profile.model_json_schema(), indent=2))
    return 0

"""Import one registry file into a catalog: parse, match, merge, validate, then write.

Nothing is written until every resulting record has been rendered, read back and validated,
and the whole catalog as it would be after the import has loaded cleanly from a staging copy.
Then each file is replaced atomically; a dry run stops just before that and reports the same.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from broker_catalog.catalog import brand_key
from broker_catalog.errors import CatalogError, Problem, UserFacingError
from broker_catalog.importers import families, names, record_files
from broker_catalog.importers.dedupe import combine
from broker_catalog.importers.diffing import diff
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.matching import Index, busy_domains
from broker_catalog.importers.merge import Merger, same_content
from broker_catalog.importers.parsing import ParsedFile, parse_registry, registry_for
from broker_catalog.importers.problems import HeldBack, RowProblem
from broker_catalog.importers.report import BrokerChange, FileChange, ImportReport
from broker_catalog.loader import load_catalog
from broker_catalog.schema import Broker, Quality

_FIXED_FILES = ("catalog.toml", "categories.toml", "facts.toml")


@dataclass(slots=True)
class _Plan:
    """Everything decided so far: which filings go to which record, and what it becomes."""

    old: dict[str, Broker]
    assigned: dict[str, list[Filing]] = field(default_factory=dict)
    created: dict[str, Filing] = field(default_factory=dict)
    results: dict[str, Broker] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def import_registry(
    fmt: str, csv_path: Path, catalog_root: Path, *, today: dt.date, dry_run: bool
) -> ImportReport:
    """Import ``csv_path`` (format ``fmt``) into the catalog at ``catalog_root``.

    Raises :class:`CatalogError` for a wrong or truncated file, or when the catalog is broken
    before or would be broken after the import; in both cases nothing is written.
    """
    registry = registry_for(fmt)
    if today > dt.date.today():
        raise UserFacingError(f"the import date {today.isoformat()} is in the future")
    parsed = parse_registry(fmt, csv_path, today=today)
    catalog = load_catalog(catalog_root, use_cache=False, allow_empty=True)  # a first import
    plan = _Plan(old={b.id: b for b in catalog.brokers}, notes=list(parsed.notes))
    plan.problems.extend(parsed.problems)
    _assign(plan, parsed, today)
    merger = Merger(registry, today)
    for broker_id, filings in plan.assigned.items():
        incoming = combine(filings, distinct=True).broker
        plan.results[broker_id] = merger.merge(plan.old[broker_id], incoming)
    plan.notes.extend(merger.notes)
    for broker_id, filing in plan.created.items():
        plan.results[broker_id] = filing.broker.model_copy(update={"id": broker_id})
    _settle_brands(plan)
    _link_parents(plan)
    _stamp(plan, today)
    brokers_dir = catalog_root / "brokers"
    files, new, changed, unchanged = _render(plan, brokers_dir, registry.source.title, today)
    if files:
        _validate_staged(catalog_root, {f.path: f.after for f in files})
    if not dry_run and files:
        record_files.write_all({f.path: f.after for f in files})
    return ImportReport(
        fmt=fmt,
        source_id=registry.source.id,
        csv_path=csv_path,
        catalog_root=catalog_root,
        dry_run=dry_run,
        rows_read=parsed.rows_read,
        brokers_in_file=len(parsed.filings),
        new=tuple(new),
        changed=tuple(changed),
        unchanged=tuple(sorted(unchanged)),
        problems=tuple(sorted(plan.problems, key=lambda p: p.row)),
        notes=tuple(plan.notes),
        held_back=_held_back(plan, registry.source.id),
        files=tuple(files),
    )


def _assign(plan: _Plan, parsed: ParsedFile, today: dt.date) -> None:
    """Match each filing to an existing record or give it a new, stable id."""
    index = Index(plan.old.values())
    busy = busy_domains(f.broker for f in parsed.filings)
    taken = set(plan.old)
    for filing in parsed.filings:
        match = index.match(filing.broker, busy)
        if match is not None:
            plan.assigned.setdefault(match.broker_id, []).append(filing)
            if match.rule != "name":
                plan.notes.append(
                    f"rows {_rows(filing)}: {filing.broker.name!r} is existing record "
                    f"{match.broker_id!r} (same {match.rule})"
                )
            continue
        base, n = filing.broker.id, 1
        while names.with_suffix(base, n) in taken:
            n += 1
        new_id = names.with_suffix(base, n)
        taken.add(new_id)
        plan.created[new_id] = filing
        if n > 1:
            plan.notes.append(
                f"rows {_rows(filing)}: {filing.broker.name!r} gets id {new_id!r} because "
                f"{base!r} is taken by a different broker"
            )
    _assign_shared_pages(plan, parsed, index)


def _assign_shared_pages(plan: _Plan, parsed: ParsedFile, index: Index) -> None:
    """An opt-out page that serves several registrants goes to the others already catalogued."""
    in_file = {names.name_key(f.broker.name) for f in parsed.filings}
    for filing in parsed.filings:
        if filing.broker.opt_out is None:
            continue
        for other in filing.also_applies_to:
            if names.name_key(other) in in_file:
                continue
            target = index.by_name_or_brand(other)
            if target is None:
                plan.notes.append(
                    f"rows {_rows(filing)}: the page also serves {other!r}, which is not in the "
                    "catalog (import its registry first, then re-run)"
                )
                continue
            partial = filing.broker.model_copy(
                update={"name": other, "brands": (), "legal": type(filing.broker.legal)()}
            )
            plan.assigned.setdefault(target, []).append(Filing(filing.rows, partial))
            plan.notes.append(f"rows {_rows(filing)}: the page also serves {target!r}")


def _settle_brands(plan: _Plan) -> None:
    """Each name belongs to one record: a trade name claimed twice stays with the first claimant.

    Untouched records and names already on a record claim first, then this file's new names in
    file order. A new record whose legal name is already another record's trade name cannot be
    created (the loader would refuse the catalog); its rows are reported as skipped.
    """
    owner: dict[str, str] = {}
    untouched = [b for i, b in plan.old.items() if i not in plan.results]
    for broker in untouched:
        for name in (broker.name, *broker.brands):
            owner.setdefault(brand_key(name), broker.id)
    for broker_id in plan.results:
        before = plan.old.get(broker_id)
        if before is not None:
            for name in (before.name, *before.brands):
                owner.setdefault(brand_key(name), broker_id)
    for broker_id, broker in list(plan.results.items()):
        if broker_id in plan.created:
            holder = owner.setdefault(brand_key(broker.name), broker_id)
            if holder != broker_id:
                filing = plan.created.pop(broker_id)
                del plan.results[broker_id]
                for row in filing.rows:
                    plan.problems.append(
                        RowProblem(
                            row,
                            "name",
                            f"a name no other record uses (it is a trade "
                            f"name of {holder!r}; add this broker by hand)",
                            broker.name,
                            skipped=True,
                        )
                    )
                continue
        kept = []
        for brand in broker.brands:
            holder = owner.setdefault(brand_key(brand), broker_id)
            if holder == broker_id:
                kept.append(brand)
            else:
                plan.notes.append(
                    f"{broker_id}: trade name {brand!r} not added, it already belongs to {holder!r}"
                )
        if len(kept) != len(broker.brands):
            plan.results[broker_id] = broker.model_copy(update={"brands": tuple(kept)})


def _link_parents(plan: _Plan) -> None:
    """Point family members at their operating company (see :mod:`families`).

    Runs over the whole catalog, not just this file's records, so that importing the parent
    later still links children imported earlier. A parent set by hand is never replaced, and
    hand-written records are left alone.
    """
    everything = {**plan.old, **plan.results}
    by_key: dict[str, set[str]] = {}
    for broker in everything.values():
        by_key.setdefault(names.name_key(broker.name), set()).add(broker.id)
    for broker_id, broker in everything.items():
        parent_key = families.PARENTS.get(names.name_key(broker.name))
        if parent_key is None or broker.parent is not None:
            continue
        if broker.quality.rank >= Quality.VERIFIED.rank:
            continue
        parents = by_key.get(parent_key, set()) - {broker_id}
        if len(parents) == 1:
            plan.results[broker_id] = broker.model_copy(update={"parent": next(iter(parents))})


def _stamp(plan: _Plan, today: dt.date) -> None:
    """An imported record's ``last_verified`` moves to the import date only if it changed."""
    for broker_id, broker in plan.results.items():
        before = plan.old.get(broker_id)
        if broker.quality.rank >= Quality.VERIFIED.rank:
            continue
        if before is None or not same_content(before, broker):
            plan.results[broker_id] = broker.model_copy(update={"last_verified": today})
        else:
            plan.results[broker_id] = broker.model_copy(
                update={"last_verified": before.last_verified}
            )


def _render(
    plan: _Plan, brokers_dir: Path, title: str, today: dt.date
) -> tuple[list[FileChange], list[BrokerChange], list[BrokerChange], list[str]]:
    files: list[FileChange] = []
    new: list[BrokerChange] = []
    changed: list[BrokerChange] = []
    unchanged: list[str] = []
    for broker_id, result in plan.results.items():
        path = brokers_dir / f"{broker_id}.toml"
        broker = _validated(path, result)
        rows = tuple(sorted({r for f in _filings_of(plan, broker_id) for r in f.rows}))
        before = plan.old.get(broker_id)
        if before is None:
            header = (
                f"Imported from {title} on {today.isoformat()}.\n"
                'quality = "imported": unreviewed registry data; verify before relying on it.'
            )
            text = record_files.render_new(broker, header)
            record_files.check_round_trip(path, text, broker)
            files.append(FileChange(path, None, text))
            new.append(BrokerChange(broker_id, broker.name, path, rows, ()))
            continue
        if broker == before:
            unchanged.append(broker_id)
            continue
        old_text = path.read_text(encoding="utf-8")
        text = record_files.render_update(old_text, before, broker)
        record_files.check_round_trip(path, text, broker)
        if text == old_text:
            unchanged.append(broker_id)
            continue
        files.append(FileChange(path, old_text, text))
        changed.append(
            BrokerChange(broker_id, broker.name, path, rows, tuple(diff(before, broker)))
        )
    return files, new, changed, unchanged


def _validated(path: Path, broker: Broker) -> Broker:
    """Re-validate a merged record: ``model_copy`` updates skip pydantic's checks."""
    from pydantic import ValidationError

    try:
        return Broker.model_validate(broker.model_dump())
    except ValidationError as exc:
        problems = [Problem(path, ".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]
        raise CatalogError(problems) from None


def _validate_staged(root: Path, texts: dict[Path, str]) -> None:
    """Load the catalog as the import would leave it, from a copy, before touching the real one."""
    brokers_dir = root / "brokers"
    with tempfile.TemporaryDirectory(prefix="exposure-import-") as tmp:
        stage = Path(tmp)
        for name in _FIXED_FILES:
            shutil.copy2(root / name, stage / name)
        (stage / "brokers").mkdir()
        for existing in brokers_dir.glob("*.toml"):
            if existing not in texts:
                shutil.copy2(existing, stage / "brokers" / existing.name)
        for path, text in texts.items():
            (stage / "brokers" / path.name).write_text(text, encoding="utf-8")
        try:
            load_catalog(stage, use_cache=False)
        except CatalogError as exc:
            moved = [
                Problem(_unstage(p.file, stage, root), p.field, p.message, p.line)
                for p in exc.problems
            ]
            raise CatalogError(moved) from None


def _unstage(path: Path, stage: Path, root: Path) -> Path:
    try:
        return root / path.resolve().relative_to(stage.resolve())
    except ValueError:
        return path


def _filings_of(plan: _Plan, broker_id: str) -> list[Filing]:
    if broker_id in plan.created:
        return [plan.created[broker_id]]
    return plan.assigned.get(broker_id, [])


def _held_back(plan: _Plan, source: str) -> tuple[HeldBack, ...]:
    out = []
    for broker_id in plan.results:
        for filing in _filings_of(plan, broker_id):
            out += [HeldBack(broker_id, f, v, source) for f, v in filing.held_back]
    return tuple(out)


def _rows(filing: Filing) -> str:
    return ", ".join(map(str, filing.rows))

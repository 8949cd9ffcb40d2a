"""Load, validate and cross-check the catalog, all or nothing.

A broken file never half-loads the catalog: every file is validated, every problem collected,
and either a complete :class:`Catalog` comes back or a :class:`CatalogError` listing them all.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from broker_catalog import cache, integrity
from broker_catalog.catalog import Catalog, CatalogInfo
from broker_catalog.errors import CatalogError, Problem
from broker_catalog.government_schema import GovernmentSource
from broker_catalog.laws_schema import Law
from broker_catalog.limits import MAX_CATALOG_FILE, field_name, shape_problem, toml_problem
from broker_catalog.locate import field_path, locate, parse_field_path
from broker_catalog.schema import AlternativeGroup, Broker, Category, LifeFact

M = TypeVar("M", bound=BaseModel)

_REQUIRED = 3  # catalog.toml, categories.toml, facts.toml


def default_root() -> Path:
    """The catalog shipped inside the package."""
    return Path(str(resources.files("broker_catalog")))


def default_cache_dir() -> Path:
    """The user's cache folder; EXPOSURE_CACHE_DIR overrides it (tests, read-only homes)."""
    override = os.environ.get("EXPOSURE_CACHE_DIR")
    if override:
        return Path(override) / "catalog"
    from platformdirs import user_cache_path

    return user_cache_path("exposure", appauthor=False) / "catalog"


def catalog_files(root: Path) -> list[Path]:
    """Every file that makes up a catalog, in a stable order (the cache key depends on it)."""
    fixed = [root / "catalog.toml", root / "categories.toml", root / "facts.toml"]
    groups = root / "alternatives.toml"  # optional: "one of these" groups
    fixed += [groups] if groups.is_file() else []
    folders = ("brokers", "laws", "government")
    return fixed + [p for folder in folders for p in sorted((root / folder).glob("*.toml"))]


def load_catalog(
    root: Path | None = None,
    *,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    allow_empty: bool = False,
) -> Catalog:
    """Load the catalog at ``root`` (default: the shipped one), from cache when nothing changed.

    A catalog without brokers is refused (every check would silently find nothing), except
    with ``allow_empty``, for an importer filling a new catalog.
    """
    root = (root or default_root()).resolve()
    files = catalog_files(root)
    missing = [Problem(p, "", "file not found") for p in files[:_REQUIRED] if not p.exists()]
    if missing:
        raise CatalogError(missing)
    refused = file_problems(root, files, allow_empty=allow_empty)
    if refused:
        raise CatalogError(refused)
    if not use_cache:
        return _build(root, files)
    where = cache_dir or default_cache_dir()
    key = cache.cache_key(files, root, where)
    found = cache.read(where, key)
    if found is not None:
        return found
    catalog = _build(root, files)
    cache.write(where, key, catalog)
    return catalog


def file_problems(root: Path, files: list[Path], *, allow_empty: bool = False) -> list[Problem]:
    """What is wrong with the files themselves, found before any is read.

    Catalog files must be plain files inside the catalog folder: a symbolic link could make a
    catalog read a file from anywhere (and a catalog may come from a download), a folder named
    ``x.toml`` cannot be read, and an oversized file is refused before it is parsed.
    """
    problems: list[Problem] = []
    for path in files:
        try:
            info = path.lstat()
        except OSError as exc:
            problems.append(Problem(path, "", f"cannot be read ({exc.strerror})"))
            continue
        if stat.S_ISLNK(info.st_mode):
            problems.append(
                Problem(path, "", "is a symbolic link; catalog files must be plain files")
            )
        elif stat.S_ISDIR(info.st_mode):
            problems.append(Problem(path, "", "is a folder, not a file"))
        elif not stat.S_ISREG(info.st_mode):
            problems.append(Problem(path, "", "is not a plain file"))
        elif info.st_size > MAX_CATALOG_FILE:
            problems.append(
                Problem(path, "", f"is larger than the {MAX_CATALOG_FILE // 1024} KiB limit")
            )
    if not allow_empty and not any(p.parent.name == "brokers" for p in files[3:]):
        problems.append(
            Problem(root / "brokers", "", "holds no broker files (*.toml); a catalog needs one")
        )
    return problems


def _build(root: Path, files: list[Path]) -> Catalog:
    problems: list[Problem] = []
    info = _load_one(files[0], CatalogInfo, problems)
    categories = _load_one(files[1], _Categories, problems)
    facts = _load_one(files[2], _Facts, problems)
    groups_file = [p for p in files if p.parent == root and p.name == "alternatives.toml"]
    groups = _load_one(groups_file[0], _Groups, problems) if groups_file else _Groups()
    rest = files[_REQUIRED + len(groups_file) :]
    broker_files = [p for p in rest if p.parent.name == "brokers"]
    law_files = [p for p in rest if p.parent.name == "laws"]
    government_files = [p for p in rest if p.parent.name == "government"]
    records = [(p, b) for p in broker_files if (b := _load_one(p, Broker, problems))]
    law_records = [(p, law) for p in law_files if (law := _load_one(p, Law, problems))]
    government = [
        (p, g) for p in government_files if (g := _load_one(p, GovernmentSource, problems))
    ]
    laws = [law for _, law in law_records]
    named: list[tuple[Path, str]] = [(p, law.id) for p, law in law_records]
    named += [(p, source.id) for p, source in government]
    problems += [
        Problem(p, "id", f"the file name must match the id: rename to {item_id}.toml")
        for p, item_id in named
        if p.stem != item_id
    ]
    if info is None or categories is None or facts is None or groups is None:
        raise CatalogError(problems)
    problems += [
        _with_line(p)
        for p in integrity.check(
            root, records, categories.category, facts.fact, groups.group, government
        )
    ]
    if problems:
        raise CatalogError(problems)
    ordered = sorted(categories.category, key=lambda c: (c.order, c.id))
    return Catalog(
        info,
        ordered,
        facts.fact,
        (b for _, b in records),
        laws,
        groups.group,
        [g for _, g in government],
    )


class _Categories(BaseModel):
    category: tuple[Category, ...]


class _Facts(BaseModel):
    fact: tuple[LifeFact, ...]


class _Groups(BaseModel):
    group: tuple[AlternativeGroup, ...] = ()


def _load_one(
    path: Path,
    model: type[M],
    problems: list[Problem],
) -> M | None:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, "", f"not UTF-8 text (byte {exc.start}: {exc.reason})"))
        return None
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_problem(exc)
        problems.append(Problem(path, "", f"invalid TOML: {message}", line))
        return None
    except RecursionError:
        problems.append(Problem(path, "", "invalid TOML: nested too deeply"))
        return None
    except OSError as exc:
        problems.append(Problem(path, "", f"cannot be read ({exc.strerror})"))
        return None
    shape = shape_problem(data)
    if shape:
        problems.append(Problem(path, "", shape))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems(path, text, exc))
        return None


def _with_line(problem: Problem) -> Problem:
    """Cross-record checks know the field, not the line: find it in the file's text."""
    if problem.line is not None or not problem.field or not problem.file.is_file():
        return problem
    text = problem.file.read_text(encoding="utf-8")
    line = locate(text, parse_field_path(problem.field))
    return Problem(problem.file, problem.field, problem.message, line)


# pydantic names the member of a union it tried (``literal['unknown']``, ``int``…) in the error
# location; people need the field, not the member.
_UNION_TAG = re.compile(
    r"^(?:int|float|str|bool|date|constrained-str|(?:function-\w+|literal|tuple|list)\[.*\])$"
)


def _problems(path: Path, text: str, exc: ValidationError) -> list[Problem]:
    grouped: dict[tuple[int | str, ...], list[Any]] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and _UNION_TAG.match(p)))
        grouped.setdefault(loc, []).append(error)
    out = []
    for loc, errors in grouped.items():
        # For "X or 'unknown'" fields, the complaint about not being "unknown" is noise.
        real = [e for e in errors if "'unknown'" not in str(e.get("ctx", {}).get("expected", ""))]
        suffix = ' (or "unknown")' if len(real) < len(errors) else ""
        message = "; ".join(dict.fromkeys(_describe(e) for e in (real or errors))) + suffix
        # Any key the file made up may be text (an unknown field, or the key of a table such as
        # ``agents``): only keys shaped like field names are repeated.
        # (pydantic marks a bad key of a table with "[key]" after the key itself.)
        shown = tuple(field_name(p) if isinstance(p, str) else p for p in loc if p != "[key]")
        out.append(Problem(path, field_path(shown) or "(record)", message, locate(text, loc)))
    return out


def _describe(error: Any) -> str:
    """Turn pydantic's wording into a sentence that says what was expected."""
    kind, msg = error["type"], error["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against docs/catalog.md)"
    if kind == "value_error":
        return str(msg).removeprefix("Value error, ")
    # Say what kind of value was found, never the value itself (no message repeats a value).
    return f"{msg[0].lower()}{msg[1:]} (found {_kind(error.get('input'))})"


def _kind(value: object) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "a text"}
    kinds |= {dict: "a table", list: "a list", dt.date: "a date", dt.datetime: "a date and time"}
    return kinds.get(type(value), "a value of another kind")

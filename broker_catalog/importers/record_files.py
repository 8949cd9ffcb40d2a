"""Broker records as TOML files: render new ones, edit existing ones in place, write atomically.

Existing files are edited with tomlkit and only where the record changed, field by field, so a
maintainer's comments, key order and layout survive an import. Every rendered text is read
back with ``tomllib`` and must validate to exactly the intended record; if it does not, the
import stops before anything is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import BaseModel
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Item, Table

from broker_catalog import atomic
from broker_catalog.errors import CatalogError, Problem
from broker_catalog.schema import Broker

_TableLike = Container | Table


def render_new(broker: Broker, header: str) -> str:
    """A new record's file: scalars first, then tables, in the schema's field order."""
    doc = tomlkit.document()
    for line in header.splitlines():
        doc.add(tomlkit.comment(line))
    _fill_table(doc, broker)
    return tomlkit.dumps(doc)


def render_update(text: str, old: Broker, new: Broker) -> str:
    """``text`` (which loads as ``old``) edited to load as ``new``, touching only what changed."""
    doc = tomlkit.parse(text)
    _sync(doc, old, new)
    out = tomlkit.dumps(doc)
    if text.endswith("\n") and not text.endswith("\n\n"):
        out = out.rstrip("\n") + "\n"  # new tables end with a blank line; not at the file's end
    return out


def check_round_trip(path: Path, text: str, intended: Broker) -> None:
    """Refuse to write a text that does not read back as exactly the intended record."""
    try:
        loaded = Broker.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise CatalogError(
            [Problem(path, "", f"importer produced an unreadable record: {exc}")]
        ) from None
    if loaded != intended:
        msg = "importer produced a file that does not read back as the merged record (a bug)"
        raise CatalogError([Problem(path, "", msg)])


def _sync(table: _TableLike, old: BaseModel, new: BaseModel) -> None:
    """Set each changed field; descend into sub-tables and arrays of tables to keep comments."""
    for name in type(new).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        current = table.get(name)
        if after is None:
            if name in table:
                del table[name]
        elif (
            isinstance(after, BaseModel)
            and isinstance(current, Table)
            and not current.is_super_table()
        ):
            _sync(current, before, after)
        elif _is_model_list(after) and isinstance(current, AoT) and before:
            _sync_aot(current, before, after)
        elif _is_model_list(after) and isinstance(current, Array):
            table[name] = _inline_array(after)  # keep the author's inline style
        else:
            table[name] = _item(after)


def _sync_aot(current: AoT, before: tuple[Any, ...], after: tuple[Any, ...]) -> None:
    """Edit the array of tables in place: unchanged entries keep their text and comments."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if op == "equal":
            continue
        for index in reversed(range(i1, i2)):
            del current[index]
        for offset, entry in enumerate(after[j1:j2]):
            table = _table(entry)
            table.add(tomlkit.nl())
            current.insert(i1 + offset, table)


def _inline_array(entries: tuple[Any, ...]) -> Array:
    array = tomlkit.array()
    for entry in entries:
        inline = tomlkit.inline_table()
        for key, value in _table(entry).items():
            inline[key] = value
        array.append(inline)
    if len(entries) > 1:
        array.multiline(True)
    return array


def _is_model_list(value: Any) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(v, BaseModel) for v in value)


def _fill_table(table: _TableLike, model: BaseModel) -> None:
    """Add a model's non-default fields: plain values first, then tables (TOML needs that order)."""
    fields = [
        (name, getattr(model, name))
        for name in type(model).model_fields
        if getattr(model, name) != _default(model, name)
    ]
    fields = [(n, v) for n, v in fields if v is not None and v != ()]
    plain = [(n, v) for n, v in fields if not _is_table_value(v)]
    nested = [(n, v) for n, v in fields if _is_table_value(v)]
    for name, value in plain:
        table.add(name, _item(value))
    for name, value in nested:
        item = _item(value)
        if isinstance(item, Table) and not len(item):
            continue
        table.add(name, item)


def _default(model: BaseModel, name: str) -> Any:
    info = type(model).model_fields[name]
    return info.get_default(call_default_factory=True)


def _is_table_value(value: Any) -> bool:
    return isinstance(value, BaseModel) or _is_model_list(value)


def _table(model: BaseModel) -> Table:
    table = tomlkit.table()
    _fill_table(table, model)
    return table


def _item(value: Any) -> Item:
    if isinstance(value, BaseModel):
        return _table(value)
    if _is_model_list(value):
        aot = tomlkit.aot()
        for entry in value:
            aot.append(_table(entry))
        return aot
    return tomlkit.item(_plain(value)) if not isinstance(value, str) else _string(value)


def _string(value: str) -> Item:
    return tomlkit.string(value, multiline="\n" in value)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # "1" reads back as 1.0 in a float field; write it as people do
    if isinstance(value, dt.date | int | float | bool | str):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def write_all(texts: Mapping[Path, str]) -> None:
    """Write every record file as one change (see broker_catalog.atomic.write_all)."""
    atomic.write_all({path: text.encode("utf-8") for path, text in texts.items()})

"""Field-level differences between two versions of a record, labelled for people.

List entries are labelled by what identifies them ("legal.registries[VT/2021/vt-registry-2021]")
rather than by position, so that adding one registry entry reads as one addition and not as
every later entry having changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

_LABEL_KEYS: dict[str, tuple[str, ...]] = {
    "registries": ("state", "year", "source"),
    "metrics": ("year", "kind", "source"),
    "statements": ("state", "topic", "source"),
    "methods": ("kind",),
    "holdings": ("category",),
    "government_ties": ("agency", "date"),
    "triggers": ("fact",),
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One leaf that differs; ``None`` means the field was absent on that side."""

    path: str
    old: str | None
    new: str | None

    def __str__(self) -> str:
        if self.old is None:
            return f"+ {self.path} = {_short(self.new)}"
        if self.new is None:
            return f"- {self.path} (was {_short(self.old)})"
        return f"~ {self.path}: {_short(self.old)} -> {_short(self.new)}"


def _short(value: str | None, limit: int = 100) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def flatten(model: BaseModel) -> dict[str, str]:
    """Every leaf of a record as ``path -> repr``, with list entries labelled by content."""
    out: dict[str, str] = {}
    _walk(model.model_dump(mode="json"), "", out)
    return out


def _walk(value: Any, path: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        field = path.rsplit(".", 1)[-1]
        seen: dict[str, int] = {}
        for index, item in enumerate(value):
            label = _label(field, item, index)
            seen[label] = seen.get(label, 0) + 1
            if seen[label] > 1:
                label = f"{label}#{seen[label]}"
            _walk(item, f"{path}[{label}]", out)
    else:
        out[path] = value if isinstance(value, str) else repr(value)


def _label(field: str, item: dict[str, Any], index: int) -> str:
    if "id" in item:
        return str(item["id"])
    keys = _LABEL_KEYS.get(field)
    if keys and all(k in item for k in keys):
        return "/".join(str(item[k]) for k in keys)
    return str(index)


def diff(old: BaseModel, new: BaseModel, *, ignore: tuple[str, ...] = ()) -> list[FieldChange]:
    """The leaves that differ, in a stable order; paths starting with ``ignore`` are skipped."""
    before, after = flatten(old), flatten(new)
    changes = []
    for path in sorted(before.keys() | after.keys()):
        if path.startswith(ignore) if ignore else False:
            continue
        if before.get(path) != after.get(path):
            changes.append(FieldChange(path, before.get(path), after.get(path)))
    return changes

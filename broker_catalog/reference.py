"""A Markdown reference of the record schema, generated from the models so it cannot go stale."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from broker_catalog import government_schema, laws_schema, schema

MODELS: tuple[type[BaseModel], ...] = (
    schema.Broker,
    schema.Source,
    schema.Holding,
    schema.HoldingLaw,
    schema.Trigger,
    schema.Flow,
    schema.HoldingRef,
    schema.GovernmentTie,
    schema.OptOut,
    schema.OptOutMethod,
    schema.Legal,
    schema.RegistryEntry,
    schema.RequestMetrics,
    schema.RegistryStatement,
    schema.Disclosures,
    schema.Contacts,
    schema.Category,
    schema.LifeFact,
    schema.Choice,
    schema.AlternativeGroup,
    government_schema.GovernmentSource,
    government_schema.Event,
    government_schema.Lever,
    laws_schema.Law,
    laws_schema.Clause,
    laws_schema.Deadline,
    laws_schema.Citation,
    laws_schema.Regulator,
)


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _type_name(get_args(tp)[0])
    if origin is Literal:
        return " \\| ".join(f'`"{a}"`' for a in get_args(tp))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in get_args(tp) if a is not type(None))
    if origin is tuple:
        return f"list of {_type_name(get_args(tp)[0])}"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return " \\| ".join(f'`"{m.value}"`' for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return getattr(tp, "__name__", str(tp))


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is not None:
        return "(empty)"
    value = field.default
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, BaseModel):
        return "(empty)"
    return f"`{value!r}`" if value not in ((), None) else "—"


def markdown() -> str:
    out = []
    for model in MODELS:
        out.append(f"### {model.__name__}\n")
        doc = " ".join((model.__doc__ or "").split())
        if doc:
            out.append(f"{doc}\n")
        out.append("| field | type | default | notes |")
        out.append("|---|---|---|---|")
        hints = typing.get_type_hints(model, include_extras=True)
        for name, field in model.model_fields.items():
            note = (field.description or "").replace("|", "\\|")
            out.append(f"| `{name}` | {_type_name(hints[name])} | {_default(field)} | {note} |")
        out.append("")
    return "\n".join(out)

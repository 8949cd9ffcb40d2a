"""Reading and writing profile files (JSON or TOML), and the built-in demo profile.

Profile files are plain text a person can read and edit. They are not encrypted, so a file that
holds identity fields earns a warning: the place for identity is the vault.

A profile file may hold anything, typed by anyone: every refusal names the file and the field
and says what was expected, never the value that was found (it may be a name or an address).
Size, nesting and list lengths are checked before validation (see exposure/limits.py).
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from broker_catalog.limits import (
    decode_text,
    field_name,
    read_bytes_limited,
    shape_problem,
    toml_problem,
)
from exposure.i18n import _
from exposure.limits import MAX_PROFILE_FILE
from exposure.profile.answers import ProfileError
from exposure.profile.model import Profile


def _parse(text: str, suffix: str, name: str) -> Any:
    kind = "TOML" if suffix == ".toml" else "JSON"
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        return json.loads(text, object_pairs_hook=lambda pairs: _no_duplicates(pairs, name))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            _("{path} is not valid TOML: {problem}").format(path=name, problem=toml_problem(exc)[0])
        ) from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            _("{path} is not valid JSON (line {line}, column {column}: {problem})").format(
                path=name, line=exc.lineno, column=exc.colno, problem=exc.msg
            )
        ) from None
    except RecursionError:
        raise ProfileError(
            _("{path} is not valid {kind}: nested too deeply").format(path=name, kind=kind)
        ) from None


def _no_duplicates(pairs: list[tuple[str, Any]], name: str) -> dict[str, Any]:
    """JSON allows a key twice (the last one wins); in a profile that hides a mistake."""
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            raise ProfileError(
                _("{path}: the key {key} appears twice in one object").format(
                    path=name, key=field_name(key)
                )
            )
        seen.add(key)
    return dict(pairs)


def profile_from_text(text: str, suffix: str, name: str) -> Profile:
    data = _parse(text, suffix, name)
    problem = shape_problem(data)
    if problem:
        raise ProfileError(
            _("{path} is not a valid profile: {problem}").format(path=name, problem=problem)
        )
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors(include_url=False):
            where = _where(error["loc"])
            # Never echo the offending value: it may be a name or an address. pydantic's "msg"
            # says what was expected; its "input" (the value) is left out.
            reason = str((error.get("ctx") or {}).get("error", ""))
            lines.append(f"{where}: {_expected(error['type'], error['msg'], reason)}")
        raise ProfileError(
            _("{path} is not a valid profile: {problem}").format(
                path=name, problem="; ".join(lines)
            )
        ) from None


def _expected(kind: str, english: str, reason: str = "") -> str:
    """pydantic's words for what was expected (never the value), in the reader's language for
    the common kinds; pydantic's own English otherwise. A date written in the right form that
    does not exist (1988-02-30) says so, not that the form is wrong."""
    from exposure import language

    if kind.startswith("date") and "outside expected range" in reason:
        return _("is a date that does not exist (check the day and the month)")
    if language.current() == language.ENGLISH:
        return english
    words = {
        "missing": _("this field is required"),
        "extra_forbidden": _("this field is not allowed here"),
        "dict_type": _("should be a table of fields"),
        "model_type": _("should be a table of fields"),
        "list_type": _("should be a list"),
        "tuple_type": _("should be a list"),
        "string_type": _("should be text"),
        "int_type": _("should be a whole number"),
        "int_parsing": _("should be a whole number"),
        "bool_type": _("should be true or false"),
        "bool_parsing": _("should be true or false"),
        "date_type": _("should be a date (YYYY-MM-DD)"),
        "date_parsing": _("should be a date (YYYY-MM-DD)"),
        "date_from_datetime_parsing": _("should be a date (YYYY-MM-DD)"),
        "string_too_short": _("should not be empty"),
        "string_too_long": _("is too long"),
        "too_long": _("has too many entries"),
        "literal_error": _("is not one of the accepted values"),
    }
    return words.get(kind, english)


def _where(loc: tuple[int | str, ...]) -> str:
    # A union names its member in the location ("str", "list[str]"): people need the field.
    parts = [p for p in loc if p not in ("str", "list[str]")]
    out = ""
    for part in parts:
        shown = field_name(part)
        out = f"{out}{shown}" if shown.startswith("[") else f"{out}.{shown}" if out else shown
    return out or "(file)"


def read_profile(path: Path) -> Profile:
    if not path.exists():
        raise ProfileError(_("no profile file at {path}").format(path=path))
    data = read_bytes_limited(path, MAX_PROFILE_FILE, ProfileError)
    text = decode_text(data, path, ProfileError)
    return profile_from_text(text, path.suffix.lower(), str(path))


def profile_to_text(profile: Profile, suffix: str) -> str:
    data = profile.model_dump(mode="json", exclude_none=True)
    if suffix == ".toml":
        import tomli_w

        return tomli_w.dumps(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def demo_profile() -> Profile:
    """The fictional demo person (see the comments in demo.toml)."""
    text = resources.files("exposure.profile").joinpath("demo.toml").read_text(encoding="utf-8")
    return profile_from_text(text, ".toml", "the demo profile")

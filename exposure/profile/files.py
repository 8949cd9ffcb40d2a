"""Reading and writing profile files (JSON or TOML), and the built-in demo profile.

Profile files are plain text a person can read and edit. They are not encrypted, so a file that
holds identity fields earns a warning: the place for identity is the vault.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from exposure.i18n import _
from exposure.profile.answers import ProfileError
from exposure.profile.model import Profile


def _parse(text: str, suffix: str, name: str) -> Any:
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "TOML" if suffix == ".toml" else "JSON"
        raise ProfileError(
            _("{name} is not valid {kind}: {problem}").format(name=name, kind=kind, problem=exc)
        ) from None


def profile_from_text(text: str, suffix: str, name: str) -> Profile:
    data = _parse(text, suffix, name)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors(include_url=False):
            where = ".".join(str(p) for p in error["loc"]) or "(file)"
            # Never echo the offending value: it may be a name or an address.
            lines.append(f"  {where}: {error['msg']}")
        head = _("{name} is not a valid profile:").format(name=name)
        raise ProfileError(head + "\n" + "\n".join(lines)) from None


def read_profile(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(_("no profile file at {path}").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            _("cannot read {path}: {problem}").format(path=path, problem=exc)
        ) from None
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

"""An authorized agent: the organisation (legal clinic, advocacy group) filing for a person.

Loaded from a small TOML file (`--agent ORG.toml`), documented in docs/letters.md.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

from broker_catalog.limits import field_name, toml_problem
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.profile.model import one_line

Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(one_line),
]


class Agent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line
    contact: Line
    address: tuple[Line, ...] = ()
    email: Line | None = None
    phone: Line | None = None

    def block(self) -> tuple[str, ...]:
        lines = [self.name, f"Attn: {self.contact}", *self.address]
        return tuple(line for line in (*lines, self.email or "", self.phone or "") if line)

    def signer(self) -> str:
        return f"{self.contact}, for {self.name} (authorized agent)"


def read_agent(path: Path) -> Agent:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Agent.model_validate(data)
    except FileNotFoundError:
        raise ExposureError(_("no agent file at {path}").format(path=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ExposureError(
            _("{path} is not valid TOML: {problem}").format(path=path, problem=toml_problem(exc)[0])
        ) from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        # In words, never the exception's class name.
        if isinstance(exc, UnicodeDecodeError):
            problem = _("it is not UTF-8 text")
        elif isinstance(exc, RecursionError):
            problem = _("it is nested too deeply")
        elif isinstance(exc, PermissionError):
            problem = _("permission denied")
        else:
            problem = _("it cannot be read")
        raise ExposureError(
            _("cannot read {path} as a UTF-8 TOML file ({problem})").format(
                path=path, problem=problem
            )
        ) from None
    except ValidationError as exc:  # name the fields, never the values (nor made-up keys)
        fields = ", ".join(".".join(map(field_name, e["loc"])) for e in exc.errors())
        raise ExposureError(
            _("{path} is not a valid agent file (check: {fields})").format(path=path, fields=fields)
        ) from None

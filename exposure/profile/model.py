"""The profile's two halves, kept apart on purpose.

``facts`` answer the questionnaire and are all the exposure check ever reads: none of them
identifies anyone. ``identity`` is optional and exists only so that letters can be written; the
audit never looks at it, and a profile without it is complete.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from broker_catalog import patterns

UNKNOWN = "unknown"
# C0 and C1 controls (CR, LF, tab, NUL…), and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
CONTROL_MESSAGE = "contains a line break or another control character; type it on one line"


def one_line(value: str) -> str:
    """Refuse a line break or control character in an identity value: in a letter it would
    split the sender block, and in an e-mail header it could add a recipient. The message
    names the problem, never the value (which may be a name or an address)."""
    if _CONTROL.search(value):
        raise ValueError(CONTROL_MESSAGE)
    return value


Answer = str | list[str]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(one_line),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Address(_Strict):
    lines: list[ShortText] = Field(min_length=1, max_length=4, description="street, unit, …")
    city: ShortText
    state: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    postal_code: Annotated[str, StringConstraints(pattern=patterns.ZIP)]
    current: bool = True


class Identity(_Strict):
    """Only what letters need. Every field is optional; each letter carries only what its
    broker needs (the catalog's minimal fields)."""

    full_name: ShortText | None = None
    former_names: list[ShortText] = []
    addresses: list[Address] = []
    phones: list[Annotated[str, StringConstraints(pattern=patterns.PHONE)]] = []
    emails: list[
        Annotated[str, AfterValidator(one_line), StringConstraints(pattern=patterns.EMAIL)]
    ] = []
    date_of_birth: dt.date | None = None

    def is_empty(self) -> bool:
        return self == Identity()


class Profile(_Strict):
    """A profile file or vault document (schema documented in docs/profile.md)."""

    format: Literal["exposure-profile"] = "exposure-profile"
    version: Literal[1] = 1
    facts: dict[str, Answer] = Field(
        default_factory=dict,
        description="life-fact id → answer; 'unknown' or a missing fact means 'I don't know'",
    )
    identity: Identity | None = None

    def answer(self, fact: str) -> Answer:
        return self.facts.get(fact, UNKNOWN)

    def home_state(self) -> str | None:
        """The state the person lives in, or None when they did not say: the one reading of
        the ``state`` answer that the engine, drafting and the ledger all use."""
        state = self.facts.get("state", UNKNOWN)
        return state if isinstance(state, str) and state != UNKNOWN else None

    def without_identity(self) -> Profile:
        return self.model_copy(update={"identity": None})

    def has_identity(self) -> bool:
        return self.identity is not None and not self.identity.is_empty()

"""The sender block, which is how a broker answers: every letter gives it a way to reply.

A letter that asks a broker to "confirm in writing" must say where. The block carries the
person's name and one reply address, chosen to disclose as little as possible: one the letter
already shows (the broker needed it to find the records), else an e-mail (it tells a broker
less than where the person lives), else the current postal address. With none, drafting
refuses, naming the way out; workshop and hand-filled letters get proper blank lines instead.
"""

from __future__ import annotations

from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.letters.agent import Agent
from exposure.letters.identity import BLANK
from exposure.profile.model import Profile


class MissingReplyError(ExposureError):
    """The letter would give the broker no way to answer."""


HAND = "(write by hand)"


def reply_help() -> str:
    """Why no letter can go, and the way out, in the reader's language."""
    return _(
        "A letter must give the broker a way to answer, but the profile has neither a current "
        "postal address nor an e-mail address. Add one to the profile ('exposure profile "
        "import', see docs/profile.md), or use --blanks to print lines to fill in by hand."
    )


BLANK_SENDER = (
    f"Name: {BLANK}",
    f"Address: {BLANK}",
    f"{BLANK}{BLANK[:8]}",
    f"E-mail: {BLANK}",
)


def _reply(profile: Profile, identity: list[tuple[str, str]]) -> list[str]:
    """The return address: what the letter already discloses, else the first e-mail (which
    tells a broker less than where the person lives), else the current postal address; empty
    when the person gave neither."""
    values = {k: v for k, v in identity if not v.endswith(HAND)}
    ident = profile.identity
    current = [a for a in (ident.addresses if ident else ()) if a.current]
    address = (
        [*current[0].lines, f"{current[0].city}, {current[0].state} {current[0].postal_code}"]
        if current
        else []
    )
    email = ident.emails[0] if ident and ident.emails else None
    if "Current address" in values and address:
        return address + ([values["E-mail"]] if "E-mail" in values else [])
    if "E-mail" in values:
        return [values["E-mail"]]
    if email:
        return [email]  # an e-mail discloses less than where the person lives
    return address


def sender(
    profile: Profile,
    identity: list[tuple[str, str]],
    agent: Agent | None,
    *,
    blanks: bool,
) -> tuple[str, ...]:
    """The sender block, which is how the broker answers: the agent's, or the person's name and
    a reply address; blank lines to fill in by hand for workshop letters; else a refusal."""
    if agent is not None:
        return agent.block()
    ident = profile.identity
    name = ident.full_name if ident and ident.full_name else ""
    reply = _reply(profile, identity)
    if name and reply:
        return (name, *reply)
    if not blanks:
        raise MissingReplyError(reply_help())
    if not name and not reply:
        return BLANK_SENDER
    name_line = name or f"Name: {BLANK}"
    if reply:
        return (name_line, *reply)
    return (name_line, *BLANK_SENDER[1:])


def signer(profile: Profile, person: str) -> str:
    """The name under the signature line: the person's, or empty for a blank to fill in."""
    ident = profile.identity
    return person or (ident.full_name if ident and ident.full_name else "")

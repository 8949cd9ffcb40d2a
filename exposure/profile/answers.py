"""Checking a profile's answers against the catalog's life-fact vocabulary.

The questions live in the catalog, so what counts as a valid answer does too: a yes/no fact takes
"yes", "no" or "unknown"; a choice takes one of its values; a multi-choice a list of them; a state
fact a two-letter code. Anything else is an error that names the fact and what it accepts.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.limits import field_name
from broker_catalog.schema import AnswerKind, LifeFact
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.profile.model import UNKNOWN, Answer, Profile


class ProfileError(ExposureError):
    """A profile file or answer is not valid."""


def check_answer(fact: LifeFact, answer: Answer) -> str | None:
    """What is wrong with ``answer``, or None when it is valid.

    The message completes "the answer …" and says what is accepted; it never repeats the
    answer itself, which may be anything a person typed (a name, in the wrong place).
    """
    if answer == UNKNOWN:
        return None
    allowed = sorted(fact.allowed_values())
    many = fact.kind in (AnswerKind.MULTI, AnswerKind.STATES)
    if many:
        if not isinstance(answer, list):
            return _("should be a list (possibly empty) of: {values}").format(
                values=", ".join(allowed)
            )
        if len(answer) > len(allowed):
            return _("lists more values than there are choices ({n})").format(n=len(allowed))
        if any(a not in allowed for a in answer):
            return _("holds a value that is not one of: {values}").format(values=", ".join(allowed))
        if len(set(answer)) != len(answer):
            return _("lists the same value twice")
        return None
    if not isinstance(answer, str) or answer not in allowed:
        return _("is not one of: {values} (or unknown)").format(values=", ".join(allowed))
    return None


def validate(profile: Profile, catalog: Catalog, source: str | None = None) -> Profile:
    """Raise a :class:`ProfileError` listing every bad answer; return the profile unchanged.

    ``source`` names where the profile came from (a file's path) in the message.
    """
    problems = []
    source = source or _("the profile")
    for fact_id, answer in profile.facts.items():
        fact = catalog.fact_by_id.get(fact_id)
        if fact is None:
            problems.append(
                _("{field}: not a question in this catalog").format(field=field_name(fact_id))
            )
            continue
        message = check_answer(fact, answer)
        if message:
            problems.append(
                _("{field}: the answer {problem}").format(field=fact_id, problem=message)
            )
    if problems:  # one line, as every error the CLI prints
        raise ProfileError(
            _("{source} has answers that do not fit: {problems}").format(
                source=source, problems="; ".join(problems)
            )
        )
    return profile


def is_blank(profile: Profile) -> bool:
    """True when the profile says nothing: every answer unknown (or none) and no identity.

    Saving such a profile over a saved one would lose every answer, so it needs a confirmation.
    """
    return not profile.has_identity() and all(a == UNKNOWN for a in profile.facts.values())


def parse_answer(fact: LifeFact, text: str) -> Answer:
    """Turn typed text (a prompt reply, ``FACT=VALUE`` on the command line) into an answer."""
    text = text.strip()
    if text.lower() in ("", "?", "unknown", "don't know", "dont know", "idk"):
        return UNKNOWN
    if fact.kind in (AnswerKind.MULTI, AnswerKind.STATES):
        if text.lower() in ("none", "-"):
            return []
        items = [t.strip() for t in text.split(",") if t.strip()]
        return [i.upper() if fact.kind is AnswerKind.STATES else i for i in items]
    if fact.kind is AnswerKind.YES_NO:
        lowered = text.lower()
        return {"y": "yes", "n": "no"}.get(lowered, lowered)
    if fact.kind is AnswerKind.STATE:
        return text.upper()
    return text

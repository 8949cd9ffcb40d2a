"""Words shown for the engine's and the ledger's codes (likelihoods, action kinds, request
statuses, denial reasons), translatable in one place."""

from __future__ import annotations

from broker_catalog.schema import Likelihood
from exposure.ledger.lifecycle import DenialReason, Status
from exposure.render.codes import status_words
from exposure.tui.i18n import _

LEVEL_WORDS: dict[Likelihood, str] = {
    Likelihood.LIKELY: _("LIKELY"),
    Likelihood.POSSIBLE: _("possible"),
    Likelihood.UNLIKELY: _("unlikely"),
    Likelihood.UNKNOWN: _("unknown"),
}
ACTION_WORDS: dict[str, str] = {
    "fcra_disclosure_and_freeze": _("FCRA disclosure and freeze"),
    "opt_out": _("opt out"),
    "state_law_request": _("state-law request"),
    "california_drop": _("California DROP"),
    "no_consumer_route": _("no consumer route"),
    "one_of_these": _("one of these"),
    "answer_questions": _("answer first"),
}


def effort_words(effort: int) -> str:
    """The plan's effort score (verification burdens, plus cost) in words."""
    if effort <= 0:
        return _("little effort")
    if effort <= 2:
        return _("some effort")
    if effort <= 5:
        return _("more effort")
    return _("much effort")


# What a request or letter asks for (the ledger's and the drafts' ``kind``).
KIND_WORDS: dict[str, str] = {
    "delete": _("delete"),
    "opt_out": _("opt out"),
    "know": _("access"),
    "file_disclosure": _("file disclosure"),
    "security_freeze": _("security freeze"),
}
# One wording for statuses everywhere (reports, follow-ups, the terminal app).
STATUS_WORDS: dict[Status, str] = {status: status_words(status) for status in Status}
REASON_WORDS: dict[DenialReason, str] = {
    DenialReason.NO_MATCH: _("they found no record of me"),
    DenialReason.COULD_NOT_VERIFY: _("they could not verify who I am"),
    DenialReason.NOT_COVERED: _("they say the law does not cover it"),
    DenialReason.OUTSIDE_JURISDICTION: _("they say I am outside the law's reach"),
    DenialReason.OTHER: _("another reason"),
}

"""Words shown for the engine's and the ledger's codes (likelihoods, action kinds, request
statuses, denial reasons), translatable in one place."""

from __future__ import annotations

from broker_catalog.schema import Likelihood
from exposure.ledger.lifecycle import DenialReason, Status
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


STATUS_WORDS: dict[Status, str] = {
    Status.DRAFTED: _("drafted"),
    Status.SENT: _("sent"),
    Status.ACKNOWLEDGED: _("acknowledged"),
    Status.EXTENDED: _("extended"),
    Status.IN_PROGRESS: _("in progress"),
    Status.NEEDS_VERIFICATION: _("needs verification"),
    Status.COMPLETED: _("completed"),
    Status.PARTIALLY_COMPLETED: _("partly completed"),
    Status.DENIED: _("denied"),
    Status.FOLLOW_UP_SENT: _("follow-up sent"),
    Status.COMPLAINT_FILED: _("complaint filed"),
    Status.RELISTED: _("relisted"),
}
REASON_WORDS: dict[DenialReason, str] = {
    DenialReason.NO_MATCH: _("they found no record of me"),
    DenialReason.COULD_NOT_VERIFY: _("they could not verify who I am"),
    DenialReason.NOT_COVERED: _("they say the law does not cover it"),
    DenialReason.OUTSIDE_JURISDICTION: _("they say I am outside the law's reach"),
    DenialReason.OTHER: _("another reason"),
}

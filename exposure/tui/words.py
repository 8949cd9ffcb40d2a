"""Words shown for the engine's codes (likelihoods, action kinds), translatable in one place."""

from __future__ import annotations

from broker_catalog.schema import Likelihood
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

"""A likelihood as a short bar *and* a word, so nothing is carried by colour alone.

The bar's colour comes from the theme (``$error``, ``$warning``…), so it reads in light and dark
themes; with NO_COLOR the glyphs and the word still say everything.
"""

from __future__ import annotations

from textual.content import Content

from broker_catalog.schema import Likelihood
from exposure.tui.words import LEVEL_WORDS

_FILLED = {
    Likelihood.LIKELY: 3,
    Likelihood.POSSIBLE: 2,
    Likelihood.UNLIKELY: 1,
    Likelihood.UNKNOWN: 0,
}
_STYLE = {
    Likelihood.LIKELY: "$error",
    Likelihood.POSSIBLE: "$warning",
    Likelihood.UNLIKELY: "$success",
    Likelihood.UNKNOWN: "$foreground-muted",
}
WORD_WIDTH = max(len(w) for w in LEVEL_WORDS.values())


def level(likelihood: Likelihood) -> Content:
    """E.g. ``███ LIKELY  ``: three cells of bar, then the word, padded to a fixed width."""
    filled = _FILLED[likelihood]
    bar = Content.styled("█" * filled, _STYLE[likelihood]) + Content("░" * (3 - filled))
    word = LEVEL_WORDS[likelihood].ljust(WORD_WIDTH)
    return Content.assemble(bar, " ", (word, "bold" if filled == 3 else ""))

"""One-line text for letters: a value typed with a line break must not start a new line."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def plain(text: str) -> str:
    """One line of text: control characters (CR, LF, tabs…) become spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())

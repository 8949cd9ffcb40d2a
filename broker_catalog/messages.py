"""The message templates results are rendered from, read from ``messages.toml``.

Kept with the catalog because they are text a person reads, translated like the rest of it;
the engine never reads them (it returns codes), only the edges that render words do.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

Messages = dict[str, dict[str, str]]


@cache
def english() -> Messages:
    """The English templates, by section and code."""
    text = resources.files("broker_catalog").joinpath("messages.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {section: dict(codes) for section, codes in data.items()}

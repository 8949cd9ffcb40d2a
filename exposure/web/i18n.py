"""The web pages' words: every string on a page goes through one translation function, and
every result through :class:`exposure.render.wording.Wording`.

English ships now. Spanish is offered when both halves exist: a Spanish catalog for these pages
(``locale/es/LC_MESSAGES/exposure-web.mo`` beside this file) and Spanish wording for results
(``exposure.language``). Until then, choosing Spanish leads to a page that says so plainly, in
both languages, and offers English.
"""

from __future__ import annotations

import gettext
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.render.wording import Wording

DOMAIN = "exposure-web"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "es": "Español"}

Translate = Callable[[str], str]


def available(lang: str) -> bool:
    """Whether pages and results can be shown in ``lang``."""
    if lang == "en":
        return True
    if lang not in LANGUAGES:
        return False
    has_pages = (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    return has_pages and importlib.util.find_spec("exposure.language") is not None


def translator(lang: str) -> Translate:
    """The one translation function for a page in ``lang`` (English when not available)."""
    if lang == "en" or not available(lang):
        return _same
    found = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)
    return found.gettext


def wording(catalog: Catalog, lang: str) -> Wording:
    """Sentences for results in ``lang``; English until Spanish wording exists."""
    from exposure.render.wording import Wording

    return Wording(catalog)


def _same(text: str) -> str:
    return text

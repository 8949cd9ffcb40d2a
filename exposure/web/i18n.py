"""The web pages' words: every string on a page goes through one translation function, and
every result through :class:`exposure.render.wording.Wording`.

The pages' own words are the ``exposure-web`` gettext domain, beside the interface's catalog
(``exposure/locale/es/LC_MESSAGES/exposure-web.po``, compiled by the build like the rest); the
catalog's questions and the result sentences come in the chosen language from
:mod:`exposure.catalog_language`. Each request picks its own language, so one server serves
English and Spanish at once. A language whose compiled catalog is missing leads to a page that
says so plainly, in both languages, and offers English.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable
from typing import TYPE_CHECKING

from exposure.i18n import LOCALE_DIR

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.render.wording import Wording

DOMAIN = "exposure-web"
LANGUAGES = {"en": "English", "es": "Español"}

Translate = Callable[[str], str]


def available(lang: str) -> bool:
    """Whether pages and results can be shown in ``lang``."""
    if lang == "en":
        return True
    from exposure import language

    if lang not in LANGUAGES or not language.is_supported(lang):
        return False
    return (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


@functools.cache
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def translator(lang: str) -> Translate:
    """The one translation function for a page in ``lang`` (English when not available)."""
    if lang == "en" or not available(lang):
        return _same
    return _translation(lang).gettext


def wording(catalog: Catalog, lang: str) -> Wording:
    """Sentences for results, and the catalog's questions, in ``lang``."""
    from exposure.catalog_language import wording as in_language

    return in_language(catalog, lang if available(lang) else "en")


def _same(text: str) -> str:
    return text

"""The catalog's text and the result sentences in the run's language, loaded once per catalog.

English needs nothing. Another language loads its catalog translations (checked against the
catalog, all or nothing) and message templates the first time they are asked for, and keeps
them for as long as the catalog lives.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from exposure import language

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from broker_catalog.translations import CatalogText
    from exposure.render.wording import Wording

_loaded: dict[tuple[int, str], tuple[weakref.ref[Catalog], CatalogText]] = {}


def catalog_text(catalog: Catalog, lang: str | None = None) -> CatalogText:
    """Catalog sentences in ``lang`` (default: the run's language), English marked where a
    translation is missing or stale."""
    from broker_catalog.translations import LANGUAGES, english, load_catalog_text

    lang = lang or language.current()
    if lang == "en" or lang not in LANGUAGES:
        return english()
    key = (id(catalog), lang)
    found = _loaded.get(key)
    if found is not None and found[0]() is catalog:
        return found[1]
    # The shipped translations serve any catalog (a --catalog DIR too): files for records it
    # lacks are skipped, and lookups go by the English text's fingerprint, so nothing is
    # misattributed; whatever has no current translation shows in English, marked.
    text = load_catalog_text(catalog, lang, strict=False)
    _loaded[key] = (weakref.ref(catalog), text)
    return text


def wording(catalog: Catalog, lang: str | None = None) -> Wording:
    """Result sentences (reasons, actions, the headline) in ``lang``."""
    from broker_catalog.messages import english as english_messages
    from exposure.render.wording import Wording

    text = catalog_text(catalog, lang)
    key = (id(catalog), text.language)
    found = _wordings.get(key)
    if found is not None and found[0]() is catalog:
        return found[1]
    # Built once per catalog and language: screens ask for it once per line they render.
    if text.language == "en":
        made = Wording(catalog)
    else:
        made = Wording(catalog, text.messages(english_messages()), text)
    _wordings[key] = (weakref.ref(catalog), made)
    return made


_wordings: dict[tuple[int, str], tuple[weakref.ref[Catalog], Wording]] = {}

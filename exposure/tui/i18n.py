"""Translatable strings: every user-facing string in the TUI goes through ``_``.

Bound to the ``exposure`` gettext domain. No catalog ships yet, so ``_`` returns the English
text unchanged; a Spanish edition adds ``locale/es/LC_MESSAGES/exposure.mo`` beside this file
without touching any screen. Catalog text (questions, broker records) is data, not code, and
is translated with the catalog instead.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "exposure"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translation = gettext.translation(DOMAIN, localedir=LOCALE_DIR, fallback=True)
_ = _translation.gettext
ngettext = _translation.ngettext

__all__ = ["DOMAIN", "LOCALE_DIR", "_", "ngettext"]

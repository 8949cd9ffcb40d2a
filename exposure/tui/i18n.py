"""Translatable strings: every user-facing string in the TUI goes through ``_``.

The TUI's name for :mod:`exposure.i18n` (the ``exposure`` gettext domain, Spanish in
``exposure/locale/es``). Catalog text (questions, broker records) is data, not code, and is
translated with the catalog instead (``broker_catalog/i18n``).
"""

from __future__ import annotations

from exposure.i18n import DOMAIN, LOCALE_DIR, _, ngettext

__all__ = ["DOMAIN", "LOCALE_DIR", "_", "ngettext"]

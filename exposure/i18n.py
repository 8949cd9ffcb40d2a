"""The interface's translations: gettext catalogs for the ``exposure`` domain.

Spanish lives in ``locale/es/LC_MESSAGES/exposure.po`` (kept in the repository); the build
compiles it to ``exposure.mo`` (see ``[tool.hatch.build.hooks.babel]`` in pyproject.toml). ``_``
translates into the language chosen for the run (:mod:`exposure.language`) at the moment it is
called, so the choice must be made before a screen's text is built. Catalog text (questions,
broker records) is data and is translated beside the catalog, in ``broker_catalog/i18n``.

Not imported by ``exposure --help``: gettext costs import time that the help does not need.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
import string
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from exposure.language import ENGLISH, current

if TYPE_CHECKING:
    from exposure.language import Language

DOMAIN = "exposure"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@functools.cache
def translation(language: Language) -> gettext.NullTranslations:
    """The compiled catalog for ``language``; English, and a missing catalog, translate nothing."""
    if language == ENGLISH:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def has_catalog(language: Language) -> bool:
    """Whether the compiled catalog for ``language`` is installed (``exposure doctor`` tells)."""
    return language == ENGLISH or (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


def _(message: str) -> str:
    """``message`` in the run's language."""
    return translation(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the run's language."""
    return translation(current()).ngettext(singular, plural, n)


def long_date(day: dt.date) -> str:
    """A date written out for people: "December 6, 2026", "6 de diciembre de 2026"."""
    months = (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )
    return _("{month} {day}, {year}").format(
        month=months[day.month - 1], day=day.day, year=day.year
    )


def fill(template: str, /, **params: object) -> str:
    """``template.format(**params)``, except that a value which already ends with a period
    ("Venntel, Inc.") does not get the template's own period as well ("Venntel, Inc..").

    Every sentence built from a template and a name goes through this (or, for ``$name``
    templates, :func:`fill_dollar`), so the rule lives in one place."""
    out: list[str] = []
    ended = False
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if ended and literal.startswith(".") and not literal.startswith(".."):
            literal = literal[1:]
        out.append(literal)
        if field is None:
            ended = False
            continue
        value = _FORMATTER.convert_field(_FORMATTER.get_field(field, (), params)[0], conversion)
        text = _FORMATTER.format_field(value, _FORMATTER.vformat(spec or "", (), params))
        out.append(text)
        ended = text.endswith(".")
    return "".join(out)


def fill_dollar(template: str, values: Mapping[str, str]) -> str:
    """:func:`fill` for ``string.Template`` text (``$broker``): the letters' templates."""

    def placeholder(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        value = values.get(name, "")
        return match.group(0)[:-1] if value.endswith(".") else match.group(0)

    return Template(_DOLLAR_PERIOD.sub(placeholder, template)).substitute(values)


_FORMATTER = string.Formatter()
_DOLLAR_PERIOD = re.compile(r"\$(?:(\w+)|\{(\w+)\})\.(?!\.)")


__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "_",
    "fill",
    "fill_dollar",
    "has_catalog",
    "long_date",
    "ngettext",
    "translation",
]

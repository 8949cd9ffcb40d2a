"""Which language to speak to the person: ``--lang`` > ``EXPOSURE_LANG`` > the language saved
from the terminal app's welcome screen > the locale.

Stdlib only and cheap to import (``exposure --help`` imports it). The locale variables are read
in POSIX order (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``): the first one that is set
decides. Anything we do not speak, ``C`` and ``POSIX`` included, means English, the fallback
for every text that is not translated.
"""

from __future__ import annotations

import os

# Not `typing`: importing it costs a quarter of a bare interpreter's start-up, and `exposure
# --help` imports this module. The names below exist for the type checker only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Final, Literal, TypeAlias, TypeGuard

    Language: TypeAlias = Literal["en", "es"]

ENGLISH: Final[Language] = "en"
SUPPORTED: Final[tuple[Language, ...]] = ("en", "es")
ENV_VAR: Final = "EXPOSURE_LANG"
LOCALE_VARS: Final = ("LC_ALL", "LC_MESSAGES", "LANG")

_current: Language = ENGLISH


def is_supported(code: str) -> TypeGuard[Language]:
    return code in SUPPORTED


def parse(value: str) -> Language:
    """A language code from a locale-style value: ``es``, ``es_US.UTF-8``, ``es-MX`` → ``es``.

    Unknown languages, ``C`` and ``POSIX`` give English.
    """
    code = value.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = code.lower()
    return code if is_supported(code) else ENGLISH


def choose(
    cli: str | None = None,
    environ: Mapping[str, str] | None = None,
    saved: Callable[[], str | None] | None = None,
) -> Language:
    """The language for this run: the ``--lang`` value, then ``EXPOSURE_LANG``, then the saved
    choice (``saved`` is only called when neither is given), then the locale."""
    env = os.environ if environ is None else environ
    if cli:
        return parse(cli)
    explicit = env.get(ENV_VAR, "").strip()
    if explicit:
        return parse(explicit)
    remembered = saved() if saved is not None else None
    if remembered and is_supported(remembered):
        return remembered
    for name in LOCALE_VARS:
        value = env.get(name, "").strip()
        if value:
            return parse(value)
    return ENGLISH


def current() -> Language:
    """The language chosen for this process (English until :func:`set_current` is called)."""
    return _current


def set_current(language: Language) -> None:
    """Choose the language for the rest of the run; the gettext catalogs follow it."""
    global _current  # one process-wide choice, set once at start-up
    if not is_supported(language):
        raise ValueError(f"unsupported language {language!r}; expected one of {SUPPORTED}")
    _current = language


class Speaking:
    """``with Speaking(language):`` that language for the block, then the one before it again.
    Process-wide, as :func:`set_current` is: callers on several threads hold a lock of their
    own around it. (A class, not ``contextlib``: ``exposure --help`` imports this module.)"""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.before: Language = ENGLISH

    def __enter__(self) -> None:
        self.before = current()
        set_current(self.language)

    def __exit__(self, *_exc: object) -> None:
        set_current(self.before)


__all__ = [
    "ENGLISH",
    "ENV_VAR",
    "SUPPORTED",
    "Language",
    "Speaking",
    "choose",
    "current",
    "is_supported",
    "parse",
    "set_current",
]

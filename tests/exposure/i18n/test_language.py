"""Choosing the language: --lang, then EXPOSURE_LANG, then the locale; English otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from exposure import language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("es", "es"),
        ("es_US.UTF-8", "es"),
        ("es-MX", "es"),
        ("ES", "es"),
        ("es_ES@euro", "es"),
        ("en_US.UTF-8", "en"),
        ("fr_FR.UTF-8", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
        ("", "en"),
    ],
)
def test_parse(value: str, expected: str) -> None:
    assert language.parse(value) == expected


def test_the_option_wins_over_everything() -> None:
    env = {"EXPOSURE_LANG": "en", "LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8"}
    assert language.choose("es", env) == "es"
    assert language.choose("en", {"EXPOSURE_LANG": "es"}) == "en"


def test_the_variable_wins_over_the_locale() -> None:
    assert language.choose(None, {"EXPOSURE_LANG": "es", "LC_ALL": "en_US.UTF-8"}) == "es"
    assert language.choose(None, {"EXPOSURE_LANG": "en", "LANG": "es_US.UTF-8"}) == "en"


def test_the_locale_in_posix_order() -> None:
    assert language.choose(None, {"LANG": "es_US.UTF-8"}) == "es"
    assert language.choose(None, {"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US"}) == "es"
    assert language.choose(None, {"LC_ALL": "C", "LC_MESSAGES": "es_MX", "LANG": "es"}) == "en"
    assert language.choose(None, {"LC_ALL": "", "LANG": "es_US.UTF-8"}) == "es"


def test_english_is_the_fallback() -> None:
    assert language.choose(None, {}) == "en"
    assert language.choose(None, {"EXPOSURE_LANG": "klingon", "LANG": "es"}) == "en"


def test_set_current_refuses_what_we_do_not_speak() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        language.set_current("fr")  # type: ignore[arg-type]
    assert language.current() == "en"


def test_importing_it_loads_no_gettext() -> None:
    """``exposure --help`` imports the language module; gettext must wait for real work."""
    code = "import sys, exposure.language; print('gettext' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_saved_choice_comes_after_the_option_and_the_variable() -> None:
    def saved() -> str:
        return "es"

    assert language.choose(None, {"LANG": "en_US.UTF-8"}, saved) == "es"
    assert language.choose(None, {"EXPOSURE_LANG": "en"}, saved) == "en"
    assert language.choose("en", {}, saved) == "en"
    assert language.choose(None, {"LANG": "es_US"}, lambda: "fr") == "es"  # unknown: ignored


def test_the_saved_choice_is_read_only_when_needed() -> None:
    def boom() -> str:
        raise AssertionError("settings read although --lang was given")

    assert language.choose("es", {}, boom) == "es"
    assert language.choose(None, {"EXPOSURE_LANG": "es"}, boom) == "es"


def test_settings_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure import settings

    path = tmp_path / "config" / "settings.toml"
    monkeypatch.setenv("EXPOSURE_SETTINGS", str(path))
    assert settings.saved_language() is None
    settings.save_language("es")
    assert settings.saved_language() == "es"
    assert path.stat().st_mode & 0o077 == 0
    path.write_text("not toml [", encoding="utf-8")
    assert settings.saved_language() is None

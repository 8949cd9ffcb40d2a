"""The CLI speaks Spanish with --lang es (anywhere on the line) or EXPOSURE_LANG=es."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from exposure.cli.main import main


def test_audit_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--demo", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "Probablemente está en" in out
    assert "Por categoría de datos" in out
    assert "Qué hacer primero:" in out
    assert "Registros de pago de servicios y telecomunicaciones" in out  # catalog text
    assert "Likely in" not in out


def test_audit_markdown_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "es", "audit", "--demo", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Su probable exposición a corredores de datos")
    assert "## Plan de acción" in out


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--demo"]) == 0
    out = capsys.readouterr().out
    assert "Likely in" in out
    assert "[en inglés]" not in out


def test_the_environment_variable_chooses_spanish() -> None:
    env = {**os.environ, "EXPOSURE_LANG": "es"}
    out = subprocess.run(
        [sys.executable, "-m", "exposure.cli.main", "audit", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "Qué hacer primero:" in out


def test_help_loads_no_translations_even_in_spanish() -> None:
    """argparse itself imports gettext; our catalogs and Babel must wait for real work."""
    code = (
        "import sys; from exposure.cli.main import main\n"
        "try:\n    main(['--lang', 'es', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('exposure.i18n' in sys.modules, 'babel' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stderr
    assert out.strip() == "False False"


def test_a_broker_record_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "nctue", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    for heading in ("Qué datos tiene:", "Cómo llega a estar ahí:", "Vínculos documentados"):
        assert heading in out
    assert "What it holds" not in out
    assert "Registros de pago de servicios y telecomunicaciones" in out  # the record's text
    assert "[en inglés]" not in out  # a researched record is translated whole


def test_a_broker_record_in_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "nctue"]) == 0
    out = capsys.readouterr().out
    assert "What it holds:" in out
    assert "How you end up there:" in out

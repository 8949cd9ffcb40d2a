"""The catalog and the CLI's start-up never load the heavy UI and PDF packages.

Each check runs in a fresh interpreter, since this test process may already have imported them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "reportlab")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize(
    "code",
    [
        "import broker_catalog",
        "from broker_catalog import load_catalog; load_catalog(use_cache=False)",
        "import broker_catalog.schema, broker_catalog.loader, broker_catalog.stats",
        "import exposure.cli.main",
        "from exposure.cli.main import main; main(['catalog', 'stats', '--json'])",
        # the use cases, the engine, drafting and the wording: every surface's shared layer
        "import exposure.app.letters, exposure.app.letter_files, exposure.app.requests, "
        "exposure.app.profiles, exposure.app.report, exposure.app.letter_targets, "
        "exposure.app.vault_access, exposure.app.intake, exposure.render.wording, "
        "exposure.render.audit_json",
        "from broker_catalog import load_catalog; from exposure.engine import audit;"
        "from exposure.profile.files import demo_profile; from exposure.render.wording import "
        "Wording; from exposure.render.audit_json import audit_json;"
        "import exposure.app.letters as L, datetime as dt; c = load_catalog(use_cache=False);"
        "p = demo_profile(); audit_json(audit(p, c, today=dt.date(2026, 1, 5)), Wording(c));"
        "L.draft_letters(p, c, today=dt.date(2026, 1, 5))",
    ],
)
def test_headless_modules_do_not_load_ui_or_pdf_packages(code: str) -> None:
    assert not loaded_after(code) & set(HEAVY)


def test_help_does_not_even_load_pydantic() -> None:
    loaded = loaded_after(
        "from exposure.cli.main import build_parser; build_parser().format_help()"
    )
    assert "pydantic" not in loaded
    assert "httpx" not in loaded

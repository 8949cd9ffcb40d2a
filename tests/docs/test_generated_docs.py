"""Generated documentation matches the code, and every command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure import regenerate
from exposure.cli.reference import walk

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", list(regenerate.targets()), ids=lambda p: p.name)
def test_generated_file_is_current(path: Path) -> None:
    current = path.read_text(encoding="utf-8")
    assert current == regenerate.targets()[path](current), (
        f"{path.relative_to(REPO)} is out of date; "
        "regenerate it with: python -m exposure.regenerate"
    )


def test_every_command_has_help_and_is_in_the_reference() -> None:
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for path, parser in walk():
        assert parser.description, f"{' '.join(path)} has no description"
        assert f"`{' '.join(path)}`" in reference


def test_the_readme_links_resolve() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in (
        "docs/index.md",
        "docs/catalog.md",
        "docs/cli.md",
        "docs/performance.md",
        "docs/engine.md",
        "docs/profile.md",
        "docs/threat-model.md",
    ):
        assert f"({target})" in readme
        assert (REPO / target).is_file(), f"README links to missing {target}"

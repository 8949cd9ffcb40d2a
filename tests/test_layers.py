"""The layer map of docs/development.md, enforced: each module imports only from its own layer
or the layers below it, counting imports inside functions (the lazy ones) too.

    edges       exposure.cli, exposure.tui, exposure.web, exposure.regenerate
    use cases   exposure.app
    outputs     exposure.render, exposure.pdf, exposure.reports, exposure.mail,
                exposure.workshop, exposure.catalog_language
    storage     exposure.vault, exposure.ledger, exposure.net, exposure.atomic,
                exposure.profile.store, exposure.settings
    core        exposure.engine, exposure.letters, exposure.profile, exposure.errors,
                exposure.paths, exposure.language, exposure.i18n, exposure.limits
    catalog     broker_catalog

The pure core (engine and drafting) therefore never reaches a terminal, a PDF library, the
vault or the network, and nothing below the edges knows which surface is calling.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Longest prefix wins. Rank: a module may import modules of equal or lower rank.
LAYERS: dict[str, tuple[int, str]] = {
    "broker_catalog": (0, "catalog"),
    "exposure.errors": (1, "core"),
    "exposure.paths": (1, "core"),
    "exposure.language": (1, "core"),
    "exposure.i18n": (1, "core"),
    "exposure.settings": (2, "storage"),
    "exposure.catalog_language": (3, "outputs"),
    "exposure.limits": (1, "core"),
    "exposure.engine": (1, "core"),
    "exposure.letters": (1, "core"),
    "exposure.profile": (1, "core"),
    "exposure.profile.store": (2, "storage"),
    "exposure.atomic": (2, "storage"),
    "exposure.vault": (2, "storage"),
    "exposure.ledger": (2, "storage"),
    "exposure.workshop": (3, "outputs"),
    "exposure.net": (2, "storage"),
    "exposure.render": (3, "outputs"),
    "exposure.pdf": (3, "outputs"),
    "exposure.reports": (3, "outputs"),
    "exposure.mail": (3, "outputs"),
    "exposure.app": (4, "use cases"),
    "exposure.cli": (5, "edges"),
    "exposure.tui": (5, "edges"),
    "exposure.web": (5, "edges"),
    "exposure.regenerate": (5, "edges"),
}


def layer(module: str) -> tuple[int, str] | None:
    best = None
    for prefix, found in LAYERS.items():
        if (module == prefix or module.startswith(prefix + ".")) and (
            best is None or len(prefix) > len(best[0])
        ):
            best = (prefix, found)
    return best[1] if best else None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in ("exposure", "broker_catalog")}


SOURCES = sorted(
    p
    for package in ("exposure", "broker_catalog")
    for p in (ROOT / package).rglob("*.py")
    if p != ROOT / "exposure" / "__init__.py"  # the package root: a docstring, no imports
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_imports_only_its_own_layer_or_lower(path: Path) -> None:
    mine = layer(module_name(path))
    assert mine is not None, f"{module_name(path)} has no layer: add it to the map"
    wrong = []
    for name in sorted(imports(path)):
        theirs = layer(name)
        if theirs is not None and theirs[0] > mine[0]:
            wrong.append(f"{name} ({theirs[1]})")
    assert not wrong, f"{module_name(path)} ({mine[1]}) imports a higher layer: {wrong}"


def test_the_cli_and_the_terminal_app_do_not_import_each_other() -> None:
    for path in SOURCES:
        name = module_name(path)
        if name.startswith("exposure.web"):
            assert not any(i.startswith(("exposure.cli", "exposure.tui")) for i in imports(path))
        if name.startswith("exposure.tui"):
            assert not any(i.startswith("exposure.cli") for i in imports(path)), name
        if name.startswith("exposure.cli") and name != "exposure.cli.main":
            assert not any(i.startswith("exposure.tui") for i in imports(path)), name


def test_the_map_in_the_docs_is_this_map() -> None:
    doc = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    for prefix in LAYERS:
        assert f"`{prefix}`" in doc or prefix in doc, prefix

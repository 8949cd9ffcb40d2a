"""Build hook: compile the gettext catalogs (``exposure/locale/*/LC_MESSAGES/*.po``) to ``.mo``.

Runs for every build, a wheel, an sdist's wheel and an editable install alike, so a fresh
``pip install`` and ``pip install -e .`` both speak every language that has a catalog. The
``.mo`` files are written beside the ``.po`` files (where gettext looks for them, and where an
editable install imports from) and are never committed. Fuzzy entries are left out, so a
half-checked translation falls back to English instead of being shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE_DIR = "exposure/locale"


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name not in ("wheel", "editable"):
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po_path in sorted((root / LOCALE_DIR).glob("*/LC_MESSAGES/*.po")):
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file)
            mo_path = po_path.with_suffix(".mo")
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog, use_fuzzy=False)
            build_data["force_include"][str(mo_path)] = str(mo_path.relative_to(root))

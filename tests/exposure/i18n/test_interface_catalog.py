"""The Spanish interface catalog is complete: every string the source marks for gettext is in
``exposure/locale/es/LC_MESSAGES/exposure.po``, translated, not fuzzy, not obsolete, with the
same ``{placeholders}``; and the build compiled it (the ``.mo`` matches the ``.po``).

To bring the catalog up to date, see docs/translations.md.
"""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from exposure import language
from exposure.i18n import LOCALE_DIR, _, ngettext, translation

REPO = Path(__file__).resolve().parents[3]
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "exposure.po"
FIX = "see docs/translations.md for the commands that update and check the catalog"
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    found = message.string
    return tuple(found) if isinstance(found, tuple | list) else (str(found or ""),)


def _source_messages() -> dict[str, str]:
    """msgid → where it was found, by the same extraction the maintainers run (pybabel)."""
    found: dict[str, str] = {}
    keywords = {"_": None, "ngettext": (1, 2)}
    for path, line, message, _comments, _context in extract_from_dir(
        str(REPO / "exposure"), method_map=[("**.py", "python")], keywords=keywords
    ):
        for msgid in (message,) if isinstance(message, str) else message:
            found.setdefault(msgid, f"exposure/{path}:{line}")
    return found


@pytest.fixture(scope="module")
def po() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f)


def test_every_source_string_is_in_the_spanish_catalog(po: Catalog) -> None:
    in_po = {i for m in po if m.id for i in _ids(m)}
    missing = {m: where for m, where in _source_messages().items() if m not in in_po}
    assert not missing, f"strings missing from {PO.name} ({FIX}):\n" + "\n".join(
        f"  {where}: {m!r}" for m, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


def test_no_translated_call_hides_in_an_f_string() -> None:
    """pybabel does not see ``_()`` inside an f-string, so such a string is never translated."""
    hidden = []
    for path in sorted((REPO / "exposure").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Name)
                        and inner.func.id in ("_", "ngettext")
                    ):
                        hidden.append(f"{path.relative_to(REPO)}:{inner.lineno}")
    assert not hidden, f"move these _() calls out of f-strings: {hidden}"


def test_no_obsolete_entries(po: Catalog) -> None:
    source = set(_source_messages())
    stale = sorted({i for m in po if m.id for i in _ids(m)} - source)
    assert not stale, f"entries no longer in the source ({FIX}): {stale}"
    assert not po.obsolete, f"obsolete (#~) entries ({FIX}): {sorted(po.obsolete)}"


def test_every_entry_is_translated_and_checked(po: Catalog) -> None:
    untranslated = [m.id for m in po if m.id and not all(_strings(m))]
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert not untranslated, f"untranslated ({FIX}): {untranslated}"
    assert not fuzzy, f"fuzzy, to be checked by a person ({FIX}): {fuzzy}"


def test_placeholders_survive_translation(po: Catalog) -> None:
    wrong = []
    for m in po:
        if not m.id:
            continue
        wanted = set(_PLACEHOLDER.findall(_ids(m)[0]))
        wrong += [(m.id, s) for s in _strings(m) if set(_PLACEHOLDER.findall(s)) != wanted]
    assert not wrong, f"placeholders differ between English and Spanish: {wrong}"


def test_the_build_compiled_the_catalog(po: Catalog) -> None:
    mo = PO.with_suffix(".mo")
    assert mo.is_file(), "no exposure.mo: reinstall (pip install -e .) so the build compiles it"
    expected = io.BytesIO()
    write_mo(expected, po, use_fuzzy=False)
    assert mo.read_bytes() == expected.getvalue(), (
        "exposure.mo is older than exposure.po: reinstall (pip install -e .) to recompile it"
    )


def test_spanish_is_spoken_when_chosen() -> None:
    assert translation("es") is not translation("en")
    language.set_current("es")
    try:
        assert _("Welcome") == "Inicio"
        assert ngettext("Welcome", "Welcome", 2) == "Welcome"  # not in the catalog: English
    finally:
        language.set_current("en")
    assert _("Welcome") == "Welcome"

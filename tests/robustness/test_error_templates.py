"""The grep the issue asks for, as a test: no error template in the readers and validators
interpolates a value with ``!r`` or an exception's own text (which may quote its input).

The runtime suite plants canaries; this catches a template before any input reaches it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Every module that reads or validates a file a person or a download provides.
READERS = [
    "broker_catalog/limits.py", "broker_catalog/loader.py", "broker_catalog/schema.py",
    "broker_catalog/laws_schema.py",
    "broker_catalog/integrity.py", "broker_catalog/importers/table.py",
    "exposure/profile/files.py", "exposure/profile/answers.py", "exposure/profile/store.py",
    "exposure/workshop/participants.py", "exposure/workshop/session.py",
    "exposure/workshop/batch.py", "exposure/vault/store.py", "exposure/ledger/store.py",
    "exposure/mail/drafts.py", "exposure/letters/agent.py", "exposure/atomic.py",
    "exposure/cli/profile_commands.py", "exposure/cli/workshop_commands.py",
    "exposure/net/update.py",
]  # fmt: skip


#: Interpolations checked by hand and allowed, each with the reason it can carry no input.
ALLOWED = {
    ("broker_catalog/importers/table.py", "name!r"): "a column name from the format's spec",
    ("exposure/workshop/participants.py", "{exc}"): "csv.Error names limits and dialect "
    "characters, never a cell",
    ("exposure/vault/store.py", "name!r"): "document names are constants in the code",
    ("exposure/vault/store.py", "{exc}"): "crypto.DecryptionError's two fixed sentences",
}


def _echoes(node: ast.AST) -> list[str]:
    found = []
    for part in ast.walk(node):
        if isinstance(part, ast.Call):  # "...".format(problem=exc) or repr(value), for _()
            values = [k.value for k in part.keywords] + list(part.args)
            if getattr(part.func, "attr", "") == "format":
                found += [
                    f"line {part.lineno}: the exception's own text {{exc}}"
                    for v in values
                    if isinstance(v, ast.Name) and v.id in ("exc", "error", "err")
                ]
            if getattr(part.func, "id", "") == "repr":
                found.append(f"line {part.lineno}: {ast.unparse(part)}!r")
            continue
        if not isinstance(part, ast.FormattedValue):
            continue
        if part.conversion == ord("r"):
            found.append(f"line {part.lineno}: {ast.unparse(part.value)}!r")
        elif isinstance(part.value, ast.Name) and part.value.id in ("exc", "error", "err"):
            found.append(f"line {part.lineno}: the exception's own text {{{part.value.id}}}")
    return found


@pytest.mark.parametrize("module", READERS)
def test_no_error_template_repeats_a_value(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            found += _echoes(node.exc)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
            found += _echoes(node)
    found = [f for f in found if not any((module, key) in ALLOWED for key in _keys(f))]
    assert not found, f"{module} interpolates values into errors: {found}"


def _keys(finding: str) -> list[str]:
    return [finding.split(": ", 1)[1], "{exc}" if "{exc}" in finding else ""]

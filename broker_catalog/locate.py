"""Find the line of a TOML file that a validation error's field path points at.

tomllib keeps no positions, so this walks the text: ``[[holdings]]`` headers for indexed tables,
``key =`` lines for plain keys. It is a best effort: when it cannot tell, it returns ``None`` and
the message still names the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def field_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic location as ``holdings[0].triggers[1].fact``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def parse_field_path(path: str) -> tuple[int | str, ...]:
    """The inverse of :func:`field_path`: ``holdings[0].x`` → ``("holdings", 0, "x")``."""
    loc: list[int | str] = []
    for name, index in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        loc.append(int(index) if index else name)
    return tuple(loc)


def locate(text: str, loc: Sequence[int | str]) -> int | None:
    lines = text.splitlines()
    start, found, table = 0, None, ""
    parts = list(loc)
    i = 0
    while i < len(parts):
        key = parts[i]
        if not isinstance(key, str):
            i += 1
            continue
        index = parts[i + 1] if i + 1 < len(parts) and isinstance(parts[i + 1], int) else None
        name = f"{table}.{key}" if table else key
        if index is not None:
            header = _nth(lines, start, rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]", int(index))
            if header is not None:
                start, found, table = header, header, name
                i += 2
                continue
        hit = _nth(lines, start, rf"^\s*(?:\[\s*{re.escape(name)}\s*\]|{re.escape(key)}\s*=)", 0)
        if hit is None:
            break
        start, found = hit, hit
        if lines[hit].lstrip().startswith("["):
            table = name
        i += 2 if index is not None else 1
    return None if found is None else found + 1


def _nth(lines: list[str], start: int, pattern: str, n: int) -> int | None:
    rx = re.compile(pattern)
    seen = 0
    for number in range(start, len(lines)):
        if rx.match(lines[number]):
            if seen == n:
                return number
            seen += 1
    return None

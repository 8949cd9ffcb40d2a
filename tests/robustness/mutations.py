"""Hypothesis strategies that turn a valid file into a bad one.

Two families, as the issue asks: byte-level damage to any file (truncation, bit flips, control
characters, wrong encodings, duplicated lines, a planted canary) and structured damage to
JSON/TOML data (a field given the wrong type, a huge value, the canary, deep nesting, an extra
key). Every family can plant the canary, so a message that repeats a value is caught.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

from tests.robustness.harness import CANARY

CANARY_BYTES = CANARY.encode()

_NASTY = [
    b"\x00", b"\x1b[31m", b"\r", b"\r\n", b"\x7f", b"\xff\xfe", b"\xef\xbb\xbf",
    "\u202e".encode(), b"\xc3", b"\xed\xa0\x80", b'"', b"'", b"[", b"{", b",", b";", b"=",
    b"\t", b"\\", b"#",
]  # fmt: skip


def _flip(data: bytes, at: int, bit: int) -> bytes:
    if not data:
        return data
    at %= len(data)
    return data[:at] + bytes([data[at] ^ (1 << bit)]) + data[at + 1 :]


def _insert(data: bytes, at: int, piece: bytes) -> bytes:
    at = at % (len(data) + 1)
    return data[:at] + piece + data[at:]


def _duplicate_line(data: bytes, index: int) -> bytes:
    lines = data.splitlines(keepends=True)
    if not lines:
        return data
    index %= len(lines)
    return b"".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])


def _reencode(data: bytes, encoding: str) -> bytes:
    text = data.decode("utf-8", errors="replace") + f"\n{CANARY}\u00e9\u4e2d"
    return text.encode(encoding, errors="replace")


def byte_mutations(valid: bytes) -> st.SearchStrategy[bytes]:
    """Damage anywhere in the file, the way disks, editors and spreadsheets do it."""
    position = st.integers(min_value=0, max_value=max(len(valid), 1) * 4)
    return st.one_of(
        st.integers(0, len(valid)).map(lambda n: valid[:n]),
        st.tuples(position, st.integers(0, 7)).map(lambda a: _flip(valid, *a)),
        st.tuples(position, st.sampled_from(_NASTY)).map(lambda a: _insert(valid, *a)),
        st.tuples(position, st.binary(min_size=1, max_size=24)).map(lambda a: _insert(valid, *a)),
        position.map(lambda at: _insert(valid, at, CANARY_BYTES)),
        position.map(lambda at: _insert(valid, at, b'"' + CANARY_BYTES + b'"')),
        position.map(lambda i: _duplicate_line(valid, i)),
        st.sampled_from(["utf-16", "latin-1", "cp1252", "utf-32"]).map(
            lambda enc: _reencode(valid, enc)
        ),
        st.integers(1, 3).map(lambda n: valid * n),  # everything twice: duplicate keys
        st.sampled_from([b"", b"\n", b"\x00" * 64, b"\xff" * 64]),
    )


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _leaves(value, (*path, index))
    return found


def _nested(depth: int) -> Any:
    value: Any = CANARY
    for n in range(depth):
        value = [value] if n % 2 else {"a": value}
    return value


_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.just(CANARY),
    st.text(max_size=12).map(lambda t: t + CANARY),
    st.sampled_from([f"={CANARY}()", f"{CANARY}\nsecond line", f"{CANARY}\x1b[2J", " " + CANARY]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.lists(st.just(CANARY), max_size=4),
    st.just([CANARY] * 1500),
    st.just({CANARY: CANARY}),
    st.integers(40, 300).map(_nested),
    st.just("x" * 100_000 + CANARY),
)


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _add_key(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for part in path:
        target = target[part]
    if isinstance(target, dict):
        target[CANARY.lower().replace("-", "_")] = value
        target[CANARY] = value
    return changed


@st.composite
def data_mutations(draw: st.DrawFn, valid: Any) -> Any:
    """The valid data with one field replaced, removed, or given a neighbour it should not have."""
    path = draw(st.sampled_from(_leaves(valid)))
    how = draw(st.sampled_from(["replace", "replace", "add", "remove"]))
    if how == "add":
        return _add_key(valid, path, draw(_VALUES))
    if how == "remove" and path:
        changed = copy.deepcopy(valid)
        target = changed
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
        return changed
    return _replace(valid, path, draw(_VALUES))


def to_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def to_toml(data: Any) -> bytes | None:
    """TOML text for ``data``, or None where TOML cannot say it (e.g. a top-level list)."""
    import tomli_w

    if not isinstance(data, dict):
        return None
    try:
        return tomli_w.dumps(data).encode()
    except (TypeError, ValueError, RecursionError):
        return None

"""Size, depth and length limits on what is read, checked before any parsing work starts.

Every file the tool reads was written by a person or downloaded; a limit turns a file that is
absurd (a gigabyte "profile", a list of millions, nesting a thousand levels deep) into one
clear sentence instead of minutes of work, a ``MemoryError`` or a ``RecursionError``. The
figures are far above anything real and are listed in docs/threat-model.md.

Messages name the file and the field, never a value from the file.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from broker_catalog.errors import UserFacingError

KIB = 1024
MIB = 1024 * KIB

#: One catalog file (a broker, a law, the vocabularies). The largest shipped one is ~20 KiB.
MAX_CATALOG_FILE = 1 * MIB
#: One state registry export (the shipped ones are 140-340 KiB).
MAX_REGISTRY_FILE = 64 * MIB
#: Lists and tables nested deeper than this are refused (real files nest 3-4 levels).
MAX_DEPTH = 32
#: Any one list (a profile's multi-choice answer, a broker's sources) may hold this many items.
MAX_LIST = 1000

# Field names in the files are lower-case snake_case (fact ids, schema fields); anything else
# (capitals, spaces, "@", digits first) may be a value typed in the wrong place.
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def read_bytes_limited(path: Path, limit: int, error: type[UserFacingError]) -> bytes:
    """The bytes of ``path``, refusing a file over ``limit`` before reading it.

    Folders, missing files and unreadable files get a message naming the path; an OS error's
    text is replaced by its reason (it never carries file contents, but it may lack the path).
    """
    try:
        if path.is_dir():
            raise error(f"{path} is a folder, not a file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could be read for ever
            raise error(f"{path} is not a plain file")
        size = info.st_size
        if size > limit:
            raise error(
                f"{path} is {_size(size)}; the limit for this kind of file is {_size(limit)}"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"there is no file {path}") from None
    except PermissionError:
        raise error(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    if len(data) > limit:  # grew while being read, or a special file that reports no size
        raise error(f"{path} is over {_size(limit)}, the limit for this kind of file")
    return data


def decode_text(data: bytes, path: Path, error: type[UserFacingError], *, bom: bool = False) -> str:
    """UTF-8 text, or an error naming the file and the byte offset (never the bytes)."""
    try:
        return data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def shape_problem(
    data: object, *, max_depth: int = MAX_DEPTH, max_list: int = MAX_LIST
) -> str | None:
    """What is too deep or too long in parsed data, naming the field; None when it is fine.

    Walks iteratively, so data that is already too deep for recursion is still measured.
    """
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > max_depth:
            return f"{where or 'the file'}: nested more than {max_depth} levels deep"
        if isinstance(value, dict):
            if len(value) > max_list:
                return f"{where or 'the file'}: more than {max_list} entries"
            for key, item in value.items():
                stack.append((item, join(where, key), depth + 1))
        elif isinstance(value, list | tuple):
            if len(value) > max_list:
                return f"{where or 'the file'}: a list of more than {max_list} items"
            for index, item in enumerate(value):
                stack.append((item, f"{where}[{index}]", depth + 1))
    return None


def field_name(part: object) -> str:
    """A key of the file as it may be shown: field-like names as they are, others withheld.

    A key in a person's file can be anything they typed (a name, in the wrong place); only
    keys shaped like field names (lower-case snake_case) are repeated in messages.
    """
    if isinstance(part, int):
        return f"[{part}]"
    text = str(part)
    return text if _FIELD_NAME.match(text) else "(a key)"


_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def quoted_id(value: object) -> str:
    """An id as a message may show it: quoted when shaped like an id, withheld otherwise."""
    text = str(value)
    return f"'{text}'" if _ID.match(text) else "(a value that is not an id)"


def join(where: str, key: object) -> str:
    name = field_name(key)
    if name.startswith("["):
        return f"{where}{name}"
    return f"{where}.{name}" if where else name


def _size(n: int) -> str:
    if n >= MIB:
        return f"{n / MIB:.1f} MiB"
    if n >= KIB:
        return f"{n / KIB:.0f} KiB"
    return f"{n} bytes"


_TOML_AT = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)")
_TOML_KINDS = (
    (("Cannot declare", "Duplicate inline table key"), "a key is declared twice"),
    (("Cannot mutate", "Cannot redefine", "Cannot overwrite"), "a table or value is redefined"),
    (("Found invalid character", "Illegal character"), "a character that TOML does not allow"),
    (("Expected",), "something is missing or out of place"),
)


def toml_problem(exc: Exception) -> tuple[str, int | None]:
    """tomllib's complaint without the key or character it quotes, and its line if known."""
    text = str(exc)
    found = _TOML_AT.search(text)
    where = found.group(1) if found else None
    message = text[: found.start()] if found else text
    for starts, plain in _TOML_KINDS:
        if message.startswith(starts):
            message = plain
            break
    if "'" in message or '"' in message:  # a wording not foreseen above: say less
        message = "invalid TOML"
    line = int(where.split()[1].rstrip(",")) if where and where.startswith("line") else None
    return (f"{message} (at {where})" if where else message), line

"""A cache of the validated catalog, keyed by a hash of every file that went into it.

Validation is the slow part of loading (pydantic over hundreds of records) and it sits on the
TUI's start-up path, so the validated catalog is pickled once and reused until any file, the
schema or the pydantic version changes. Hashing every file on every start would itself cost tens
of milliseconds for a large catalog, so each file's hash is remembered against its size and
modification time (as git's index does) and recomputed only when those change.

The cache holds only public catalog data, never anything personal. It lives in the user's own
cache folder, is written atomically with mode 0600, and an unreadable cache is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Iterable
from pathlib import Path

from broker_catalog.atomic import write_atomic
from broker_catalog.catalog import Catalog

_FORMAT = b"exposure-catalog-cache-3"
_HASHES = "file-hashes.json"


def _file_hash(path: Path, memo: dict[str, list[object]]) -> tuple[str, bool]:
    """The file's content hash, from the memo when its size and mtime are unchanged."""
    stat = path.stat()
    signature = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
    known = memo.get(str(path))
    if known is not None and known[:3] == signature:
        return str(known[3]), False
    digest = hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    memo[str(path)] = [*signature, digest]
    return digest, True


def cache_key(files: Iterable[Path], root: Path, cache_dir: Path) -> str:
    import pydantic

    memo_path = cache_dir / _HASHES
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        if not isinstance(memo, dict):
            memo = {}
    except (OSError, ValueError):
        memo = {}
    digest = hashlib.blake2b(_FORMAT, digest_size=20)
    digest.update(pydantic.VERSION.encode())
    for model_file in ("schema.py", "government_schema.py", "catalog.py"):
        digest.update((Path(__file__).parent / model_file).read_bytes())
    changed = False
    for path in files:
        file_digest, fresh = _file_hash(path, memo)
        changed |= fresh
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + file_digest.encode())
    if changed:
        _atomic_write(cache_dir, _HASHES, json.dumps(memo).encode())
    return digest.hexdigest()


def read(cache_dir: Path, key: str) -> Catalog | None:
    try:
        data = (cache_dir / f"{key}.pickle").read_bytes()
        catalog = pickle.loads(data)  # noqa: S301 - see module docstring
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    return catalog if isinstance(catalog, Catalog) else None


def write(cache_dir: Path, key: str, catalog: Catalog) -> None:
    """Best effort: a read-only or full disk costs speed, never correctness."""
    for stale in cache_dir.glob("*.pickle"):
        stale.unlink(missing_ok=True)
    _atomic_write(cache_dir, f"{key}.pickle", pickle.dumps(catalog, pickle.HIGHEST_PROTOCOL))


def _atomic_write(cache_dir: Path, name: str, data: bytes) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(cache_dir / name, data)
    except OSError:
        return

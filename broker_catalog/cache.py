"""A cache of the validated catalog, keyed by a hash of every file that went into it.

Validation is the slow part of loading (pydantic over hundreds of records) and it sits on the
TUI's start-up path, so the validated records are pickled once and reused until any file, the
schema or the pydantic version changes. The cache holds only public catalog data, never anything
personal; it is written atomically and 0600, and any unreadable cache is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle  # noqa: S403 - the cache is our own file in the user's cache dir, see docstring
import tempfile
from collections.abc import Iterable
from pathlib import Path

from broker_catalog.catalog import Catalog

_FORMAT = b"exposure-catalog-cache-1"


def cache_key(files: Iterable[Path], root: Path) -> str:
    import pydantic

    digest = hashlib.blake2b(_FORMAT, digest_size=20)
    digest.update(pydantic.VERSION.encode())
    digest.update((Path(__file__).parent / "schema.py").read_bytes())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
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
    try:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for stale in cache_dir.glob("*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, cache_dir / f"{key}.pickle")
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:
        return

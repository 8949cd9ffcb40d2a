"""Files and folders the app writes for a person: private, and never half-written.

The atomic write itself lives at the lowest layer (broker_catalog.atomic, shared with the
catalog's cache and record files); this adds what only the app needs, such as folders that only
the person can open.
"""

from __future__ import annotations

from pathlib import Path

from broker_catalog.atomic import write_all, write_atomic

__all__ = ["ensure_private_dir", "write_all", "write_atomic"]


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path

"""`exposure doctor`: what this installation is running with, for bug reports and workshops.

It prints no personal data, so its output can be pasted into a public issue as it is.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


PACKAGES = ("exposure", "pydantic", "httpx", "textual", "reportlab", "keyring", "platformdirs")


def build(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = (
        "Show versions, the keyring backend, fonts and data paths. Prints nothing personal, "
        "so the output can be shared in a bug report."
    )
    parser.add_argument("--json", action="store_true", help="print JSON (see docs/json-output.md)")
    parser.set_defaults(handler=doctor)


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def report(catalog_root: Path | None) -> dict[str, Any]:
    import platform
    from pathlib import Path

    from broker_catalog.loader import default_cache_dir, default_root
    from exposure import paths
    from exposure.vault.keyring_backend import current

    keyring = current()
    fonts_dir = Path(__file__).resolve().parent.parent / "fonts"
    fonts = sorted(p.name for p in fonts_dir.glob("*.ttf")) if fonts_dir.is_dir() else []
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "packages": {name: _version(name) for name in PACKAGES},
        "keyring": {"backend": keyring.name, "usable": keyring.usable, "note": keyring.reason},
        "fonts": {"bundled": fonts, "directory": str(fonts_dir)},
        "paths": {
            "catalog": str(catalog_root or default_root()),
            "catalog_cache": str(default_cache_dir()),
            "vault": str(paths.data_dir()),
        },
    }


def doctor(args: argparse.Namespace) -> int:
    from exposure.cli.terminal import print_json

    data = report(args.catalog)
    if args.json:
        print_json(data)
        return 0
    print(f"python        {data['python']} on {data['platform']}")
    for name, ver in data["packages"].items():
        print(f"{name:<14}{ver}")
    ring = data["keyring"]
    print(f"keyring       {ring['backend']}: {ring['note']}")
    bundled = ", ".join(data["fonts"]["bundled"]) or "none bundled yet"
    print(f"fonts         {bundled}")
    for name, path in data["paths"].items():
        print(f"{name:<14}{path}")
    sys.stdout.flush()
    return 0

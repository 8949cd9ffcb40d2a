"""Fixtures for the network tests: fast limits, certificates, and a private catalog home.

No test here reaches anything but servers it started on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.net.client import Settings
from tests.exposure.net.servers import Certificates, make_certificates

#: Limits small enough that the slowest test takes about a second, large enough for loopback.
FAST = Settings(
    concurrency=8,
    per_host=4,
    connect_timeout=2.0,
    read_timeout=0.5,
    deadline=2.0,
    max_redirects=5,
    retries=2,
    backoff=0.05,
    max_backoff=0.2,
    max_body=64 * 1024,
)


@pytest.fixture(scope="session")
def _shared_catalog_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One validated-catalog cache for these tests: it is keyed by file hashes, so sharing it
    is safe, and it spares each update test a full validation of the built-in catalog."""
    return tmp_path_factory.mktemp("shared-cache")


@pytest.fixture(autouse=True)
def catalog_home(
    _isolated_dirs: None,
    _shared_catalog_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A private home for installed catalog releases (EXPOSURE_CATALOG_HOME), and no proxy or
    extra CA from the developer's environment."""
    monkeypatch.setenv("EXPOSURE_CACHE_DIR", str(_shared_catalog_cache))
    home = tmp_path / "catalog-home"
    monkeypatch.setenv("EXPOSURE_CATALOG_HOME", str(home))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(proxy, raising=False)
    return home


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))

"""Shared fixtures. Every test runs with its own cache folder and vault folder under tmp_path,
so no test reads or writes the developer's real exposure data."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CATALOG = REPO / "broker_catalog"
FIXTURES = Path(__file__).resolve().parent / "broker_catalog" / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("exposure-home")
    monkeypatch.setenv("EXPOSURE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("EXPOSURE_VAULT", str(base / "vault"))
    monkeypatch.delenv("EXPOSURE_CATALOG", raising=False)
    # English unless a test asks for another language (a developer's locale must not leak in).
    monkeypatch.setenv("EXPOSURE_LANG", "en")
    monkeypatch.setenv("EXPOSURE_SETTINGS", str(base / "settings.toml"))


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English and leaves the run's language as it found it."""
    from exposure import language

    language.set_current("en")
    yield
    language.set_current("en")


@pytest.fixture
def minimal_catalog(tmp_path: Path) -> Path:
    """A catalog folder with the shipped vocabularies and one fictional, valid broker."""
    root = tmp_path / "catalog"
    (root / "brokers").mkdir(parents=True)
    for name in ("catalog.toml", "categories.toml", "facts.toml"):
        shutil.copy(SHIPPED_CATALOG / name, root / name)
    shutil.copy(FIXTURES / "valid-broker.toml", root / "brokers" / "valid-broker.toml")
    return root


# A real Secret Service for tests: a private D-Bus session bus with gnome-keyring on it. Nothing
# is mocked: keyring talks to gnome-keyring-daemon over D-Bus exactly as on a desktop. Where the
# programs are missing the tests skip with a reason; under CI (CI=true) they fail instead, because
# CI installs them and must run these tests.
NEEDED = ("dbus-daemon", "gnome-keyring-daemon")


def unavailable_reason() -> str | None:
    missing = [p for p in NEEDED if shutil.which(p) is None]
    if missing:
        return f"no Secret Service here ({', '.join(missing)} not installed)"
    return None


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run the Secret Service tests: {reason}")
    pytest.skip(reason)


@contextmanager
def secret_service() -> Iterator[dict[str, str]]:
    """Start a bus and an unlocked gnome-keyring; yield the environment that reaches them."""
    home = Path(tempfile.mkdtemp(prefix="exposure-keyring-"))
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    (home / "run").mkdir(mode=0o700)
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True, text=True, check=True, env=env, timeout=20,
    )  # fmt: skip
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input="test-login-password", capture_output=True, text=True, check=True, env=env,
            timeout=20,
        )  # fmt: skip
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "XDG_DATA_HOME")}
    finally:
        # gnome-keyring-daemon leaves when its session bus goes away.
        os.kill(int(pid), signal.SIGTERM)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def _secret_service_env() -> Iterator[dict[str, str]]:
    reason = unavailable_reason()
    if reason:
        skip_or_fail(reason)
    with secret_service() as env:
        yield env


@pytest.fixture
def real_keyring(
    _secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """The real Secret Service backend, talking to a private gnome-keyring over D-Bus."""
    import keyring
    from keyring.backends import SecretService

    for name, value in _secret_service_env.items():
        monkeypatch.setenv(name, value)
    backend = SecretService.Keyring()  # type: ignore[no-untyped-call]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[object]:
    """keyring's own 'nothing available' backend, as on a machine without a Secret Service."""
    import keyring
    from keyring.backends import fail

    backend = fail.Keyring()  # type: ignore[no-untyped-call]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--robustness-full",
        action="store_true",
        default=False,
        help="run thousands of generated bad inputs in tests/robustness (default: a quick sample)",
    )


@pytest.fixture(scope="session")
def robustness_examples(request: pytest.FixtureRequest) -> int:
    """How many generated cases each robustness test tries: a sample by default, thousands
    in total with --robustness-full (see docs/robustness.md)."""
    return 400 if request.config.getoption("--robustness-full") else 12

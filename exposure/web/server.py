"""Running the questionnaire: uvicorn with its access log off (no addresses kept), an address
that phones can reach, and an optional self-signed certificate for ``--tls``."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn
    from starlette.types import ASGIApp


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path
    fingerprint: str


def reachable_address(host: str) -> str:
    """The address to put on the poster. For a wildcard bind, the address of the interface
    that routes outward (found without sending a packet); otherwise the host itself."""
    if host not in ("0.0.0.0", "::"):  # noqa: S104 - naming the wildcard, not binding it
        return host
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: UDP connect sends nothing
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


@contextmanager
def self_signed(host: str) -> Iterator[Certificate]:
    """A certificate for ``host``, valid for two days, in a private temporary folder that is
    removed when the server stops (uvicorn reads certificates only from files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "exposure workshop")])
    try:
        alt: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        alt = x509.DNSName(host)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    fingerprint = cert.fingerprint(hashes.SHA256()).hex(":").upper()
    with tempfile.TemporaryDirectory(prefix="exposure-tls-") as folder:
        cert_path, key_path = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        key_path.touch(mode=0o600)
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        yield Certificate(cert_path, key_path, fingerprint)


def settle() -> None:
    """Just before serving, in a process that does nothing else: collect once, then freeze
    what exists (the catalog, its compiled rules, the templates: long-lived, and most of the
    heap) so the garbage collector never walks it again, and let it run less often on what
    each request makes. A roomful submitting at once otherwise spends a third of each
    estimate's time in full collections over the catalog."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def server(
    app: ASGIApp, host: str, port: int, *, certificate: Certificate | None = None
) -> uvicorn.Server:
    """A uvicorn server that logs no request and names no software in its headers."""
    import uvicorn

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        log_config=None,
        log_level="critical",
        server_header=False,
        date_header=False,
        proxy_headers=False,
        limit_concurrency=256,
        timeout_keep_alive=5,
        lifespan="off",
        ssl_certfile=str(certificate.cert) if certificate else None,
        ssl_keyfile=str(certificate.key) if certificate else None,
    )
    return uvicorn.Server(config)


@contextmanager
def in_background(
    app: ASGIApp, host: str = "127.0.0.1", port: int = 0, *, certificate: Certificate | None = None
) -> Iterator[str]:
    """The real server in a thread, for the tests and the benchmark: yields its base URL and
    stops it afterwards."""
    import threading
    import time

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    running = server(app, host, port, certificate=certificate)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.01)
    scheme = "https" if certificate else "http"
    try:
        yield f"{scheme}://{url_host(host)}:{sock.getsockname()[1]}"
    finally:
        running.should_exit = True
        thread.join(20)
        sock.close()

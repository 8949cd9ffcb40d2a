"""Real HTTP(S) servers on 127.0.0.1 for the network tests, and the certificates they use.

Each server runs in a thread with a table of routes; a route is a function that writes the
whole answer, so a test can misbehave as a real server does (drip bytes, loop, send 50 MB).
Every request is logged with its headers so tests can check what the client sent.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Route = Callable[["Handler"], None]
HOST = "127.0.0.1"
DOMAIN = "example.org"  # the tests' host names; :func:`names_resolve_here` sends them to HOST


@dataclass
class Stats:
    """Counts shared by the servers of one test (in flight now, at most, bytes sent)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    peak: int = 0
    sent: int = 0


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    @property
    def head(self) -> bool:
        return self.command == "HEAD"

    def _dispatch(self) -> None:
        path = self.path.split("?")[0]
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.log.append(Seen(self.command, path, headers))
        route = self.server.routes.get(path)
        stats = self.server.stats
        with stats.lock:
            stats.in_flight += 1
            stats.peak = max(stats.peak, stats.in_flight)
        try:
            if route is None:
                self.reply(404, b"not here")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, TimeoutError):
            pass  # the client hung up, as it should on a bad answer
        finally:
            with stats.lock:
                stats.in_flight -= 1

    def reply(
        self,
        status: int,
        body: bytes = b"<html><head><title>ok</title></head><body>ok</body></html>",
        *,
        headers: dict[str, str] | None = None,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not self.head:
            self.wfile.write(body)

    def redirect(self, status: int, location: str) -> None:
        self.reply(status, b"", headers={"Location": location})

    def pause(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops, so no test waits for a sleeper."""
        self.server.stopping.wait(seconds)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, routes: Mapping[str, Route], stats: Stats) -> None:
        super().__init__((HOST, 0), Handler)
        self.routes = routes
        self.stats = stats
        self.log: list[Seen] = []
        self.stopping = threading.Event()
        self.scheme = "http"

    @property
    def base(self) -> str:
        return f"{self.scheme}://{HOST}:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[Seen]:
        return [seen for seen in self.log if seen.path == path]


@contextmanager
def serve(
    routes: Mapping[str, Route], *, tls: ssl.SSLContext | None = None, stats: Stats | None = None
) -> Iterator[Server]:
    server = Server(routes, stats or Stats())
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
        server.scheme = "https"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# Misbehaving routes -------------------------------------------------------------------------


def drip(handler: Handler, *, every: float = 0.1, limit: float = 10.0) -> None:
    """Send the status line and headers one byte at a time: never silent, never finished."""
    data = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"." * 1000
    started = time.monotonic()
    for byte in data:
        if handler.server.stopping.is_set() or time.monotonic() - started > limit:
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        handler.pause(every)


def huge(handler: Handler, *, size: int = 50 * 1024 * 1024, declare: bool = True) -> None:
    """A 50 MB answer (its length declared, or not: then it ends when the connection does)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    if declare:
        handler.send_header("Content-Length", str(size))
    handler.end_headers()
    if handler.head:
        return
    chunk = b"<p>" + b"x" * (64 * 1024 - 3)
    sent = 0
    stats = handler.server.stats
    while sent < size and not handler.server.stopping.is_set():
        handler.wfile.write(chunk)
        sent += len(chunk)
        with stats.lock:
            stats.sent += len(chunk)


# Certificates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    ca: Path  # trusted by tests that pass it on; the leaf below is signed by it
    leaf_cert: Path
    leaf_key: Path
    self_signed_cert: Path  # signed by nobody: must always fail verification
    self_signed_key: Path

    def server_context(self, *, self_signed: bool = False) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        if self_signed:
            context.load_cert_chain(self.self_signed_cert, self.self_signed_key)
        else:
            context.load_cert_chain(self.leaf_cert, self.leaf_key)
        return context


def make_certificates(folder: Path) -> Certificates:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    def build(
        subject: str,
        issuer: str,
        key: ec.EllipticCurvePrivateKey,
        signer: ec.EllipticCurvePrivateKey,
        *,
        ca: bool,
    ) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(name(subject))
            .issuer_name(name(issuer))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if ca:
            usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
            builder = builder.add_extension(usage, critical=True)
            builder = builder.add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
        else:
            names = [x509.IPAddress(ipaddress.ip_address(HOST)), x509.DNSName(f"*.{DOMAIN}")]
            san = x509.SubjectAlternativeName(names)
            builder = builder.add_extension(san, critical=False)
        if not ca and subject != issuer:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
                critical=False,
            )
        return builder.sign(signer, hashes.SHA256())

    def save(path: Path, data: bytes) -> Path:
        path.write_bytes(data)
        return path

    def key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    pem = serialization.Encoding.PEM
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = build("exposure test CA", "exposure test CA", ca_key, ca_key, ca=True)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = build(HOST, "exposure test CA", leaf_key, ca_key, ca=False)
    lone_key = ec.generate_private_key(ec.SECP256R1())
    lone = build(HOST, HOST, lone_key, lone_key, ca=False)
    return Certificates(
        ca=save(folder / "ca.pem", ca_cert.public_bytes(pem)),
        leaf_cert=save(folder / "leaf.pem", leaf.public_bytes(pem)),
        leaf_key=save(folder / "leaf.key", key_pem(leaf_key)),
        self_signed_cert=save(folder / "self.pem", lone.public_bytes(pem)),
        self_signed_key=save(folder / "self.key", key_pem(lone_key)),
    )


@contextmanager
def names_resolve_here() -> Iterator[None]:
    """Every ``*.example.org`` name resolves to 127.0.0.1 and no other name resolves at all,
    so a catalog with real-looking https URLs can be checked without leaving this computer."""
    real = socket.getaddrinfo

    def resolve(host: object, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name == HOST or name.endswith(f".{DOMAIN}"):
            return real(HOST, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"tests resolve only *.{DOMAIN}, not {name}")

    socket.getaddrinfo = resolve
    try:
        yield
    finally:
        socket.getaddrinfo = real


def free_port_that_refuses() -> int:
    """A port on 127.0.0.1 with nothing listening (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
    return port

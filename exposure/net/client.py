"""One way to make HTTP clients for maintenance jobs: honest, bounded and sending nothing personal.

Every client made here identifies itself truthfully, keeps no cookies, sends no referrer, and
ignores the environment (``trust_env=False``) so that a ``.netrc`` password or a proxy setting
meant for something else is never used. Certificates are always verified; a maintainer behind a
TLS-inspecting proxy can add its CA with ``SSL_CERT_FILE``, but there is no switch to turn
verification off, because a link checker that trusts anyone reports lies.
"""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("exposure")
    except PackageNotFoundError:  # running from a source tree that was never installed
        ours = "dev"
    return f"exposure-catalog-maintenance/{ours} (link checker and updater; sends no personal data)"


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits for one run. The defaults are polite to brokers' servers and finish in minutes."""

    concurrency: int = 16  # requests in flight overall
    per_host: int = 2  # requests in flight to one host (host:port)
    connect_timeout: float = 10.0
    read_timeout: float = 15.0  # the longest silence between two pieces of an answer
    deadline: float = 45.0  # the longest one URL may take, all redirects and retries included
    max_redirects: int = 5
    retries: int = 2  # extra attempts after a timeout, a dropped connection, 429 or 5xx
    backoff: float = 1.0  # the first pause before a retry; doubled each time
    max_backoff: float = 10.0  # the longest pause, even when Retry-After asks for more
    max_body: int = 512 * 1024  # bytes of a page read to look for robots meta tags
    read_pages: bool = True  # GET HTML pages to look for noindex (HEAD alone cannot see it)
    ca_file: Path | None = None  # extra trusted CA bundle; default: certifi, or SSL_CERT_FILE


def ssl_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A verifying TLS context: the given bundle, else SSL_CERT_FILE, else certifi's."""
    if ca_file is None and os.environ.get("SSL_CERT_FILE"):
        ca_file = Path(os.environ["SSL_CERT_FILE"])
    if ca_file is None:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    return ssl.create_default_context(cafile=str(ca_file))


def new_client(settings: Settings) -> httpx.AsyncClient:
    import httpx

    no_cookies = CookieJar(DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(
        # identity: a page's size on the wire is the size read, so the read cap holds
        headers={"User-Agent": user_agent(), "Accept": "*/*", "Accept-Encoding": "identity"},
        cookies=no_cookies,
        timeout=httpx.Timeout(
            settings.read_timeout, connect=settings.connect_timeout, pool=settings.deadline
        ),
        limits=httpx.Limits(
            max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
        ),
        follow_redirects=False,  # each hop is followed by hand, to record and bound the chain
        verify=ssl_context(settings.ca_file),
        trust_env=False,
    )


def failure_kind(exc: BaseException) -> tuple[str, str]:
    """Name a failed request ``timeout``, ``tls_error`` or ``connection_error``, with a reason."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return "timeout", f"no answer in time ({type(exc).__name__})"
    tls = _ssl_cause(exc)
    if tls is not None:
        reason = getattr(tls, "verify_message", None) or getattr(tls, "reason", None) or str(tls)
        return "tls_error", f"TLS failed: {reason} (certificates are always verified)"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL | ValueError):
        return "connection_error", f"not a usable web address: {exc}"
    text = str(exc) or type(exc).__name__
    return "connection_error", f"connection failed: {text}"


def _ssl_cause(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        current = current.__cause__ or current.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return ssl.SSLError(text)
    return None


def retry_pause(attempt: int, settings: Settings, retry_after: str | None) -> float:
    """Exponential backoff; a numeric Retry-After is honoured up to ``max_backoff``."""
    pause = settings.backoff * (2**attempt)
    if retry_after and retry_after.strip().isdigit():
        pause = max(pause, float(retry_after.strip()))
    return float(min(pause, settings.max_backoff))


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})

"""What keeps the web questionnaire safe on a shared network: secrets in the address, signed
one-time form tokens against cross-site forgery, limits on size and rate, strict headers, and
failures answered with a short page instead of a traceback.

Nothing here writes a file or a log line about a request: rate limits count in memory by
address and forget each address a minute later; a failed request prints only the error's type.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Unambiguous letters and digits for participant codes read aloud or copied from a phone.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


# Letters and digits nobody confuses when typing an address from a poster (no 0/o, 1/l/i).
TYPABLE = "abcdefghjkmnpqrstuvwxyz23456789"


def new_secret() -> str:
    """A random secret for an address: 128 bits, URL-safe."""
    return secrets.token_urlsafe(16)


def new_join_token() -> str:
    """The participants' token: 16 typable characters in groups of four (79 bits), since
    some will type it from the poster. With the rate limit, guessing it is hopeless."""
    chars = "".join(secrets.choice(TYPABLE) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


@dataclass
class Signer:
    """Signed, expiring form tokens. A token is ``nonce.issued.mac``; its nonce is what makes a
    submission count once. The key lives in memory for the life of the server."""

    key: bytes
    max_age: int = 6 * 3600

    @classmethod
    def fresh(cls) -> Signer:
        return cls(secrets.token_bytes(32))

    def _mac(self, purpose: str, *parts: str) -> str:
        msg = "|".join((purpose, *parts)).encode()
        return base64.urlsafe_b64encode(hmac.digest(self.key, msg, hashlib.sha256)[:18]).decode()

    def issue(self, purpose: str, nonce: str | None = None) -> str:
        nonce = nonce or secrets.token_urlsafe(12)
        issued = str(int(time.time()))
        return f"{nonce}.{issued}.{self._mac(purpose, nonce, issued)}"

    def check(self, purpose: str, token: str) -> str | None:
        """The token's nonce when it is genuine, for ``purpose``, and not expired."""
        parts = token.split(".")
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        nonce, issued, mac = parts
        if not hmac.compare_digest(mac.encode(), self._mac(purpose, nonce, issued).encode()):
            return None
        if time.time() - int(issued) > self.max_age:
            return None
        return nonce

    def code(self, nonce: str) -> str:
        """A short participant code derived from a submission's nonce (the same every time
        for the same submission, so nothing needs to remember it)."""
        digest = hmac.digest(self.key, b"code|" + nonce.encode(), hashlib.sha256)
        n = int.from_bytes(digest[:8], "big")
        chars = []
        for _ in range(6):
            n, i = divmod(n, len(CODE_ALPHABET))
            chars.append(CODE_ALPHABET[i])
        return "".join(chars[:3]) + "-" + "".join(chars[3:])


class Nonces:
    """Nonces of forms already submitted: each counts once. Random strings, nothing personal."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def first_use(self, nonce: str) -> bool:
        with self._lock:
            if nonce in self._seen:
                return False
            self._seen.add(nonce)
            return True

    def used(self, nonce: str) -> bool:
        with self._lock:
            return nonce in self._seen


@dataclass(frozen=True)
class Limits:
    """Request limits. ``per_minute`` counts requests from one network address."""

    body_bytes: int = 16 * 1024
    per_minute: int = 90


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, who: str) -> bool:
        now = time.monotonic()
        with self._lock:
            for key in [k for k, q in self._hits.items() if not q or now - q[-1] > 60]:
                del self._hits[key]  # forget addresses idle for a minute
            hits = self._hits.setdefault(who, deque())
            while hits and now - hits[0] > 60:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return False
            hits.append(now)
            return True


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = text.encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The outermost layer: headers on every response, size and rate limits, a same-origin
    check on every form post, and a short page (never a traceback) when something fails."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits
        self.rate = RateLimiter(limits.per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                message = {**message, "headers": kept + HEADERS}
            await send(message)

        client = scope.get("client")
        who = client[0] if client else "?"
        if not self.rate.allow(who):
            await _plain(
                send_with_headers,
                429,
                "Too many requests; wait a minute.",
                [
                    (b"retry-after", b"60"),
                ],
            )
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if scope["method"] not in ("GET", "HEAD", "POST"):
            await _plain(send_with_headers, 405, "Method not allowed.", [])
            return
        if scope["method"] == "POST" and not _same_origin(headers):
            await _plain(send_with_headers, 403, "This form must be sent from its own page.", [])
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limits.body_bytes):
            await _plain(send_with_headers, 413, "Too much data.", [])
            return
        # Bodies are small: read one whole (up to the limit) before the app sees it.
        body = bytearray()
        more = scope["method"] == "POST"
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.limits.body_bytes:
                await _plain(send_with_headers, 413, "Too much data.", [])
                return
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        try:
            await self.app(scope, replay, send_with_headers)
        except Exception as exc:
            # The error's text may quote an answer: name only its type.
            print(f"exposure: a request failed ({type(exc).__name__})", file=sys.stderr)
            if not started:
                await _plain(send_with_headers, 500, "Something went wrong; please try again.", [])


def _same_origin(headers: dict[bytes, bytes]) -> bool:
    """A browser says where a form came from; refuse forms posted from another site. (Tools
    that name no origin still need the page's signed token, which only the page carries.)"""
    site = headers.get(b"sec-fetch-site")
    if site is not None:
        return site == b"same-origin"
    origin = headers.get(b"origin")
    if origin is None:
        return True
    host = headers.get(b"host", b"")
    return origin != b"null" and origin.split(b"://", 1)[-1] == host

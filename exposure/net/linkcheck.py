"""The link checker: is each catalog URL still where people are sent, and can they find it?

Every URL is asked for with HEAD first (cheap for the broker's server); a HEAD that fails with an
error status is asked again with GET, because many servers answer HEAD badly. An HTML page is
then read with GET, at most ``max_body`` bytes, to look for a robots meta tag, and its site's
robots.txt is read once. Redirects are followed by hand so the chain can be reported, loops
caught and its length capped. Concurrency is bounded overall and per host, every request has
timeouts, and every URL a deadline, so one slow or malicious server cannot stall a run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from exposure.net import robots
from exposure.net.client import (
    PERMANENT_REDIRECTS,
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    Settings,
    failure_kind,
    new_client,
)
from exposure.net.retries import RedirectError, Redirects, retrying


class Status(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"  # reached through temporary redirects; the URL is still right
    MOVED = "moved"  # a permanent redirect: the catalog should carry the new URL
    HIDDEN = "hidden"  # works, but search engines are told to leave it out
    CLIENT_ERROR = "client_error"  # 4xx: gone, not found, forbidden
    SERVER_ERROR = "server_error"  # 5xx, still failing after the retries
    TIMEOUT = "timeout"
    TLS_ERROR = "tls_error"
    CONNECTION_ERROR = "connection_error"  # no such host, refused, reset
    REDIRECT_LOOP = "redirect_loop"  # a loop, or more redirects than allowed

    @property
    def works(self) -> bool:
        return self in (Status.OK, Status.REDIRECTED, Status.MOVED, Status.HIDDEN)


@dataclass(frozen=True, slots=True)
class Hop:
    url: str
    status: int


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What one URL did. ``hidden`` is set whenever search engines are kept away, even when a
    more urgent status (``moved``) is the headline."""

    url: str
    status: Status
    detail: str
    http_status: int | None = None
    final_url: str | None = None
    redirects: tuple[Hop, ...] = ()
    hidden: str | None = None
    attempts: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status.value,
            "http_status": self.http_status,
            "final_url": self.final_url,
            "redirects": [{"url": h.url, "status": h.status} for h in self.redirects],
            "hidden": self.hidden,
            "detail": self.detail,
            "attempts": self.attempts,
            "seconds": round(self.seconds, 3),
        }


@dataclass(slots=True)
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes = b""
    truncated: bool = False


@dataclass(slots=True)
class _Failure:
    kind: str
    reason: str


@dataclass(slots=True)
class _Trace:
    """A request followed through its redirects."""

    hops: list[Hop] = field(default_factory=list)
    url: str = ""
    answer: _Answer | None = None
    failure: _Failure | None = None
    loop: str | None = None


def check_urls(
    urls: Sequence[str],
    settings: Settings = Settings(),  # noqa: B008 - frozen, so sharing the default is safe
    on_result: Callable[[LinkResult], None] | None = None,
) -> list[LinkResult]:
    """Check every URL; results come back in the order of ``urls``."""
    return asyncio.run(check_urls_async(urls, settings, on_result))


async def check_urls_async(
    urls: Sequence[str],
    settings: Settings = Settings(),  # noqa: B008
    on_result: Callable[[LinkResult], None] | None = None,
) -> list[LinkResult]:
    async with new_client(settings) as client:
        checker = _Checker(client, settings)

        async def one(url: str) -> LinkResult:
            async with checker.overall:
                result = await checker.check(url)
            if on_result is not None:
                on_result(result)
            return result

        try:
            return list(await asyncio.gather(*(one(u) for u in urls)))
        finally:
            checker.close()


class _Checker:
    def __init__(self, client: httpx.AsyncClient, settings: Settings) -> None:
        self.client = client
        self.s = settings
        self.overall = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._robots: dict[str, asyncio.Task[RobotFileParser | None]] = {}

    def close(self) -> None:
        for task in self._robots.values():
            task.cancel()

    def _host(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        return self._hosts.setdefault(host, asyncio.Semaphore(self.s.per_host))

    async def check(self, url: str) -> LinkResult:
        started = time.monotonic()
        attempts = [0]
        try:
            async with asyncio.timeout(self.s.deadline):
                result = await self._check(url, attempts)
        except TimeoutError:
            result = LinkResult(
                url, Status.TIMEOUT, f"no complete answer within {self.s.deadline:g} s"
            )
        return _with(result, attempts=attempts[0], seconds=time.monotonic() - started)

    async def _check(self, url: str, attempts: list[int]) -> LinkResult:
        trace = await self._follow(url, "HEAD", attempts, read=False)
        note = ""
        answer = trace.answer
        if answer is not None and answer.status >= 400:
            note = f"HEAD answered {answer.status}, so GET was used; "
            trace = await self._follow(url, "GET", attempts, read=True)
        elif answer is not None and self.s.read_pages and _is_page(answer):
            trace = await self._follow(url, "GET", attempts, read=True)
        result = _classify(url, trace)
        if result.status.works and self.s.read_pages and trace.answer is not None:
            hidden = _hidden(trace.answer) or await self._robots_block(trace.url)
            if hidden:
                result = _with(result, hidden=hidden)
                if result.status in (Status.OK, Status.REDIRECTED):
                    result = _with(result, status=Status.HIDDEN, detail=f"hidden: {hidden}")
        if note:
            result = _with(result, detail=note + result.detail)
        return result

    async def _follow(self, url: str, method: str, attempts: list[int], *, read: bool) -> _Trace:
        trace = _Trace(url=url)
        chain = Redirects(url, self.s.max_redirects)
        while True:
            got = await self._request(method, chain.url, attempts, read=read)
            trace.url = chain.url
            if isinstance(got, _Failure):
                trace.failure = got
                return trace
            location = got.headers.get("location")
            if got.status not in REDIRECT_STATUSES or not location:
                trace.answer = got
                return trace
            try:
                chain.follow(got.status, location)
            except RedirectError as exc:
                if exc.kind == "bad":
                    trace.failure = _Failure("connection_error", exc.reason)
                else:
                    trace.loop = exc.reason
                return trace
            finally:
                trace.hops = [Hop(u, status) for u, status in chain.hops]

    async def _request(
        self, method: str, url: str, attempts: list[int], *, read: bool
    ) -> _Answer | _Failure:
        async def once() -> _Answer:
            attempts[0] += 1
            async with self._host(url):
                return await self._once(method, url, read=read)

        def again(answer: _Answer) -> str | bool:
            if answer.status in RETRY_STATUSES:
                return answer.headers.get("retry-after") or True
            return False

        try:
            return await retrying(self.s, once, again=again)
        except (httpx.HTTPError, ValueError) as exc:
            return _Failure(*failure_kind(exc))

    async def _once(self, method: str, url: str, *, read: bool) -> _Answer:
        async with self.client.stream(method, url) as response:
            answer = _Answer(response.status_code, response.headers)
            if read and response.status_code < 300:
                answer.body, answer.truncated = await _read_capped(response, self.s.max_body)
            return answer

    async def _robots_block(self, url: str) -> str | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        task = self._robots.get(origin)
        if task is None:
            # robots.txt requests are the site's, not this URL's: they do not count as attempts
            task = asyncio.ensure_future(self._read_robots(origin + "/robots.txt", [0]))
            self._robots[origin] = task
        parser = await asyncio.shield(task)
        return robots.robots_txt_blocks(parser, url) if parser is not None else None

    async def _read_robots(self, url: str, attempts: list[int]) -> RobotFileParser | None:
        """robots.txt of one site; any failure means "no rules known", never "hidden"."""
        try:
            async with asyncio.timeout(self.s.deadline):
                trace = await self._follow(url, "GET", attempts, read=True)
        except TimeoutError:
            return None
        answer = trace.answer
        if answer is None or answer.status >= 300:
            return None
        return robots.parse_robots_txt(answer.body.decode("utf-8", errors="replace"))


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of the body; the rest is never downloaded."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


def _is_page(answer: _Answer) -> bool:
    return answer.status < 300 and robots.is_html(answer.headers.get("content-type", ""))


def _hidden(answer: _Answer) -> str | None:
    found = robots.header_noindex(answer.headers.get_list("x-robots-tag"))
    if found or not answer.body:
        return found
    return robots.meta_noindex(answer.body, answer.headers.get("content-type", ""))


def _classify(url: str, trace: _Trace) -> LinkResult:
    hops = tuple(trace.hops)
    if trace.failure is not None:
        return LinkResult(url, Status(trace.failure.kind), trace.failure.reason, redirects=hops)
    if trace.loop is not None:
        return LinkResult(url, Status.REDIRECT_LOOP, trace.loop, redirects=hops)
    assert trace.answer is not None  # noqa: S101 - _follow sets one of the three
    code = trace.answer.status
    base = LinkResult(
        url, Status.OK, f"answered {code}", http_status=code, final_url=trace.url, redirects=hops
    )
    if code >= 500:
        return _with(base, status=Status.SERVER_ERROR, detail=f"server error {code}")
    if code >= 400:
        gone = " (gone for good)" if code == 410 else ""
        return _with(base, status=Status.CLIENT_ERROR, detail=f"client error {code}{gone}")
    if any(h.status in PERMANENT_REDIRECTS for h in hops):
        return _with(base, status=Status.MOVED, detail=f"moved permanently to {trace.url}")
    if hops:
        return _with(base, status=Status.REDIRECTED, detail=f"redirected to {trace.url}")
    if trace.answer.truncated:
        return _with(base, detail=f"answered {code} (page larger than the read limit)")
    return base


def _with(result: LinkResult, **changes: Any) -> LinkResult:
    from dataclasses import replace

    return replace(result, **changes)

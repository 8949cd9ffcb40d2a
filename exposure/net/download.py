"""Fetching one file (a registry export, a release archive) with every limit a download needs.

The body goes to disk in pieces and stops at ``max_bytes``, so a wrong URL that serves a huge
or endless answer cannot fill the disk or memory. Plain ``http://`` is refused except on this
computer's loopback address (used by the tests): a catalog that tells people where to send
opt-outs must not be replaceable by whoever sits on the network path.
"""

from __future__ import annotations

import asyncio
import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from exposure.net.client import (
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    Settings,
    failure_kind,
    new_client,
)
from exposure.net.errors import DownloadError
from exposure.net.retries import RedirectError, Redirects, retrying

DOWNLOAD_SETTINGS = Settings(deadline=300.0, retries=2)


def check_source_url(url: str) -> None:
    """Accept https URLs, and http only for loopback addresses (local tests and mirrors)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return
    raise DownloadError(f"refusing {url!r}: downloads must use an https:// address")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def download(
    url: str, dest: Path, *, max_bytes: int, settings: Settings = DOWNLOAD_SETTINGS
) -> int:
    """Save ``url`` to ``dest``; returns the size. Raises :class:`DownloadError` with a reason."""
    check_source_url(url)
    return asyncio.run(_download(url, dest, max_bytes, settings))


async def _download(url: str, dest: Path, max_bytes: int, settings: Settings) -> int:
    try:
        async with asyncio.timeout(settings.deadline), new_client(settings) as client:
            return await _follow(client, url, dest, max_bytes, settings)
    except TimeoutError:
        dest.unlink(missing_ok=True)
        raise DownloadError(
            f"{url}: not complete after {settings.deadline:g} s; try again later"
        ) from None


async def _follow(
    client: httpx.AsyncClient, url: str, dest: Path, max_bytes: int, settings: Settings
) -> int:
    chain = Redirects(url, settings.max_redirects)
    while True:
        got = await _get(client, chain.url, dest, max_bytes, settings)
        if isinstance(got, int):
            return got
        status, location = got
        try:
            target = chain.follow(status, location)
        except RedirectError as exc:
            reason = "the server redirects in a loop" if exc.kind == "loop" else exc.reason
            raise DownloadError(f"{url}: {reason}") from None
        check_source_url(target)


class _Retry:
    """A 429 or 5xx answer: worth another try."""

    def __init__(self, status: int, retry_after: str | None) -> None:
        self.status = status
        self.retry_after = retry_after


async def _get(
    client: httpx.AsyncClient, url: str, dest: Path, max_bytes: int, settings: Settings
) -> int | tuple[int, str]:
    """One GET with retries: the saved size, or the status and Location of a redirect."""

    async def once() -> int | tuple[int, str] | _Retry:
        async with client.stream("GET", url) as response:
            status = response.status_code
            if status in REDIRECT_STATUSES and "location" in response.headers:
                return status, response.headers["location"]
            if status in RETRY_STATUSES:
                return _Retry(status, response.headers.get("retry-after"))
            if status >= 400:
                raise DownloadError(f"{url}: the server answered {status}")
            return await _save(response, url, dest, max_bytes)

    def again(got: int | tuple[int, str] | _Retry) -> str | bool:
        if isinstance(got, _Retry):
            return got.retry_after or True
        return False

    try:
        got = await retrying(settings, once, again=again)
    except httpx.HTTPError as exc:
        raise DownloadError(f"{url}: {failure_kind(exc)[1]}") from None
    if isinstance(got, _Retry):
        raise DownloadError(f"{url}: the server answered {got.status}")
    return got


async def _save(response: httpx.Response, url: str, dest: Path, max_bytes: int) -> int:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise DownloadError(f"{url}: {int(declared)} bytes is more than the {max_bytes} allowed")
    size = 0
    with dest.open("wb") as handle:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                handle.close()
                dest.unlink(missing_ok=True)
                raise DownloadError(f"{url}: the file is larger than the {max_bytes} bytes allowed")
            handle.write(chunk)
    return size

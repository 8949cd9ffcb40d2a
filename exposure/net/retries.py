"""Retrying and redirect-following for the maintenance jobs: written once, used by the
registry download and the link checker alike.

Retries: a dropped connection, a timeout, 429 or a 5xx is tried again after an exponential
pause (a numeric Retry-After is honoured up to the cap); a TLS failure never is, since trying
again cannot make a certificate valid. Redirects are followed by hand so each hop is recorded
and the chain is bounded: a loop, a non-web target or too many hops ends it with a reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Literal, TypeVar
from urllib.parse import urlsplit

import httpx

from exposure.net.client import Settings, failure_kind, retry_pause

T = TypeVar("T")


async def retrying(
    settings: Settings,
    once: Callable[[], Awaitable[T]],
    *,
    again: Callable[[T], str | bool | None],
) -> T:
    """Call ``once`` until it gives an answer worth keeping, at most ``1 + retries`` times.

    ``again(answer)`` says whether an answer is worth another try: False to keep it, True or
    the Retry-After header's text to try again. The last answer is returned whatever it is;
    the last HTTP error is raised.
    """
    for attempt in range(settings.retries + 1):
        last = attempt == settings.retries
        try:
            got = await once()
        except httpx.HTTPError as exc:
            if last or failure_kind(exc)[0] == "tls_error":
                raise
            await asyncio.sleep(retry_pause(attempt, settings, None))
            continue
        verdict = again(got)
        if last or verdict is False:
            return got
        retry_after = verdict if isinstance(verdict, str) else None
        await asyncio.sleep(retry_pause(attempt, settings, retry_after))
    raise ValueError("settings.retries must not be negative")


class RedirectError(Exception):
    """The chain of redirects ends here: a ``loop``, ``too_many`` hops, or a ``bad`` target."""

    def __init__(self, reason: str, kind: Literal["loop", "too_many", "bad"]) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


class Redirects:
    """Where a request has got to, and the hops (url, status) that led there."""

    def __init__(self, url: str, limit: int) -> None:
        self.url = url
        self.hops: list[tuple[str, int]] = []
        self._seen = {url}
        self._limit = limit

    def follow(self, status: int, location: str) -> str:
        """Take one redirect; returns the new URL or raises :class:`RedirectError`."""
        self.hops.append((self.url, status))
        try:
            target = str(httpx.URL(self.url).join(location))
        except httpx.InvalidURL:
            raise RedirectError(f"bad redirect to {location!r}", "bad") from None
        if urlsplit(target).scheme not in ("http", "https"):
            raise RedirectError(f"redirects to {target!r}", "bad")
        if target in self._seen:
            raise RedirectError(f"redirect loop: {target} comes back", "loop")
        if len(self.hops) > self._limit:
            raise RedirectError(f"more than {self._limit} redirects", "too_many")
        self._seen.add(target)
        self.url = target
        return target

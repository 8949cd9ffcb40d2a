"""The link checker against real servers on 127.0.0.1: every status it promises, within bounds."""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Iterator

import pytest

from exposure.net.linkcheck import LinkResult, Status, check_urls
from tests.exposure.net.conftest import FAST
from tests.exposure.net.servers import (
    Certificates,
    Handler,
    Route,
    Server,
    Stats,
    drip,
    free_port_that_refuses,
    huge,
    serve,
)

NOINDEX_PAGE = b'<html><head><meta name="robots" content="noindex, nofollow"></head><body></body>'
PREVIEW_ONLY = b'<html><head><meta name="robots" content="max-image-preview: none"></head></html>'


def _flaky(failures: int) -> Route:
    """A route that answers 500 ``failures`` times, then 200."""
    count = itertools.count()

    def route(handler: Handler) -> None:
        if next(count) < failures:
            handler.reply(500, b"try again")
        else:
            handler.reply(200)

    return route


def _slow(handler: Handler) -> None:
    handler.pause(3.0)
    handler.reply(200)


ROUTES: dict[str, Route] = {
    "/ok": lambda h: h.reply(200),
    "/chain/1": lambda h: h.redirect(301, "/chain/2"),
    "/chain/2": lambda h: h.redirect(301, "/chain/3"),
    "/chain/3": lambda h: h.reply(200),
    "/temporary": lambda h: h.redirect(302, "/ok"),
    "/loop/a": lambda h: h.redirect(302, "/loop/b"),
    "/loop/b": lambda h: h.redirect(301, "/loop/a"),
    "/gone": lambda h: h.reply(410, b"gone"),
    "/missing-for-head": lambda h: h.reply(405 if h.head else 200),
    "/server-error": lambda h: h.reply(500, b"down"),
    "/slow": _slow,
    "/drip": drip,
    "/huge": huge,
    "/noindex-meta": lambda h: h.reply(200, NOINDEX_PAGE),
    "/noindex-header": lambda h: h.reply(200, headers={"X-Robots-Tag": "googlebot: noindex"}),
    "/preview-only": lambda h: h.reply(200, PREVIEW_ONLY),
    "/cookie": lambda h: h.reply(200, headers={"Set-Cookie": "track=1; Path=/"}),
    "/private/optout": lambda h: h.reply(200),
    "/robots.txt": lambda h: h.reply(
        200, b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    ),
}


@pytest.fixture
def web() -> Iterator[Server]:
    routes = dict(ROUTES)
    routes["/flaky"] = _flaky(1)
    with serve(routes) as server:
        yield server


def check(server: Server, path: str, **changes: object) -> LinkResult:
    settings = dataclasses.replace(FAST, **changes)  # type: ignore[arg-type]
    (result,) = check_urls([server.url(path)], settings)
    return result


def test_a_working_page_is_ok(web: Server) -> None:
    result = check(web, "/ok")
    assert (result.status, result.http_status, result.redirects) == (Status.OK, 200, ())
    assert result.hidden is None


def test_a_chain_of_permanent_redirects_is_moved_with_its_destination(web: Server) -> None:
    result = check(web, "/chain/1")
    assert result.status is Status.MOVED
    assert result.final_url == web.url("/chain/3")
    assert [(h.url, h.status) for h in result.redirects] == [
        (web.url("/chain/1"), 301),
        (web.url("/chain/2"), 301),
    ]
    assert web.url("/chain/3") in result.detail


def test_a_temporary_redirect_is_redirected_and_says_where(web: Server) -> None:
    result = check(web, "/temporary")
    assert result.status is Status.REDIRECTED
    assert result.final_url == web.url("/ok")
    assert "redirected to" in result.detail


def test_a_redirect_loop_is_caught(web: Server) -> None:
    result = check(web, "/loop/a")
    assert result.status is Status.REDIRECT_LOOP
    assert len(web.requests("/loop/a")) == 1  # noticed on the first repeat, not after the cap


def test_a_chain_longer_than_the_cap_is_refused(web: Server) -> None:
    result = check(web, "/chain/1", max_redirects=1)
    assert result.status is Status.REDIRECT_LOOP
    assert "more than 1 redirects" in result.detail


def test_not_found_and_gone_are_client_errors(web: Server) -> None:
    missing, gone = check_urls([web.url("/nowhere"), web.url("/gone")], FAST)
    assert (missing.status, missing.http_status) == (Status.CLIENT_ERROR, 404)
    assert (gone.status, gone.http_status) == (Status.CLIENT_ERROR, 410)
    assert "gone for good" in gone.detail


def test_a_server_that_refuses_head_is_asked_with_get(web: Server) -> None:
    result = check(web, "/missing-for-head", read_pages=False)
    assert result.status is Status.OK
    assert [s.method for s in web.requests("/missing-for-head")] == ["HEAD", "GET"]
    assert "HEAD answered 405" in result.detail


def test_a_server_error_is_retried_then_succeeds(web: Server) -> None:
    result = check(web, "/flaky", read_pages=False)
    assert result.status is Status.OK
    assert result.attempts == 2
    assert len(web.requests("/flaky")) == 2


def test_a_lasting_server_error_gives_up_after_the_retries(web: Server) -> None:
    result = check(web, "/server-error", read_pages=False, retries=2)
    assert (result.status, result.http_status) == (Status.SERVER_ERROR, 500)
    # HEAD three times (one try and two retries), then GET three times
    assert len(web.requests("/server-error")) == 6


def test_a_slow_answer_times_out_after_bounded_retries(web: Server) -> None:
    started = time.monotonic()
    result = check(web, "/slow", read_pages=False, read_timeout=0.2, retries=1, deadline=5.0)
    assert result.status is Status.TIMEOUT
    assert result.attempts == 2
    assert time.monotonic() - started < 2.0


def test_a_server_that_drips_bytes_is_cut_off_at_the_deadline(web: Server) -> None:
    # Each byte comes well inside the read timeout, so only the per-URL deadline can stop it.
    started = time.monotonic()
    result = check(web, "/drip", read_timeout=1.0, deadline=1.0)
    assert result.status is Status.TIMEOUT
    assert "within 1 s" in result.detail
    assert time.monotonic() - started < 2.0


def test_a_50_mb_page_is_read_only_up_to_the_cap() -> None:
    stats = Stats()
    with serve({"/huge": huge}, stats=stats) as server:
        started = time.monotonic()
        result = check(server, "/huge", max_body=64 * 1024)
        elapsed = time.monotonic() - started
    assert result.status is Status.OK
    assert "larger than the read limit" in result.detail
    assert elapsed < 3.0
    assert stats.sent < 25 * 1024 * 1024  # the client hung up long before the end


def test_a_self_signed_certificate_is_a_clear_tls_error(certificates: Certificates) -> None:
    context = certificates.server_context(self_signed=True)
    with serve({"/ok": lambda h: h.reply(200)}, tls=context) as server:
        result = check(server, "/ok")
    assert result.status is Status.TLS_ERROR
    assert "certificate" in result.detail.lower()
    assert "always verified" in result.detail
    assert result.attempts == 1  # a certificate does not get better by asking again


def test_a_certificate_from_a_trusted_authority_is_ok(certificates: Certificates) -> None:
    with serve({"/ok": lambda h: h.reply(200)}, tls=certificates.server_context()) as server:
        result = check(server, "/ok", ca_file=certificates.ca)
    assert result.status is Status.OK


def test_nothing_listening_is_a_connection_error() -> None:
    url = f"http://127.0.0.1:{free_port_that_refuses()}/optout"
    (result,) = check_urls([url], dataclasses.replace(FAST, retries=0))
    assert result.status is Status.CONNECTION_ERROR


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/noindex-meta", '<meta name="robots" content="noindex, nofollow">'),
        ("/noindex-header", "X-Robots-Tag: googlebot: noindex"),
        ("/private/optout", "robots.txt disallows Googlebot"),
    ],
)
def test_pages_hidden_from_search_engines_say_how(web: Server, path: str, reason: str) -> None:
    result = check(web, path)
    assert result.status is Status.HIDDEN
    assert result.hidden == reason


def test_a_value_of_none_for_image_previews_does_not_hide_a_page(web: Server) -> None:
    assert check(web, "/preview-only").status is Status.OK


def test_robots_txt_is_read_once_per_site(web: Server) -> None:
    check_urls([web.url("/ok"), web.url("/private/optout"), web.url("/noindex-meta")], FAST)
    assert len(web.requests("/robots.txt")) == 1


def test_a_moved_page_that_is_also_hidden_keeps_both_facts() -> None:
    routes: dict[str, Route] = {
        "/old": lambda h: h.redirect(301, "/new"),
        "/new": lambda h: h.reply(200, NOINDEX_PAGE),
    }
    with serve(routes) as server:
        result = check(server, "/old")
    assert result.status is Status.MOVED
    assert result.hidden is not None


def test_head_only_does_not_read_pages(web: Server) -> None:
    result = check(web, "/noindex-meta", read_pages=False)
    assert result.status is Status.OK
    assert [s.method for s in web.requests("/noindex-meta")] == ["HEAD"]
    assert web.requests("/robots.txt") == []


def test_requests_carry_no_cookies_no_referrer_and_an_honest_user_agent(web: Server) -> None:
    check_urls([web.url("/cookie"), web.url("/chain/1")], dataclasses.replace(FAST, concurrency=1))
    check_urls([web.url("/cookie")], FAST)
    allowed = {"host", "user-agent", "accept", "accept-encoding", "connection"}
    for seen in web.log:
        assert set(seen.headers) <= allowed, seen
        assert "exposure" in seen.headers["user-agent"]
        assert "no personal data" in seen.headers["user-agent"]


def _slowish(handler: Handler) -> None:
    handler.pause(0.15)
    handler.reply(200)


def test_concurrency_is_bounded_per_host() -> None:
    stats = Stats()
    with serve({f"/{i}": _slowish for i in range(8)}, stats=stats) as server:
        settings = dataclasses.replace(FAST, concurrency=8, per_host=2, read_pages=False)
        results = check_urls([server.url(f"/{i}") for i in range(8)], settings)
    assert all(r.status is Status.OK for r in results)
    assert stats.peak == 2


def test_concurrency_is_bounded_overall_across_hosts() -> None:
    shared = Stats()  # both servers count into one: requests in flight anywhere
    routes = {f"/{i}": _slowish for i in range(6)}
    with serve(routes, stats=shared) as one, serve(routes, stats=shared) as other:
        settings = dataclasses.replace(FAST, concurrency=3, per_host=2, read_pages=False)
        urls = [s.url(f"/{i}") for s in (one, other) for i in range(6)]
        results = check_urls(urls, settings)
    assert all(r.status is Status.OK for r in results)
    assert shared.peak == 3


def test_results_come_back_in_the_order_asked(web: Server) -> None:
    urls = [web.url(p) for p in ("/gone", "/ok", "/temporary")]
    assert [r.url for r in check_urls(urls, FAST)] == urls

"""Downloads stop at their limits, verify certificates, and refuse plain http off this computer."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from exposure.net.download import check_source_url, download
from exposure.net.errors import DownloadError
from tests.exposure.net.conftest import FAST
from tests.exposure.net.servers import Certificates, Handler, Stats, huge, serve


def _unsized(handler: Handler) -> None:
    huge(handler, declare=False)


def test_a_file_is_saved(tmp_path: Path) -> None:
    with serve({"/file.csv": lambda h: h.reply(200, b"a,b\n1,2\n", content_type="text/csv")}) as s:
        size = download(s.url("/file.csv"), tmp_path / "f.csv", max_bytes=1024, settings=FAST)
    assert size == 8
    assert (tmp_path / "f.csv").read_bytes() == b"a,b\n1,2\n"


def test_a_declared_50_mb_body_is_refused_before_reading_it(tmp_path: Path) -> None:
    stats = Stats()
    with (
        serve({"/huge": huge}, stats=stats) as server,
        pytest.raises(DownloadError, match="more than the 1048576 allowed"),
    ):
        download(server.url("/huge"), tmp_path / "h", max_bytes=1 << 20, settings=FAST)
    assert not (tmp_path / "h").exists()


def test_an_undeclared_50_mb_body_is_cut_at_the_cap(tmp_path: Path) -> None:
    stats = Stats()
    started = time.monotonic()
    with (
        serve({"/huge": _unsized}, stats=stats) as server,
        pytest.raises(DownloadError, match="larger than the 1048576 bytes allowed"),
    ):
        download(server.url("/huge"), tmp_path / "h", max_bytes=1 << 20, settings=FAST)
    assert time.monotonic() - started < 5
    assert stats.sent < 25 * 1024 * 1024
    assert not (tmp_path / "h").exists()


def test_a_self_signed_certificate_is_refused_with_a_reason(
    tmp_path: Path, certificates: Certificates
) -> None:
    context = certificates.server_context(self_signed=True)
    with (
        serve({"/f": lambda h: h.reply(200)}, tls=context) as server,
        pytest.raises(DownloadError, match=r"TLS failed: .*certificate"),
    ):
        download(server.url("/f"), tmp_path / "f", max_bytes=1024, settings=FAST)


def test_a_server_error_is_retried(tmp_path: Path) -> None:
    answers = iter([503, 200])
    with serve({"/f": lambda h: h.reply(next(answers), b"data")}) as server:
        download(server.url("/f"), tmp_path / "f", max_bytes=1024, settings=FAST)
        assert len(server.requests("/f")) == 2


def test_a_missing_file_is_an_error_naming_the_status(tmp_path: Path) -> None:
    with serve({}) as server, pytest.raises(DownloadError, match="answered 404"):
        download(server.url("/nothing"), tmp_path / "f", max_bytes=1024, settings=FAST)


def test_redirects_are_followed_but_not_forever(tmp_path: Path) -> None:
    routes = {
        "/old": lambda h: h.redirect(301, "/new"),
        "/new": lambda h: h.reply(200, b"data"),
        "/loop": lambda h: h.redirect(302, "/loop"),
    }
    with serve(routes) as server:
        download(server.url("/old"), tmp_path / "f", max_bytes=1024, settings=FAST)
        assert (tmp_path / "f").read_bytes() == b"data"
        with pytest.raises(DownloadError, match="loop"):
            download(server.url("/loop"), tmp_path / "g", max_bytes=1024, settings=FAST)


def test_a_dripping_server_hits_the_deadline(tmp_path: Path) -> None:
    from tests.exposure.net.servers import drip

    settings = dataclasses.replace(FAST, read_timeout=1.0, deadline=1.0)
    with (
        serve({"/drip": drip}) as server,
        pytest.raises(DownloadError, match="not complete after 1 s"),
    ):
        download(server.url("/drip"), tmp_path / "f", max_bytes=1024, settings=settings)


@pytest.mark.parametrize(
    "url",
    ["http://registry.example.org/file.csv", "ftp://127.0.0.1/x", "file:///etc/passwd", "https://"],
)
def test_only_https_or_loopback_http_is_accepted(url: str) -> None:
    with pytest.raises(DownloadError, match="must use an https"):
        check_source_url(url)


def test_https_and_loopback_http_are_accepted() -> None:
    check_source_url("https://registry.example.org/file.csv")
    check_source_url("http://127.0.0.1:8000/file.csv")

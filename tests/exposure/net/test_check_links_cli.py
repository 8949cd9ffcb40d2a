"""`exposure catalog check-links` over a catalog whose URLs point at servers on this computer.

The catalog accepts only https URLs with real-looking host names, so the tests give their
brokers ``*.example.org`` addresses and make those names (and only those) resolve to
127.0.0.1, served with a certificate from a test CA that SSL_CERT_FILE makes trusted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from exposure.cli.main import main
from exposure.net.health import load_link_health
from tests.exposure.net.servers import Certificates, Route, Server, names_resolve_here, serve

NOINDEX = b'<html><head><meta name="robots" content="noindex"></head><body></body></html>'


@pytest.fixture
def site(certificates: Certificates, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    routes: dict[str, Route] = {
        "/optout": lambda h: h.reply(200, NOINDEX),
        "/privacy": lambda h: h.redirect(301, "/privacy-2026"),
        "/privacy-2026": lambda h: h.reply(200),
        "/other/optout": lambda h: h.reply(404, b"gone"),
    }
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates.ca))
    with names_resolve_here(), serve(routes, tls=certificates.server_context()) as server:
        yield server


@pytest.fixture
def catalog(minimal_catalog: Path, site: Server) -> Path:
    """The minimal catalog, its broker's opt-out and privacy pages served by ``site``."""
    port = site.server_address[1]
    record = minimal_catalog / "brokers" / "valid-broker.toml"
    text = record.read_text("utf-8").replace(
        "https://valid-broker.example.org/optout", f"https://valid-broker.example.org:{port}/optout"
    )
    text = text.replace(
        "[contacts]\n",
        f'[contacts]\nprivacy_url = "https://valid-broker.example.org:{port}/privacy"\n',
    )
    record.write_text(text, "utf-8")
    return minimal_catalog


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_summary_counts_statuses_and_lists_what_needs_attention(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--catalog", str(catalog), "catalog", "check-links")
    assert code == 0  # every URL works, even if one moved and one is hidden
    assert "Checked 2 URLs of 1 brokers." in out
    lines = out.splitlines()
    assert any(line.split() == ["moved", "1"] for line in lines)
    assert any(line.split() == ["hidden", "1"] for line in lines)
    assert "Needs attention:" in out
    assert "moved permanently to https://valid-broker.example.org" in out
    assert "valid-broker" in out


def test_json_gives_every_result_with_its_brokers(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--catalog", str(catalog), "catalog", "check-links", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["urls"] == 2
    assert data["by_status"] == {"moved": 1, "hidden": 1}
    by_kind = {r["kinds"][0]: r for r in data["results"]}
    assert by_kind["opt-out"]["hidden"] == '<meta name="robots" content="noindex">'
    assert by_kind["privacy"]["final_url"].endswith("/privacy-2026")
    assert by_kind["privacy"]["brokers"] == ["valid-broker"]


def test_a_broken_url_makes_the_run_fail_for_scripts(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = catalog / "brokers" / "valid-broker.toml"
    record.write_text(record.read_text("utf-8").replace("/optout", "/other/optout"), "utf-8")
    code, out, _ = run(capsys, "--catalog", str(catalog), "catalog", "check-links")
    assert code == 1
    assert "client_error" in out
    assert "/other/optout" in out


def test_write_records_dated_link_health_beside_the_catalog(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--catalog", str(catalog), "catalog", "check-links", "--write")
    assert code == 0
    assert f"Link health written to {catalog / 'link-health.json'}" in out
    health = load_link_health(catalog)
    assert sorted(h.status for h in health.values()) == ["hidden", "moved"]
    assert all(h.checked == h.since for h in health.values())
    # the catalog still loads: the loader ignores the health record
    assert run(capsys, "--no-cache", "--catalog", str(catalog), "catalog", "validate")[0] == 0


def test_an_unknown_category_is_a_clear_error(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "check-links", "--category", "nope")
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "unknown category 'nope'" in err


def test_a_category_without_these_brokers_checks_nothing(
    catalog: Path, capsys: pytest.CaptureFixture[str], site: Server
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "check-links", "--category", "people-search")
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "Checked 0 URLs" in out
    assert site.log == []

"""`exposure catalog fetch-registry`: download, show the diff, import only when confirmed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from broker_catalog.importers import ca_cppa
from exposure.cli.main import main
from tests.broker_catalog.importers.support import make_catalog, snapshot, write_csv
from tests.exposure.net.servers import Route, Server, serve


def cppa_csv(path: Path, *names: str) -> bytes:
    rows = [
        {
            ca_cppa.NAME: name,
            ca_cppa.WEBSITE: f"https://{name.split()[0].lower()}.example.org",
            ca_cppa.EMAIL: f"privacy@{name.split()[0].lower()}.example.org",
            ca_cppa.MINORS: "No",
            ca_cppa.FCRA: "No",
        }
        for name in names
    ]
    note = [["If not answered by DB, do not surface in website."]]
    return write_csv(path, ca_cppa.COLUMNS, rows, preamble=note).read_bytes()


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return make_catalog(tmp_path / "catalog")


def _csv_route(data: bytes) -> Route:
    return lambda h: h.reply(200, data, content_type="text/csv")


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Server]:
    files = {
        "/registry.csv": cppa_csv(tmp_path / "r.csv", "Acme Data LLC", "Borealis Lists Inc"),
        "/smaller.csv": cppa_csv(tmp_path / "s.csv", "Acme Data LLC"),
    }
    routes = {path: _csv_route(data) for path, data in files.items()}
    routes["/page"] = lambda h: h.reply(200, b"<!DOCTYPE html><html><body>Registry</body></html>")
    with serve(routes) as server:
        yield server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_without_yes_it_shows_the_diff_and_writes_nothing(
    catalog: Path, registry: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "fetch-registry", "ca-cppa")
    code, out, _ = run(capsys, *argv, "--url", registry.url("/registry.csv"))
    assert code == 0
    assert "2 new" in out
    assert "New brokers:" in out
    assert '+name = "Acme Data LLC"' in out  # the diff of the file it would write
    assert "Nothing was written; run again with --yes" in out
    assert snapshot(catalog) == {}


def test_with_yes_it_imports(
    catalog: Path, registry: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "fetch-registry", "ca-cppa", "--yes", "--quiet")
    code, out, _ = run(
        capsys, *argv, "--url", registry.url("/registry.csv"), "--save", str(tmp_path / "k.csv")
    )
    assert code == 0
    assert "[written]" in out
    assert sorted(snapshot(catalog)) == ["acme-data.toml", "borealis-lists.toml"]
    assert (tmp_path / "k.csv").read_bytes().startswith(b'"If not answered')


def test_brokers_that_left_the_registry_are_listed_for_review_not_deleted(
    catalog: Path, registry: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("--catalog", str(catalog), "catalog", "fetch-registry", "ca-cppa")
    run(capsys, *base, "--yes", "--url", registry.url("/registry.csv"))
    code, out, _ = run(capsys, *base, "--json", "--url", registry.url("/smaller.csv"))
    data = json.loads(out)
    assert code == 0
    assert data["removed"] == ["borealis-lists"]
    assert data["written"] is False
    assert "borealis-lists.toml" in snapshot(catalog)


def test_a_web_page_instead_of_a_csv_is_a_clear_error(
    catalog: Path, registry: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "fetch-registry", "ca-cppa", "--yes")
    code, _, err = run(capsys, *argv, "--url", registry.url("/page"))
    assert code == 1
    assert "returned a web page, not a CSV file" in err
    assert snapshot(catalog) == {}


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("vt", "import-registry FILE --format vt"),
        ("or", "Oregon publishes a search page only"),
        ("tx", "Texas publishes a search page only"),
    ],
)
def test_registries_without_a_download_say_what_to_do_instead(
    name: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "catalog", "fetch-registry", name, "--url", "https://x.example.org")
    assert code == 1
    assert words in err


def test_plain_http_to_another_computer_is_refused(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("--catalog", str(catalog), "catalog", "fetch-registry", "ca-cppa")
    code, _, err = run(capsys, *argv, "--url", "http://registry.example.org/registry.csv")
    assert code == 1
    assert "must use an https:// address" in err

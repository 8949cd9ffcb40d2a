"""`exposure catalog update` and `rollback`: verified releases only, switched atomically."""

from __future__ import annotations

import hashlib
import io
import tarfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from broker_catalog import load_catalog
from exposure.cli.main import main
from exposure.net import install
from exposure.net.archive import parse_sha256, unpack_catalog
from exposure.net.errors import VerificationError
from tests.exposure.net.servers import Handler, Route, Server, serve


def release(catalog: Path, version: str, dest: Path, *, top: str = "catalog") -> bytes:
    """A release archive of ``catalog`` with its version set to ``version``."""
    info = (catalog / "catalog.toml").read_text("utf-8")
    old = next(line for line in info.splitlines() if line.startswith("version"))
    (catalog / "catalog.toml").write_text(info.replace(old, f'version = "{version}"'), "utf-8")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(catalog, arcname=top)
    dest.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Releases:
    """A release server: files by path, each with a .sha256 beside it unless told otherwise."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def publish(self, name: str, data: bytes, *, checksum: str | None = None) -> None:
        self.files[f"/{name}"] = data
        self.files[f"/{name}.sha256"] = f"{checksum or sha(data)}  {name}\n".encode()


class _Everything(Mapping[str, Route]):
    """Routes for every path: each answers from the release server's files, or 404."""

    def __init__(self, releases: Releases) -> None:
        self.releases = releases

    def __getitem__(self, path: str) -> Route:
        def answer(handler: Handler) -> None:
            data = self.releases.files.get(path)
            status = 404 if data is None else 200
            handler.reply(status, data or b"", content_type="application/gzip")

        return answer

    def __iter__(self) -> Iterator[str]:
        return iter(self.releases.files)

    def __len__(self) -> int:
        return len(self.releases.files)


@pytest.fixture
def releases() -> Iterator[tuple[Releases, Server]]:
    published = Releases()
    with serve(_Everything(published)) as server:
        yield published, server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def current_version(home: Path) -> str:
    return load_catalog(home / "current", use_cache=False).info.version


@pytest.fixture
def newer(minimal_catalog: Path, tmp_path: Path) -> bytes:
    return release(minimal_catalog, "2099.1.1", tmp_path / "a.tar.gz")


def test_a_verified_release_is_installed_and_loadable(
    releases: tuple[Releases, Server],
    newer: bytes,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    published, server = releases
    published.publish("catalog-2099.1.1.tar.gz", newer)
    code, out, _ = run(
        capsys, "catalog", "update", "--from", server.url("/catalog-2099.1.1.tar.gz"), "--yes"
    )
    assert code == 0, out
    assert f"SHA-256 {sha(newer)} verified" in out
    assert "Brokers added: 1" in out  # the built-in catalog has no valid-broker
    assert current_version(catalog_home) == "2099.1.1"
    assert f"--catalog {catalog_home / 'current'}" in out
    # and the loader takes it through --catalog, as the message says
    code, out, _ = run(
        capsys, "--no-cache", "--catalog", str(catalog_home / "current"), "catalog", "list"
    )
    assert code == 0
    assert "valid-broker" in out


def test_an_archive_that_does_not_match_its_checksum_is_refused(
    releases: tuple[Releases, Server],
    newer: bytes,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    published, server = releases
    published.publish("c.tar.gz", newer, checksum=sha(b"something else"))
    code, _, err = run(capsys, "catalog", "update", "--from", server.url("/c.tar.gz"), "--yes")
    assert code == 1
    assert "does not match its published checksum" in err
    assert install.installed(catalog_home).current is None
    assert not (catalog_home / "releases").exists(), "staging cleaned up, no empty releases/"


def test_a_pinned_checksum_overrides_the_published_one(
    releases: tuple[Releases, Server], newer: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    published, server = releases
    published.publish("c.tar.gz", newer)  # the server's own .sha256 matches...
    pinned = sha(b"what the release notes say")  # ...but the maintainer pinned another
    argv = ("catalog", "update", "--from", server.url("/c.tar.gz"), "--sha256", pinned, "--yes")
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "does not match" in err
    assert not server.requests("/c.tar.gz.sha256")  # the pinned value is all that counts


def test_a_release_without_a_checksum_is_refused(
    releases: tuple[Releases, Server], newer: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    published, server = releases
    published.files["/c.tar.gz"] = newer
    code, _, err = run(capsys, "catalog", "update", "--from", server.url("/c.tar.gz"), "--yes")
    assert code == 1
    assert "c.tar.gz.sha256: the server answered 404" in err


def test_an_invalid_catalog_is_refused_even_with_a_good_checksum(
    releases: tuple[Releases, Server],
    minimal_catalog: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    broken = minimal_catalog / "brokers" / "valid-broker.toml"
    broken.write_text(broken.read_text("utf-8").replace('quality = "verified"', ""), "utf-8")
    published, server = releases
    published.publish("c.tar.gz", release(minimal_catalog, "2099.1.1", tmp_path / "c.tar.gz"))
    code, _, err = run(capsys, "catalog", "update", "--from", server.url("/c.tar.gz"), "--yes")
    assert code == 1
    assert "not a valid catalog" in err
    assert "quality" in err
    assert install.installed(catalog_home).current is None


def test_an_older_release_is_refused_unless_allowed(
    releases: tuple[Releases, Server],
    minimal_catalog: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    published, server = releases
    published.publish("old.tar.gz", release(minimal_catalog, "2001.1.1", tmp_path / "o.tar.gz"))
    argv = ("catalog", "update", "--from", server.url("/old.tar.gz"), "--yes")
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "older than the built-in catalog" in err
    assert run(capsys, *argv, "--allow-older")[0] == 0
    assert current_version(catalog_home) == "2001.1.1"


def test_without_yes_and_without_a_terminal_nothing_is_installed(
    releases: tuple[Releases, Server],
    newer: bytes,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    published, server = releases
    published.publish("c.tar.gz", newer)
    code, out, _ = run(capsys, "catalog", "update", "--from", server.url("/c.tar.gz"))
    assert code == 0
    assert "Nothing was installed" in out
    assert install.installed(catalog_home).current is None


def test_rollback_returns_to_the_previous_release_and_back(
    releases: tuple[Releases, Server],
    minimal_catalog: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalog_home: Path,
) -> None:
    published, server = releases
    for version in ("2099.1.1", "2099.2.1", "2099.3.1"):
        published.publish(f"{version}.tar.gz", release(minimal_catalog, version, tmp_path / "r"))
        url = server.url(f"/{version}.tar.gz")
        assert run(capsys, "catalog", "update", "--from", url, "--yes")[0] == 0
    home = catalog_home
    assert current_version(home) == "2099.3.1"
    assert len(list((home / "releases").iterdir())) == 2  # the oldest one was pruned
    code, out, _ = run(capsys, "catalog", "rollback")
    assert code == 0
    assert "2099.2.1" in out
    assert current_version(home) == "2099.2.1"
    run(capsys, "catalog", "rollback")
    assert current_version(home) == "2099.3.1"


def test_rollback_with_nothing_installed_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "catalog", "rollback")
    assert code == 1
    assert "no previous catalog release" in err


def test_update_json_reports_what_it_installed(
    releases: tuple[Releases, Server], newer: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    published, server = releases
    published.publish("c.tar.gz", newer)
    argv = ("catalog", "update", "--from", server.url("/c.tar.gz"), "--json", "--yes")
    code, out, _ = run(capsys, *argv)
    data = json.loads(out)
    assert code == 0
    assert data["version"] == "2099.1.1"
    assert data["sha256"] == sha(newer)
    assert data["added"] == ["valid-broker"]
    assert data["installed"].endswith("current")


# The archive itself --------------------------------------------------------------------------


def _tar(dest: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(dest, "w:gz") as tar:
        for info, data in members:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return dest


def _file(name: str) -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), b"x = 1\n"


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (_file("../outside.toml"), "not a catalog file"),
        (_file("brokers/../../evil.toml"), "not a catalog file"),
        (_file("brokers/script.sh"), "not a catalog file"),
        (_file("/etc/cron.d/evil"), "not a catalog file"),
    ],
)
def test_unpacking_refuses_anything_but_catalog_files(
    tmp_path: Path, member: tuple[tarfile.TarInfo, bytes], message: str
) -> None:
    fixed = [_file(n) for n in ("catalog.toml", "categories.toml", "facts.toml")]
    archive = _tar(tmp_path / "a.tar.gz", [*fixed, member])
    with pytest.raises(VerificationError, match=message):
        unpack_catalog(archive, tmp_path / "out")
    assert not (tmp_path / "outside.toml").exists()


def test_unpacking_refuses_links(tmp_path: Path) -> None:
    link = tarfile.TarInfo("brokers/a.toml")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    fixed = [_file(n) for n in ("catalog.toml", "categories.toml", "facts.toml")]
    archive = _tar(tmp_path / "a.tar.gz", [*fixed, (link, b"")])
    with pytest.raises(VerificationError, match="links and special files"):
        unpack_catalog(archive, tmp_path / "out")


def test_an_archive_without_the_catalog_files_is_refused(tmp_path: Path) -> None:
    archive = _tar(tmp_path / "a.tar.gz", [_file("brokers/a.toml")])
    with pytest.raises(VerificationError, match=r"has no catalog\.toml"):
        unpack_catalog(archive, tmp_path / "out")


def test_a_file_that_is_not_a_tar_archive_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.tar.gz").write_bytes(b"<html>not found</html>")
    with pytest.raises(VerificationError, match="cannot be unpacked"):
        unpack_catalog(tmp_path / "a.tar.gz", tmp_path / "out")


def test_checksum_files_in_sha256sum_format() -> None:
    digest = "ab" * 32
    assert parse_sha256(f"{digest}  c.tar.gz\n", "c.tar.gz") == digest
    assert parse_sha256(f"{digest} *c.tar.gz\n", "c.tar.gz") == digest
    assert parse_sha256(f"{digest.upper()}\n", "c.tar.gz") == digest
    with pytest.raises(VerificationError, match=r"no SHA-256 for c\.tar\.gz"):
        parse_sha256(f"{digest}  other.tar.gz\n", "c.tar.gz")

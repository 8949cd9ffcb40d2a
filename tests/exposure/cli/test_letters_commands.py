"""`exposure letters` and `exposure send` as a clinic or a person would use them."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from exposure.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_letters_for_the_demo_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "letters"
    code, stdout, _ = run(
        capsys, "letters", "--demo", "--broker", "acxiom", "--broker", "nctue", "--format", "pdf",
        "--format", "eml", "--format", "txt", "--format", "guide", "--merge", "--out", str(out),
        "--date", "2026-11-20",
    )  # fmt: skip
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert "nctue-file_disclosure.pdf" in names  # an FCRA agency gets an FCRA request
    assert "acxiom-file_disclosure.txt" in names or "acxiom-delete.txt" in names
    assert "all-letters.pdf" in names
    assert any(n.endswith(".eml") for n in names)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert "2 letter(s) drafted" in stdout


def test_an_unknown_or_traversing_broker_id_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "letters", "--demo", "--broker", "../../etc/passwd", "--out", str(tmp_path / "o")
    )
    assert code == 1
    assert "no broker '../../etc/passwd' in the catalog" in err
    assert not (tmp_path / "etc").exists()


def test_an_agent_packet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    agent = tmp_path / "clinic.toml"
    agent.write_text(
        'name = "Example Legal Clinic"\ncontact = "A. Advocate"\n'
        'email = "clinic@example.org"\naddress = ["1 Example Plaza", "Austin, TX 78701"]\n'
    )
    code, stdout, _ = run(
        capsys, "letters", "--demo", "--broker", "spokeo", "--broker", "acxiom",
        "--kind", "opt_out", "--agent", str(agent), "--format", "txt",
        "--out", str(tmp_path / "o"), "--date", "2026-11-20",
    )  # fmt: skip
    assert code == 0
    # The demo person lives in Texas, whose law lets agents file opt-outs (not deletions).
    spokeo = (tmp_path / "o" / "spokeo-opt_out.txt").read_text()
    assert "Example Legal Clinic" in spokeo
    assert "authorized agent" in spokeo
    acxiom = (tmp_path / "o" / "acxiom-opt_out.txt").read_text()
    assert "authorized agent" not in acxiom, "Acxiom refuses agents: a first-person letter instead"
    assert "does not accept requests from authorized agents" in stdout
    import pypdf

    packet = pypdf.PdfReader(tmp_path / "o" / "agent-authorization.pdf")
    text = " ".join(" ".join(p.extract_text() for p in packet.pages).split())
    assert "I, Marisol Ejemplo-Demo, authorize Example Legal Clinic" in text
    assert "Signature of the consumer" in text
    assert "what each law lets a business ask" in text
    assert "TDPSA" in text


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Inbox:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        self.count += 1
        return "250 OK"


def test_send_dry_run_then_send(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "o"
    run(capsys, "letters", "--demo", "--broker", "venntel", "--format", "eml", "--out", str(out))
    inbox, port = _Inbox(), _port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        base = (
            "send",
            str(out),
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            str(port),
            "--security",
            "none",
        )
        code, stdout, _ = run(capsys, *base, "--dry-run")
        assert code == 0
        assert "Subject:" in stdout
        assert "(dry run: 1 message(s) not sent)" in stdout
        assert inbox.count == 0
        code, _, err = run(capsys, *base)
        assert code == 1
        assert "add --yes" in err
        code, stdout, _ = run(capsys, *base, "--yes")
        assert code == 0
        assert inbox.count == 1
        assert "sent to" in stdout
    finally:
        controller.stop()

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
    code, stdout, err = run(
        capsys, "letters", "--demo", "--broker", "acxiom", "--broker", "nctue",
        "--broker", "clearview-ai", "--format", "pdf", "--format", "eml", "--format", "txt",
        "--format", "guide", "--merge", "--out", str(out), "--date", "2026-11-20",
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
    assert "3 letter(s) drafted" in stdout
    # An e-mail that is not made says why, naming the true reason.
    assert "no e-mail for nctue: no e-mail address in the catalog takes this request" in err
    # No staging folder is left beside the output.
    assert [p.name for p in tmp_path.iterdir()] == ["letters"]


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


class _Recorder:
    def __init__(self) -> None:
        self.envelopes: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        self.envelopes.append((list(envelope.rcpt_tos), envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


def _drafts(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    code, _, err = run(
        capsys, "letters", "--demo", "--broker", "venntel", "--broker", "clearview-ai",
        "--format", "eml", "--out", str(out), "--date", "2026-11-20",
    )  # fmt: skip
    assert code == 0, err
    assert len(list(out.glob("*.eml"))) == 2


def _send(
    capsys: pytest.CaptureFixture[str], out: Path, port: int, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys, "send", str(out), "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
        "--security", "none", *extra,
    )  # fmt: skip


def test_send_lists_every_recipient_of_every_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "o"
    _drafts(capsys, out)
    eml = sorted(out.glob("*.eml"))[0]
    text = eml.read_bytes().replace(b"\r\nSubject:", b"\r\nCc: witness@example.org\r\nSubject:", 1)
    eml.write_bytes(text)
    code, stdout, _ = _send(capsys, out, _port(), "--dry-run")
    assert code == 0
    assert "Cc: witness@example.org" in stdout
    assert stdout.count("To: ") >= 2


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (b"Bcc: hidden@evil.test", "Bcc header (a hidden recipient)"),
        (b"X-Mailer: something", "header(s) exposure does not write (x-mailer)"),
    ],
)
def test_a_draft_with_a_hidden_recipient_or_a_foreign_header_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, header: bytes, reason: str
) -> None:
    out = tmp_path / "o"
    _drafts(capsys, out)
    eml = sorted(out.glob("*.eml"))[0]
    eml.write_bytes(header + b"\r\n" + eml.read_bytes())
    recorder, port = _Recorder(), _port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        code, _, err = _send(capsys, out, port, "--yes")
    finally:
        controller.stop()
    assert code == 1
    assert reason in err
    assert recorder.envelopes == [], "nothing is sent when any draft is refused"


def test_a_raw_utf8_subject_goes_out_encoded_and_dry_run_shows_decoded_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "o"
    _drafts(capsys, out)
    eml = sorted(out.glob("*.eml"))[0]
    head, body = eml.read_bytes().split(b"\r\n\r\n", 1)
    lines, in_subject = [], False
    for line in head.split(b"\r\n"):
        if line.startswith(b"Subject:"):
            lines.append("Subject: Solicitud de eliminación — § 1798.105".encode())
            in_subject = True
        elif not (in_subject and line[:1] in (b" ", b"\t")):
            lines.append(line)
            in_subject = False
    eml.write_bytes(b"\r\n".join(lines) + b"\r\n\r\n" + body)
    code, stdout, _ = _send(capsys, out, _port(), "--dry-run")
    assert code == 0
    assert "Subject: Solicitud de eliminación — § 1798.105" in stdout
    assert "=C2=A7" not in stdout, "the dry run shows the text, not quoted-printable"
    assert "§" in stdout
    recorder, port = _Recorder(), _port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        code, stdout, err = _send(capsys, out, port, "--yes")
    finally:
        controller.stop()
    assert code == 0, err
    sent = [content for _rcpt, content in recorder.envelopes]
    assert len(sent) == 2
    raw_heads = [content.split(b"\r\n\r\n", 1)[0] for content in sent]
    assert all(head.isascii() for head in raw_heads), "every header is encoded for the wire"
    assert any(b"=?utf-8?" in head for head in raw_heads)
    from email import message_from_bytes, policy

    subjects = {str(message_from_bytes(c, policy=policy.default)["Subject"]) for c in sent}
    assert "Solicitud de eliminación — § 1798.105" in subjects


def test_letters_without_a_reply_address_are_refused_naming_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text('[facts]\nstate = "CA"\n\n[identity]\nfull_name = "Ada Example"\n')
    code, _, err = run(
        capsys, "letters", "--profile", str(profile), "--broker", "venntel",
        "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert code != 0
    assert "--blanks" in err
    assert not (tmp_path / "o").exists()
    code, _, err = run(
        capsys, "letters", "--profile", str(profile), "--broker", "venntel", "--blanks",
        "--format", "txt", "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert code == 0, err
    text = (tmp_path / "o" / "venntel-delete.txt").read_text()
    assert "Address: ____" in text
    assert "E-mail: ____" in text


def test_the_cli_says_when_no_desk_takes_the_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, stdout, _ = run(
        capsys, "letters", "--demo", "--broker", "chexsystems", "--format", "txt",
        "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert code == 0
    assert (
        "note: No postal address in the catalog takes file disclosure requests for Chex" in stdout
    )

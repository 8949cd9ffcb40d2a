"""Hand-written malformed ``.eml`` drafts: ``send`` refuses each in one line naming the file,
before anything is shown or sent. (Which headers may be sent is the drafts reader's own rule,
tested in tests/exposure/mail.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.harness import CANARY, assert_refused, run

HEAD = b"From: person@example.org\r\nTo: privacy@broker.example.org\r\nSubject: Delete\r\n"
CASES = {
    "unknown charset": HEAD
    + b'MIME-Version: 1.0\r\nContent-Type: text/plain; charset="'
    + CANARY.encode()
    + b'"\r\n\r\nbody\r\n',
    "NUL bytes": HEAD + b"\r\nbody\x00" + CANARY.encode(),
    "not UTF-8": HEAD + b"\r\n\xff\xfe" + CANARY.encode(),
    "no recipient": b"Subject: " + CANARY.encode() + b"\r\n\r\nbody\r\n",
    "binary garbage": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "oversized": HEAD + b"\r\n" + b"x" * (2 * 1024 * 1024),
}


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_draft_is_refused_by_name(tmp_path: Path, case: str) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "broker-delete.eml").write_bytes(CASES[case])
    answer = run("send", "--smtp-host", "127.0.0.1", "--security", "none", "--dry-run", drafts)
    assert_refused(answer, "broker-delete.eml")


def test_a_folder_named_like_a_draft(tmp_path: Path) -> None:
    (tmp_path / "drafts" / "folder.eml").mkdir(parents=True)
    answer = run(
        "send", "--smtp-host", "127.0.0.1", "--security", "none", "--dry-run", tmp_path / "drafts"
    )
    assert_refused(answer, "folder.eml")

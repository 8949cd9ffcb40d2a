"""`exposure letters --record` and `exposure requests …`, with the real Secret Service."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from exposure.cli.main import main

PROFILE = """
[facts]
state = "CA"
[identity]
full_name = "Ada Fictional"
emails = ["ada@example.org"]
[[identity.addresses]]
lines = ["12 Example Street"]
city = "Sampletown"
state = "CA"
postal_code = "90001"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_request_lifecycle(
    real_keyring: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE)
    assert run(capsys, "profile", "import", str(profile))[0] == 0
    code, out, _ = run(
        capsys, "letters", "--broker", "acxiom", "--kind", "delete", "--record",
        "--out", str(tmp_path / "letters"), "--date", "2026-09-01",
    )  # fmt: skip
    assert code == 0
    assert "recorded request #1 (Acxiom LLC)" in out
    assert run(capsys, "requests", "mark", "1", "sent", "--on", "2026-09-01")[0] == 0
    code, out, _ = run(capsys, "requests", "list", "--json")
    (row,) = json.loads(out)
    assert row["status"] == "sent"
    assert row["due"] == "2026-10-16"  # 45 calendar days under the CCPA
    assert row["overdue"] is True
    code, out, _ = run(capsys, "requests", "list", "--overdue")
    assert "OVERDUE" in out
    code, _, err = run(capsys, "requests", "mark", "1", "relisted")
    assert code == 1
    assert "a request that is 'sent' cannot become 'relisted'" in err
    code, out, _ = run(
        capsys, "requests", "followup", "1", "--format", "txt", "--out", str(tmp_path / "f")
    )
    assert code == 0
    reminder = (tmp_path / "f" / "acxiom-1-reminder.txt").read_text()
    assert "October 16, 2026" in reminder
    assert "exposure requests mark 1 follow_up_sent" in out
    run(
        capsys,
        "requests",
        "mark",
        "1",
        "denied",
        "--reason",
        "could_not_verify",
        "--note",
        "private words",
    )
    code, out, _ = run(capsys, "requests", "show", "1")
    assert "denied reason=could_not_verify: private words" in out
    assert run(capsys, "requests", "calendar", "--out", str(tmp_path / "cal.ics"))[0] == 0
    parsed = Calendar.from_ical((tmp_path / "cal.ics").read_bytes())
    assert any("Acxiom LLC" in str(e["SUMMARY"]) for e in parsed.walk("VEVENT"))
    assert b"Ada" not in (tmp_path / "cal.ics").read_bytes()
    code, out, _ = run(capsys, "requests", "export", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][5] == "denied"


def test_an_unknown_request_is_a_clear_error(
    real_keyring: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE)
    run(capsys, "profile", "import", str(profile))
    code, _, err = run(capsys, "requests", "show", "42")
    assert code == 1
    assert "there is no request #42" in err

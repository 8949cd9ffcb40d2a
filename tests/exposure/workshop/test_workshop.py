"""A workshop keeps only anonymous tallies: a canary name planted in every participant never
reaches the workshop file or the aggregate report."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from broker_catalog import load_catalog
from exposure.cli.main import main
from exposure.profile.files import demo_profile
from exposure.profile.model import Address, Identity
from exposure.workshop import session
from exposure.workshop.participants import ParticipantsError, print_papers, read_participants

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)
CANARY = "Zyxwvut Canarybird"


def test_a_canary_never_leaves_the_participants_folders(tmp_path: Path) -> None:
    path = tmp_path / "workshop" / "w.json"
    tallies = session.start(path, name="Canary", threshold=5, today=TODAY)
    identity = Identity(
        full_name=CANARY,
        emails=["canary@example.org"],
        addresses=[
            Address(lines=["1 Canary Lane"], city="Sampletown", state="TX", postal_code="78700")
        ],
    )
    people = tmp_path / "participants"
    for n in range(6):
        profile = demo_profile().model_copy(update={"identity": identity})
        brokers = session.tally(tallies, profile, CATALOG, today=TODAY)
        tallies.letters += print_papers(people / f"p{n}", profile, brokers, CATALOG, today=TODAY)
    session.save(path, tallies)
    session.close(path, TODAY)
    from exposure.reports.aggregate import aggregate_report

    report = aggregate_report(session.load(path), CATALOG, today=TODAY)
    (tmp_path / "workshop" / "report.pdf").write_bytes(report)
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and people not in p.parents]
    assert outside
    for file in outside:
        data = file.read_bytes()
        assert CANARY.encode() not in data, file
        assert b"Canary Lane" not in data, file
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(report)).pages)
    assert CANARY not in text
    letters = " ".join(
        p.extract_text() for p in pypdf.PdfReader(people / "p0" / "letters.pdf").pages
    )
    assert CANARY in letters, "the participant's own letters do carry their name"


def test_csv_letters_have_blanks_to_fill_by_hand(tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(
        "state,utility_electric,phone_plan,credit_history\nTX,yes,postpaid,credit_card;loan\n"
    )
    ((_, profile),) = list(read_participants(csv, CATALOG))
    assert profile.facts["credit_history"] == ["credit_card", "loan"]
    tallies = session.Tallies(name="x", started="2026-11-22", threshold=5)
    brokers = session.tally(tallies, profile, CATALOG, today=TODAY)
    assert print_papers(tmp_path / "out", profile, brokers, CATALOG, today=TODAY) > 0
    text = " ".join(
        p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "letters.pdf").pages
    )
    assert "(write by hand)" in text


@pytest.mark.parametrize("column", ["name", "email", "full_name", "address"])
def test_a_csv_with_a_personal_column_is_refused(tmp_path: Path, column: str) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(f"state,{column}\nTX,something\n")
    with pytest.raises(ParticipantsError, match=f"column 2 \\({column}\\) is not a life-fact"):
        list(read_participants(csv, CATALOG))


def test_a_bad_answer_names_row_and_column(tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("state,phone_plan\nTX,postpaid\nTX,contract\n")
    with pytest.raises(ParticipantsError, match="row 3, column phone_plan"):
        list(read_participants(csv, CATALOG))


def test_the_cli_workshop_flow(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = tmp_path / "w.json"
    csv = tmp_path / "p.csv"
    csv.write_text("state,utility_electric\n" + "TX,yes\n" * 5 + "CA,no\n")
    assert main(["workshop", "start", str(w), "--name", "Library night"]) == 0
    assert main(["workshop", "add", str(w), "--csv", str(csv), "--out", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").iterdir())) == 6
    assert main(["workshop", "close", str(w)]) == 0
    out = capsys.readouterr().out
    assert "Its file kept only:" in out
    assert "the number of participants" in out
    with pytest.raises(SystemExit):
        main(["workshop", "add", str(w), "--csv", str(csv)])  # --out is required
    assert main(["workshop", "add", str(w), "--csv", str(csv), "--out", str(tmp_path / "o2")]) == 1
    assert "this workshop is closed" in capsys.readouterr().err
    assert main(["workshop", "report", str(w), "--out", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")

"""`exposure audit` and `exposure demo`: what a person or a script gets."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from exposure.cli.main import main

PROFILE_TOML = """
format = "exposure-profile"
version = 1
[facts]
state = "CA"
utility_electric = "yes"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_prints_the_estimate_and_writes_outputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "out"))
    assert code == 0
    assert out.startswith("Demo: a fictional person's likely exposure (no real data).")
    assert "Likely in " in out
    assert "What this cannot know:" in out
    data = json.loads((tmp_path / "out" / "audit.json").read_text())
    assert data["headline"].startswith("Likely in ")
    assert (
        (tmp_path / "out" / "audit.md").read_text().startswith("# Your likely data-broker exposure")
    )
    assert (tmp_path / "out" / "report.pdf").read_bytes().startswith(b"%PDF")
    letters = tmp_path / "out" / "letters"
    assert (letters / "all-letters.pdf").read_bytes().startswith(b"%PDF")
    assert len(list(letters.glob("*.pdf"))) > 5
    for path in [*(tmp_path / "out").glob("*.*"), *letters.iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_audit_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "--demo", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "format", "version", "headline", "based_on", "cannot_know", "cannot_know_text",
        "counts", "catalog", "not_assessed", "estimated", "categories", "brokers", "plan",
        "groups", "government",
    }  # fmt: skip
    assert (data["format"], data["version"]) == ("exposure-audit", 2)
    broker = data["brokers"][0]
    assert set(broker) == {
        "id", "name", "likelihood", "categories", "quality", "reasons", "immigration_ties",
        "action", "evidence", "groups",
    }  # fmt: skip
    assert broker["likelihood"] == "likely"
    reason = broker["reasons"][0]
    assert reason["sources"][0]["url"].startswith("https://")
    assert reason["code"] in {"fact_trigger", "unknown_fact", "baseline", "government_tie"}
    assert data["estimated"]["total"] == (
        data["estimated"]["researched_record"] + data["estimated"]["registry_filing"]
    )
    assert reason["params"]["broker"] == broker["id"]
    assert reason["text"]  # the rendered sentence travels with the code
    assert set(data["plan"][0]) >= {
        "kind",
        "title",
        "lead",
        "law",
        "brokers",
        "steps",
        "impact",
        "effort",
        "score",
    }


def test_audit_never_reads_identity(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "audit", "--demo", "--json")
    assert "Marisol" not in out
    assert "Ficticia" not in out


def test_audit_from_a_profile_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text(PROFILE_TOML)
    code, out, err = run(capsys, "audit", "--profile", str(path), "--markdown")
    assert code == 0
    assert err == ""
    assert "File one deletion request with DROP" in out  # a Californian gets the Delete Act route
    assert "privacy.ca.gov/drop/" in out  # with its link from the law table


def test_a_profile_file_with_identity_gets_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "me.toml"
    path.write_text(PROFILE_TOML + '[identity]\nfull_name = "Fictional Person"\n')
    code, _, err = run(capsys, "audit", "--profile", str(path))
    assert code == 0
    assert "holds identity fields" in err
    assert "Fictional Person" not in err


def test_a_bad_answer_is_named_with_what_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text('{"facts": {"phone_plan": "contract", "owns_yacht": "yes"}}')
    code, _, err = run(capsys, "audit", "--profile", str(path))
    assert code == 1
    assert "phone_plan: the answer is not one of: none, postpaid, prepaid (or unknown)" in err
    assert "contract" not in err
    assert "owns_yacht: not a question in this catalog" in err


def test_a_malformed_profile_does_not_echo_its_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text('{"identity": {"full_name": "Fictional Person", "date_of_birth": "nope"}}')
    code, _, err = run(capsys, "audit", "--profile", str(path))
    assert code == 1
    assert "identity.date_of_birth" in err
    assert "Fictional" not in err


def test_audit_without_any_profile_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit")
    assert code == 1
    assert "no profile: use --demo, --profile FILE" in err


def test_report_short_is_the_summary_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, _ = run(capsys, "report", "--demo", "--short", "--out", str(tmp_path / "s.pdf"))
    assert code == 0
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "s.pdf").read_bytes()))
    assert len(reader.pages) <= 2
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "The five steps that matter most" in text
    assert "Appendix: the full detail" not in text


def test_report_writes_a_pdf_without_identity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, _ = run(capsys, "report", "--demo", "--out", str(tmp_path / "r.pdf"))
    assert code == 0
    data = (tmp_path / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    import io

    import pypdf

    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Marisol" not in text
    assert "The five steps that matter most" in text
    assert "Appendix: the full detail" in text

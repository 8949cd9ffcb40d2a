"""Profile files: JSON or TOML, checked against the catalog, never echoing personal values."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_catalog import load_catalog
from exposure.profile.answers import ProfileError, check_answer, parse_answer, validate
from exposure.profile.files import demo_profile, profile_to_text, read_profile
from exposure.profile.model import Profile

CATALOG = load_catalog(use_cache=False)


def test_the_demo_profile_is_valid_and_fictional() -> None:
    profile = validate(demo_profile(), CATALOG)
    assert profile.identity is not None
    assert all(e.endswith("@example.org") for e in profile.identity.emails)
    assert all("555-01" in p for p in profile.identity.phones)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_files_round_trip(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"p{suffix}"
    path.write_text(profile_to_text(demo_profile(), suffix))
    assert read_profile(path) == demo_profile()


def test_syntax_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("facts = [")
    with pytest.raises(ProfileError, match=r"p\.toml is not valid TOML"):
        read_profile(path)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no profile file at"):
        read_profile(tmp_path / "nope.json")


def test_unknown_top_level_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"facts": {}, "ssn": "000-00-0000"}')
    with pytest.raises(ProfileError, match="ssn") as caught:
        read_profile(path)
    assert "000-00-0000" not in caught.value.message


def test_answers_are_checked_per_kind() -> None:
    facts = CATALOG.fact_by_id
    assert check_answer(facts["utility_gas"], "yes") is None
    assert check_answer(facts["utility_gas"], "unknown") is None
    assert "should be a list" in (check_answer(facts["credit_history"], "credit_card") or "")
    assert "not one of: AK, AL" in (check_answer(facts["past_states"], ["ZZ"]) or "")
    assert "twice" in (check_answer(facts["past_states"], ["TX", "TX"]) or "")
    with pytest.raises(ProfileError, match="state: the answer is not one of: AK") as caught:
        validate(Profile(facts={"state": "Texas"}), CATALOG)
    assert "Texas" not in caught.value.message, "the typed value is never repeated"


def test_typed_answers_are_understood() -> None:
    facts = CATALOG.fact_by_id
    assert parse_answer(facts["utility_gas"], " Y ") == "yes"
    assert parse_answer(facts["utility_gas"], "?") == "unknown"
    assert parse_answer(facts["state"], "nm") == "NM"
    assert parse_answer(facts["past_states"], "ca, tx") == ["CA", "TX"]
    assert parse_answer(facts["social_media_public"], "none") == []

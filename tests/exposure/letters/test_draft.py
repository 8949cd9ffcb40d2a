"""Drafting carries only the identity fields the broker needs, the right citation and deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from broker_catalog import Catalog
from exposure.letters.draft import draft_letter
from exposure.letters.identity import MissingIdentityError, needed_fields
from exposure.letters.text import letter_text
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 11, 20)
LABELS = {
    "full_name": "Full name",
    "postal_address": "Current address",
    "email": "E-mail",
    "phone": "Phone",
    "date_of_birth": "Date of birth",
}


@pytest.mark.parametrize("broker_id", ["spokeo", "acxiom", "whitepages", "nctue", "clearview-ai"])
def test_a_letter_carries_exactly_the_fields_the_broker_needs(
    catalog: Catalog, broker_id: str
) -> None:
    broker = catalog.by_id[broker_id]
    profile = person("Ada Example")
    kind = "file_disclosure" if broker.legal.fcra == "yes" and broker_id == "nctue" else "delete"
    letter = draft_letter(broker, profile, catalog, kind=kind, today=TODAY)  # type: ignore[arg-type]
    text = letter_text(letter)
    needed = {f.value for f in needed_fields(broker)}
    for field, label in LABELS.items():
        assert (label in dict(letter.identity)) == (field in needed), (broker_id, field)
    if "date_of_birth" not in needed:
        assert "1990" not in text, (
            "the date of birth must not leak into a letter that does not need it"
        )
    if "phone" not in needed:
        assert "555-0100" not in text
    if "postal_address" not in needed:
        assert "12 Example Street" not in text


def test_the_letter_cites_the_statute_and_the_due_date(catalog: Catalog) -> None:
    letter = draft_letter(
        catalog.by_id["acxiom"], person("Ada Example"), catalog, kind="delete", today=TODAY
    )
    text = " ".join(letter_text(letter).split())
    assert "Cal. Civ. Code § 1798.105" in text
    assert "by January 4, 2027" in text
    assert letter.due == dt.date(2027, 1, 4)


def test_a_missing_identity_field_is_named(catalog: Catalog) -> None:
    profile = person("Ada Example")
    assert profile.identity is not None
    bare = profile.model_copy(
        update={"identity": profile.identity.model_copy(update={"addresses": []})}
    )
    with pytest.raises(MissingIdentityError, match="postal address"):
        draft_letter(catalog.by_id["acxiom"], bare, catalog, kind="delete", today=TODAY)


def test_numbers_we_never_store_get_a_blank_to_fill_by_hand(catalog: Catalog) -> None:
    letter = draft_letter(catalog.by_id["nctue"], person("Ada Example"), catalog, today=TODAY)
    ssn = [value for label, value in letter.identity if "Social Security" in label]
    assert ssn
    assert ssn[0].startswith("____")


def test_an_agent_letter_names_the_agent_and_encloses_the_authorization(catalog: Catalog) -> None:
    from exposure.letters.agent import Agent

    agent = Agent(name="Example Legal Clinic", contact="A. Advocate", email="clinic@example.org")
    letter = draft_letter(
        catalog.by_id["spokeo"],
        person("Ada Example"),
        catalog,
        kind="delete",
        agent=agent,
        today=TODAY,
    )
    assert letter.agent == "Example Legal Clinic"
    assert letter.sender[0] == "Example Legal Clinic"
    assert "Signed authorization of the consumer" in letter.enclosures
    assert "authorized agent" in letter.paragraphs[0]

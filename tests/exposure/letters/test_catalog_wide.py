"""Every letter the catalog can produce: to the right desk, first person, a way to answer,
nothing the law does not need, and one page.

These run over the whole catalog (every broker and every request kind it takes) because a
letter is often the only attempt a person makes: one wrong desk is one lost request.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import pypdf
import pytest

from broker_catalog import Catalog
from broker_catalog.schema import Broker, MethodKind
from exposure.letters.desk import KIND_LABEL
from exposure.letters.draft import Letter, draft_letter
from exposure.letters.regime import Kind
from exposure.letters.text import letter_text
from exposure.pdf.letters import pdf_bytes
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 12, 6)
LONG_NAME = "Maria de los Ángeles Guadalupe Fernández-Villanueva Santisteban y Castellanos"
LONG_STREET = "12345 North Example Boulevard Extension, Building C, Apartment 1204-B, Rear Entrance"
THIRD_PERSON = re.compile(
    r"\b(this person|the person|the consumer|their (file|personal|information))\b", re.I
)
NEVER = re.compile(
    r"homeland|immigra|\bICE\b|customs and border|deport|enforcement agenc|government agenc", re.I
)


def _kinds(broker: Broker) -> tuple[Kind, ...]:
    kinds: tuple[Kind, ...] = ("delete", "opt_out", "know")
    fcra: tuple[Kind, ...] = ("file_disclosure", "security_freeze")
    return (*kinds, *fcra) if broker.legal.fcra == "yes" else kinds


def _letters(catalog: Catalog, state: str, name: str = "Ada Example") -> Iterator[Letter]:
    profile = person(name, state=state, street=LONG_STREET if name == LONG_NAME else "12 Ex St")
    for broker in catalog.brokers:
        for kind in _kinds(broker):
            yield draft_letter(broker, profile, catalog, kind=kind, today=TODAY)


@pytest.fixture(scope="module")
def ca_letters(catalog: Catalog) -> list[Letter]:
    return list(_letters(catalog, "CA"))


def test_each_letter_goes_to_a_desk_that_takes_its_kind_or_says_none_does(
    catalog: Catalog, ca_letters: list[Letter]
) -> None:
    for letter in ca_letters:
        broker = catalog.by_id[letter.broker_id]
        methods = broker.opt_out.methods if broker.opt_out else ()
        postal = [m for m in methods if m.kind is MethodKind.POSTAL]
        serving = [m for m in postal if letter.kind in m.requests]
        label = KIND_LABEL[letter.kind]
        if serving:
            assert set(serving[0].address or ()) <= set(letter.recipient), letter.broker_id
        else:
            assert any(label in note and "No" in note for note in letter.notes), (
                f"{letter.broker_id} {letter.kind}: no desk, and no note saying so"
            )
        general = any("general address" in note for note in letter.notes)
        for method in methods:  # never a desk that does not take the kind (unless it is also
            # the company's general address, which the note then names as such)
            if method.kind is MethodKind.POSTAL and letter.kind not in method.requests:
                if general:
                    continue
                assert tuple(method.address or ()) != letter.recipient[-len(method.address or ()) :]


def test_e_mail_goes_only_to_a_desk_for_the_kind_and_never_to_a_person(
    catalog: Catalog, ca_letters: list[Letter]
) -> None:
    for letter in ca_letters:
        if letter.email_to is None:
            continue
        broker = catalog.by_id[letter.broker_id]
        methods = broker.opt_out.methods if broker.opt_out else ()
        named = {m.email for m in methods if m.email and m.names_person}
        if broker.contacts.email_names_person:
            named.add(str(broker.contacts.email))
        assert letter.email_to not in named, letter.broker_id
        takes = {m.email for m in methods if m.email and letter.kind in m.requests}
        general = letter.kind in ("delete", "opt_out", "know")
        assert letter.email_to in takes or (general and letter.email_to == broker.contacts.email)


def test_the_nationwide_bureaus_disclosure_goes_to_the_centralized_source(
    catalog: Catalog,
) -> None:
    profile = person("Ada Example")
    for bureau in ("equifax", "experian", "transunion"):
        broker = catalog.by_id[bureau]
        disclosure = draft_letter(broker, profile, catalog, kind="file_disclosure", today=TODAY)
        assert disclosure.recipient[0] == "Annual Credit Report Request Service"
        text = " ".join(disclosure.paragraphs)
        assert "1681j(a)(1)(A)-(B)" in text
        assert "15 days" in text
        assert "specialty" not in text, "the specialty clause does not apply to a bureau"
        freeze = draft_letter(broker, profile, catalog, kind="security_freeze", today=TODAY)
        desk = next(
            m for m in broker.opt_out.methods if m.kind is MethodKind.POSTAL and m.covers
            and "freeze" in m.covers
        ) if broker.opt_out else None  # fmt: skip
        assert desk is not None
        assert desk.address is not None
        assert freeze.recipient[-1] == desk.address[-1], "a freeze goes to the freeze desk"


def test_a_specialty_agency_gets_its_own_clause(catalog: Catalog) -> None:
    letter = draft_letter(
        catalog.by_id["early-warning-services"],
        person("Ada Example"),
        catalog,
        kind="file_disclosure",
        today=TODAY,
    )
    text = letter_text(letter)
    assert "As a nationwide specialty consumer reporting agency" in text
    assert "1681j(a)(1)(A)" in text
    assert "December 21, 2026" in text


@pytest.mark.parametrize("state", ["CA", "OR", "MD", "CT", "CO", "TX", "VA", "NY"])
def test_every_letter_is_first_person_with_a_reply_path_and_nothing_extra(
    catalog: Catalog, state: str
) -> None:
    for letter in _letters(catalog, state):
        body = " ".join(letter.paragraphs)
        assert not THIRD_PERSON.search(body), (letter.broker_id, letter.kind, body)
        assert re.search(r"\b(I|my|me)\b", body), (letter.broker_id, letter.kind)
        assert not NEVER.search(letter_text(letter)), (letter.broker_id, letter.kind)
        assert letter.sender[0] == "Ada Example"
        assert "person@example.org" in letter.sender or "12 Ex St" in letter.sender
        assert letter.signer == "Ada Example"


def test_deletion_letters_carry_an_opt_out_where_the_law_gives_both(catalog: Catalog) -> None:
    for state, unverified in (("CA", "§ 7026"), ("OR", "646A.576(5)(e)"), ("TX", None)):
        letter = draft_letter(
            catalog.by_id["acxiom"], person("Ada Example", state=state), catalog,
            kind="delete", today=TODAY,
        )  # fmt: skip
        text = " ".join(letter.paragraphs)
        assert "I also opt out of the sale and sharing" in text
        if unverified:
            assert "needs no verification" in text
            assert unverified in text
        else:
            assert "needs no verification" not in text, "no source for it in this state"


def test_california_deletion_follows_the_statute_and_names_the_delete_act(
    catalog: Catalog,
) -> None:
    broker = catalog.by_id["acxiom"]
    assert any(r.state == "CA" for r in broker.legal.registries)
    letter = draft_letter(broker, person("Ada"), catalog, kind="delete", today=TODAY)
    text = " ".join(letter.paragraphs)
    assert "collected from me" in text
    assert "Delete Act" in text
    assert "DROP" in text
    assert "1798.99.86" in text


def test_sale_bans_are_cited_to_location_brokers_in_oregon_maryland_and_virginia(
    catalog: Catalog,
) -> None:
    location = [b for b in catalog.brokers if b.legal.disclosures.precise_geolocation == "yes"]
    assert location, "the catalog records brokers that sell precise geolocation"
    for state, cite in (("OR", "HB 2008"), ("MD", "14-4707"), ("VA", "SB 338")):
        letter = draft_letter(
            location[0], person("Ada", state=state), catalog, kind="delete", today=TODAY
        )
        assert cite in " ".join(letter.paragraphs)
    plain = next(b for b in catalog.brokers if b.legal.disclosures.precise_geolocation == "no")
    letter = draft_letter(plain, person("Ada", state="OR"), catalog, kind="delete", today=TODAY)
    assert "HB 2008" not in " ".join(letter.paragraphs)


def test_letters_with_a_sale_ban_clause_fit_one_page(catalog: Catalog) -> None:
    """Oregon, Maryland and Virginia add a paragraph for brokers that sell precise geolocation."""
    location = [b for b in catalog.brokers if b.legal.disclosures.precise_geolocation == "yes"]
    for state in ("OR", "MD", "VA"):
        profile = person(LONG_NAME, state=state, street=LONG_STREET)
        for broker in location:
            for kind in _kinds(broker):
                letter = draft_letter(broker, profile, catalog, kind=kind, today=TODAY)
                pdf = pdf_bytes([letter], guide_page=False)
                assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1, (state, broker.id)


def test_every_letter_fits_one_page_with_a_long_name_and_address(catalog: Catalog) -> None:
    """Every broker and every kind it takes, in California (the longest letters: deletion with
    the opt-out, the Delete Act and DROP), with a long name and a long street."""
    counted = 0
    for letter in _letters(catalog, "CA", LONG_NAME):
        pages = len(pypdf.PdfReader(io.BytesIO(pdf_bytes([letter], guide_page=False))).pages)
        assert pages == 1, (letter.broker_id, letter.kind)
        counted += 1
    assert counted >= 2 * len(catalog.brokers)

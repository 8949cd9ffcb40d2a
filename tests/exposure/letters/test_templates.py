"""Every template under every regime it serves: first person, no agencies or reasons, and
every citation from the law table (which sources each one)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broker_catalog import Catalog
from broker_catalog.schema import Broker, Contacts, MethodKind, OptOutMethod
from exposure.letters.desk import desk_for
from exposure.letters.draft import draft_letter, template
from exposure.letters.regime import Kind
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 12, 6)
THIRD_PERSON = re.compile(r"\b(this person|the person|the consumer|their)\b", re.I)
NEVER = re.compile(
    r"homeland|immigra|\bICE\b|border|deport|government agenc|\bmy reasons?\b|worried|afraid",
    re.I,
)
LETTER_TEMPLATES = sorted(
    p.name.removesuffix(".toml")
    for p in resources.files("exposure.letters.templates").iterdir()
    if p.name.endswith(".toml")
    and p.name.rsplit("-", 1)[-1] in ("state.toml", "none.toml", "fcra.toml")
)


def _cases(catalog: Catalog) -> list[tuple[str, str, str, dt.date]]:
    """(template, state, broker, date) for every template and every regime that uses it; a
    state law signed for a later day is drafted on its first day in force."""
    cases = []
    states = sorted(
        {
            (s, max(TODAY, law.effective) if isinstance(law.effective, dt.date) else TODAY)
            for law in catalog.laws
            if law.kind == "state_privacy"
            for s in law.states
        }
    )
    for name in LETTER_TEMPLATES:
        regime = name.rsplit("-", 1)[1]
        if regime == "state":
            cases += [(name, state, "acxiom", day) for state, day in states]
        elif regime == "none":
            cases.append((name, "WY", "acxiom", TODAY))
        else:
            for broker in ("equifax", "early-warning-services", "chexsystems"):
                cases.append((name, "CA", broker, TODAY))
    return cases


def test_every_letter_template_is_covered(catalog: Catalog) -> None:
    assert {c[0] for c in _cases(catalog)} == set(LETTER_TEMPLATES)
    assert len(LETTER_TEMPLATES) == 8


def test_every_template_under_every_regime_is_first_person(catalog: Catalog) -> None:
    for name, state, broker_id, day in _cases(catalog):
        kind = name.rsplit("-", 1)[0]
        letter = draft_letter(
            catalog.by_id[broker_id],
            person("Ada Example", state=state),
            catalog,
            kind=kind,  # type: ignore[arg-type]
            today=day,
        )
        assert letter.regime != "no-law" or name.endswith("none"), (name, state)
        body = " ".join((letter.subject, *letter.paragraphs))
        assert not THIRD_PERSON.search(body), (name, state, THIRD_PERSON.search(body))
        assert re.search(r"\bI\b", body), (name, state)
        assert not NEVER.search(body), (name, state, NEVER.search(body))


def test_no_template_writes_a_citation_of_its_own() -> None:
    """Citations come only from the law table, where each record and clause has sources."""
    for name in LETTER_TEMPLATES:
        text = str(template(name))
        assert not re.search(r"§|U\.S\.C\.|C\.F\.R\.|Code Regs|Stat\.", text), name


def test_every_clause_and_opt_out_citation_is_sourced(catalog: Catalog) -> None:
    for law in catalog.laws:
        known = {s.id for s in law.sources}
        for clause in law.clauses:
            assert clause.sources, (law.id, clause.id)
            assert set(clause.sources) <= known
            assert "$cite" in clause.text, "a clause shows its citation in the letter"
        if law.opt_out_unverified is not None:
            assert set(law.opt_out_unverified.sources) <= known


KINDS: tuple[Kind, ...] = ("delete", "opt_out", "know", "file_disclosure", "security_freeze")
SERVES = st.lists(st.sampled_from(KINDS), unique=True, max_size=3)


@st.composite
def brokers(draw: st.DrawFn) -> Broker:
    methods = []
    for n in range(draw(st.integers(0, 4))):
        serves = draw(SERVES)
        methods.append(
            OptOutMethod(
                kind=MethodKind.POSTAL,
                address=(f"Desk {'ABCD'[n]}", f"{100 + n} Example Road", "Sampletown, CA 90001"),
                covers=f"desk {n}",
                serves=tuple(serves),
                old_filing_only=draw(st.booleans()),
                sources=("src",),
                verified=TODAY,
            )
        )
    address = draw(st.sampled_from([("1 Main St", "Sampletown, CA 90001"), "unknown"]))
    return Broker.model_validate(
        {
            "id": "example-broker",
            "name": "Example Broker LLC",
            "quality": "scraped",
            "last_verified": TODAY,
            "sources": [
                {"id": "src", "url": "https://example.org/", "title": "t", "publisher": "p"}
            ],
            "opt_out": {
                "available": "yes" if methods else "unknown",
                "methods": [m.model_dump() for m in methods],
                "sources": ["src"],
                "verified": TODAY,
            },
            "contacts": Contacts(address=address).model_dump(),
        }
    )


@settings(max_examples=200, deadline=None)
@given(broker=brokers(), kind=st.sampled_from(KINDS))
def test_a_desk_takes_the_kind_or_a_note_says_none_does(broker: Broker, kind: Kind) -> None:
    desk = desk_for(broker, kind)
    methods = broker.opt_out.methods if broker.opt_out else ()
    serving = [m for m in methods if kind in m.requests]
    current = [m for m in serving if not m.old_filing_only]
    if current:
        assert desk.postal is not None
        assert desk.postal[0] == current[0].address[0]  # type: ignore[index]
        assert not desk.notes
    elif serving:
        # Only addresses from older filings: the first is used, and the letter says to check it.
        assert desk.postal is not None
        assert desk.postal[0] == serving[0].address[0]  # type: ignore[index]
        assert len(desk.notes) == 1
        assert "old registry filing" in desk.notes[0]
    else:
        assert desk.notes, "never a silent fallback"
        if desk.postal is not None:
            assert "general address" in desk.notes[0]
            assert kind in ("delete", "opt_out", "know")


@pytest.mark.parametrize("state", ["CA", "TX"])
def test_workshop_letters_print_proper_blank_lines(catalog: Catalog, state: str) -> None:
    from exposure.profile.model import Profile

    blank = Profile(facts={"state": state})
    letter = draft_letter(
        catalog.by_id["spokeo"], blank, catalog, kind="delete", today=TODAY, blanks=True
    )
    assert [line.split(":")[0] for line in letter.sender if ":" in line] == [
        "Name",
        "Address",
        "E-mail",
    ]
    assert letter.signer == ""


def test_an_agents_letter_prefers_a_desk_that_takes_agents(catalog: Catalog) -> None:
    broker = catalog.by_id["jumio"]
    methods = broker.opt_out.methods if broker.opt_out else ()
    forms = [m for m in methods if m.kind is MethodKind.WEB_FORM and "delete" in m.requests]
    agents = [str(m.url) for m in forms if "agent" in m.requests]
    assert agents, "the catalog records a Jumio desk that takes agents' requests"
    assert desk_for(broker, "delete", as_agent=True).web_forms[0] == agents[0]

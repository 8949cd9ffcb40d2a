"""No internal code reaches a person: the rendered text of the demo's report (full and short),
its Markdown and terminal text, the workshop findings and ``catalog show``, in English and
Spanish, holds no value of the code sets (checks, identity fields, contact methods, request
statuses and denial reasons, action kinds) and no comma-separated list of them; those are
sentences. And a name that ends in a period never gets a second one."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, get_args

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_catalog import load_catalog
from broker_catalog.schema import Agents, IdentityField, MethodKind, Verification
from exposure import language
from exposure.catalog_language import wording
from exposure.cli.broker_text import broker_lines
from exposure.engine import audit
from exposure.engine.result import ActionKind
from exposure.i18n import fill, fill_dollar
from exposure.ledger.lifecycle import DenialReason, Status
from exposure.ledger.store import Request
from exposure.profile.files import demo_profile, read_profile
from exposure.render.audit_text import markdown, terminal
from exposure.render.codes import verification_sentence
from exposure.reports.aggregate import aggregate_report
from exposure.reports.handouts import handouts
from exposure.reports.individual import individual_report
from exposure.workshop.session import Tallies, tally

if TYPE_CHECKING:
    from exposure.language import Language

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)
FEW = Path(__file__).parent / "few_brokers.toml"

CODE_SETS = [Verification, IdentityField, MethodKind, Status, DenialReason, Agents]
CODES = sorted({str(v.value) for s in CODE_SETS for v in s} | set(get_args(ActionKind)))
# Codes that are not words of either language when written with spaces ("id upload"), so the
# spaced form must not appear either. The others ("opt out", "security freeze") are words.
NOT_WORDS = ["email link", "id upload", "postal mail", "ssn last4", "mobile ad id", "ssn"]
# The single-word codes a list of them was made of ("Expect: account, ssn").
LISTED = "|".join(
    ["account", "captcha", "ssn", "notarised", "none", "email", "phone", "postal", "photo"]
    + [c.replace("_", " ") for c in CODES if "_" in c]
)
CODE_LIST = re.compile(rf"\b({LISTED}), ({LISTED})\b")


def _pdf_text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _requests() -> list[Request]:
    """One request in every status, of every kind: the ledger's table in the report."""
    kinds = ["delete", "opt_out", "know", "file_disclosure", "security_freeze"]
    return [
        Request(
            id=n,
            broker_id="venntel",
            broker_name="Venntel, Inc.",
            kind=kinds[n % len(kinds)],
            regime="ccpa",
            status=status,
            created=TODAY,
            sent_on=TODAY,
            due=TODAY,
            overdue=n % 2 == 0,
            completed_on=None,
            recheck_on=None,
            recheck_due=False,
            reason=None,
            recheck_days=90,
        )
        for n, status in enumerate(Status, 1)
    ]


@cache
def rendered(lang: Language) -> dict[str, str]:
    """Everything a person reads about the demo (and the few-brokers profile), in ``lang``."""
    demo, few = demo_profile(), read_profile(FEW)
    result = audit(demo, CATALOG, today=TODAY)
    w = wording(CATALOG, lang)
    tallies = Tallies(name="Findings", started="2026-11-01", threshold=2)
    for person in (demo, demo, few, few):
        tally(tallies, person, CATALOG, today=TODAY)
    with language.Speaking(lang):
        return {
            "report": _pdf_text(individual_report(result, CATALOG, today=TODAY, words=w)),
            "few": _pdf_text(
                individual_report(
                    audit(few, CATALOG, today=TODAY), CATALOG, today=TODAY, words=w, short=True
                )
            ),
            "requests": _pdf_text(
                individual_report(result, CATALOG, today=TODAY, words=w, requests=_requests())
            ),
            "markdown": markdown(result, w),
            "terminal": terminal(result, w),
            "findings": _pdf_text(aggregate_report(tallies, CATALOG, today=TODAY)),
            "catalog show": "\n".join(
                line
                for broker in ("venntel", "lexisnexis", "nctue", "clearview-ai")
                for line in broker_lines(CATALOG.by_id[broker], CATALOG)
            ),
        }


def _alone(code: str) -> str:
    """``code`` as a word of its own, not part of a web address ("move-over-ssn-heres")."""
    return rf"(?<![-/\w.]){re.escape(code)}(?![-/\w])"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_code_value_reaches_the_person(lang: Language) -> None:
    for name, text in rendered(lang).items():
        for code in CODES:
            if "_" in code:
                assert not re.search(_alone(code), text), f"{code!r} in {name} ({lang})"
        for phrase in NOT_WORDS:
            assert not re.search(_alone(phrase), text), f"{phrase!r} in {name} ({lang})"
        found = CODE_LIST.search(text)
        assert found is None, f"a list of codes in {name} ({lang}): {found and found.group(0)!r}"
        assert "Expect:" not in text
        assert "Cuente con:" not in text


def test_checks_are_a_sentence() -> None:
    with language.Speaking("en"):
        assert verification_sentence(["account", "ssn"]) == (
            "You will be asked to create an account and give your Social Security number."
        )
        assert verification_sentence(["captcha", "email_link", "id_upload"]) == (
            "You will be asked to solve a picture or checkbox test (a captcha), click a link "
            "they send by e-mail and upload a photo of an ID."
        )
        assert verification_sentence(["none"]) == "No check of who you are is expected."
        assert verification_sentence([]) == ""
    with language.Speaking("es"):
        assert verification_sentence(["account", "ssn"]) == (
            "Le pedirán que cree una cuenta y dé su número de Seguro Social."
        )


def test_the_demo_report_says_its_checks_in_sentences() -> None:
    text = rendered("en")["report"]
    assert "You will be asked to give your Social Security number." in text
    assert "Le pedirán que dé su número de Seguro Social." in rendered("es")["report"]


# --- a name that ends in a period does not get a second one ------------------------------

NAMES = st.text(
    alphabet=st.characters(categories=["L", "N"], include_characters=" ,&'-"),
    min_size=1,
    max_size=30,
).map(lambda s: s.strip() + ".")
TEMPLATES = st.sampled_from(
    [
        "Opt out of {name}.",
        "Some brokers in this category: {name}.",
        "{name}. Then {other}.",
        "It asks {name} to delete it. {name}.",
    ]
)


@given(NAMES, TEMPLATES, st.text(alphabet="abc ", max_size=10))
def test_a_name_ending_in_a_period_gets_no_second_one(name: str, template: str, other: str) -> None:
    if name.strip(". ") == "" or ".." in name:
        return
    text = fill(template, name=name, other=other + "x")
    assert ".." not in text
    assert name in text


@given(st.text(alphabet="abcdefgh ,", min_size=1, max_size=20), TEMPLATES)
def test_other_values_are_filled_as_format_would(name: str, template: str) -> None:
    assert fill(template, name=name, other="x") == template.format(name=name, other="x")


@given(NAMES)
def test_the_letters_templates_follow_the_same_rule(name: str) -> None:
    if name.strip(". ") == "" or ".." in name:
        return
    template = "I ask $broker. I ask ${broker}. Ellipsis stays: $x..."
    text = fill_dollar(template, {"broker": name, "x": "y"})
    assert ".." not in text.replace("y...", "")
    assert text.endswith("y...")


def test_no_name_gets_a_double_period_in_any_output() -> None:
    """Venntel, Inc. and many others end in a period; the handouts list them in sentences."""
    with language.Speaking("en"):
        texts = [*rendered("en").values(), _pdf_text(handouts(CATALOG))]
    double = re.compile(r"\w\.\.(?!\.)")
    for text in texts:
        found = double.search(text)
        assert found is None, text[max(0, found.start() - 60) : found.end() + 20] if found else ""


def test_a_group_of_names_ending_in_periods_reads_once() -> None:
    counts = Counter(("Venntel, Inc.", "Gravy Analytics, Inc."))
    listed = ", ".join(counts)
    assert fill("Documented use: {names}.", names=listed) == (
        "Documented use: Venntel, Inc., Gravy Analytics, Inc."
    )


def test_the_requests_table_says_status_and_kind_in_the_readers_words() -> None:
    text = rendered("es")["requests"]
    table = text[
        text.index("Sus solicitudes") : text.index("Fuentes", text.index("Sus solicitudes"))
    ]
    for status in Status:
        english = status.value.replace("_", " ")
        assert not re.search(rf"\b{english}\b", table), f"{english!r} in the Spanish table"
    assert "pendiente de verificación" in table


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_word_is_said_twice_in_a_row(lang: Language) -> None:
    """A category name inside a sentence once read "your phone location data data"."""
    doubled = re.compile(r"\b(\w{3,}) \1\b")
    for name, text in rendered(lang).items():
        found = doubled.search(text)
        assert found is None, f"{found and found.group(0)!r} in {name} ({lang})"

"""The report starts with a summary a person can act on, in at most two pages, whatever the
profile: the demo (many likely brokers) and a fictional person with few, in English and Spanish.
The chart keeps likely and possible apart and says both in words; no page is left nearly empty;
links break only after a ``/`` or ``-``."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_catalog import load_catalog
from broker_catalog.schema import Likelihood
from exposure import language
from exposure.catalog_language import wording
from exposure.engine import audit
from exposure.engine.result import Audit
from exposure.pdf.kit import FRAME_WIDTH, styles, url_lines
from exposure.profile.files import demo_profile, read_profile
from exposure.reports.individual import STEPS, individual_report, summary_chart

if TYPE_CHECKING:
    from exposure.language import Language

CATALOG = load_catalog(use_cache=False)
TODAY = dt.date(2026, 11, 22)
FEW = Path(__file__).parent / "few_brokers.toml"
# A page of the report other than the last holds at least this many lines of text.
MIN_LINES = 15
FOOTER_LINES = 2  # "Page n" and the note that this is an estimate

CASES = [(who, lang) for who in ("demo", "few") for lang in ("en", "es")]


@cache
def _audit(who: str) -> Audit:
    return audit(demo_profile() if who == "demo" else read_profile(FEW), CATALOG, today=TODAY)


@cache
def _pdf(who: str, lang: Language, short: bool) -> bytes:
    with language.Speaking(lang):
        return individual_report(
            _audit(who), CATALOG, today=TODAY, words=wording(CATALOG, lang), short=short
        )


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _appendix_heading(lang: Language) -> str:
    return "Appendix: the full detail" if lang == "en" else "Apéndice: todos los detalles"


def test_the_profiles_span_many_and_few_likely_brokers() -> None:
    assert _audit("demo").counts.likely >= 30
    assert 0 < _audit("few").counts.likely <= 5


@pytest.mark.parametrize(("who", "lang"), CASES)
def test_the_short_report_is_the_summary_alone_in_at_most_two_pages(
    who: str, lang: Language
) -> None:
    short = _pages(_pdf(who, lang, True))
    assert 1 <= len(short) <= 2
    assert _appendix_heading(lang) not in _flat(" ".join(short))


@pytest.mark.parametrize(("who", "lang"), CASES)
def test_the_full_report_is_the_same_summary_then_the_appendix(who: str, lang: Language) -> None:
    short = _pages(_pdf(who, lang, True))
    full = _pages(_pdf(who, lang, False))
    assert full[: len(short)] == short, "the full report starts with the very same summary"
    assert _flat(full[len(short)]).count(_appendix_heading(lang)) == 1
    assert len(full) > len(short) + 2


@pytest.mark.parametrize(("who", "lang"), CASES)
def test_the_summary_says_what_to_do_with_the_one_link_or_address_each_step_needs(
    who: str, lang: Language
) -> None:
    summary = _flat(" ".join(_pages(_pdf(who, lang, True))))
    result = _audit(who)
    w = wording(CATALOG, lang)
    with language.Speaking(lang):
        assert _flat(w.headline(result)) in summary
        doable = [a for a in result.plan if a.kind != "no_consumer_route"][:STEPS]
        for n, action in enumerate(doable, 1):
            assert _flat(f"{n}. {w.title(action)}") in summary
    blocked = [a for a in result.plan if a.kind == "no_consumer_route"]
    heading = (
        "What cannot be opted out of, and what helps instead"
        if lang == "en"
        else "De qué no es posible darse de baja, y qué ayuda en su lugar"
    )
    if blocked or result.government:
        assert heading in summary


def test_each_of_the_five_steps_carries_its_link_or_address() -> None:
    from exposure.reports.individual import _contact

    summary = "".join(_flat(" ".join(_pages(_pdf("demo", "en", True)))).split())
    doable = [a for a in _audit("demo").plan if a.kind != "no_consumer_route"][:STEPS]
    contacts = [_contact(a, CATALOG) for a in doable]
    assert all(contacts), "every one of the demo's five steps has a way to reach the broker"
    reader = pypdf.PdfReader(io.BytesIO(_pdf("demo", "en", True)))
    targets = {
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
    }
    for contact in contacts:
        assert contact is not None
        assert "".join(contact[1].split()) in summary
        if contact[1].startswith("https://"):
            assert contact[1] in targets, "a web address can be clicked"
        elif "@" in contact[1]:
            assert f"mailto:{contact[1]}" in targets, "an e-mail address can be clicked"


@pytest.mark.parametrize("who", ["demo", "few"])
def test_the_chart_shows_likely_and_possible_separately_with_counts_in_words(who: str) -> None:
    result = _audit(who)
    with language.Speaking("en"):
        chart = summary_chart(result, wording(CATALOG, "en"))
    assert chart.levels == ("likely", "possible")
    assert [label for label, _counts in chart.rows] == [c.name for c in result.categories]
    for category, (_label, (likely, possible)) in zip(result.categories, chart.rows, strict=True):
        # Counted at each broker's level for this category, so the bars agree with the levels
        # and with the headline's "in N of 12 categories".
        assert likely + possible == len(category.brokers)
        assert (likely > 0) == (category.level is Likelihood.LIKELY)
    likely_bars = sum(1 for _l, (likely, _p) in chart.rows if likely)
    assert likely_bars == result.counts.categories_likely
    assert any(likely for _l, (likely, _p) in chart.rows)
    assert any(possible for _l, (_k, possible) in chart.rows)
    first = _flat(_pages(_pdf(who, "en", True))[0])
    for _label, (likely, possible) in chart.rows:
        said = ", ".join(
            f"{n} {word}" for n, word in ((likely, "likely"), (possible, "possible")) if n
        )
        assert (said or "none") in first, "each bar's counts are written out in words"


@pytest.mark.parametrize(("who", "lang"), CASES)
def test_category_labels_are_wrapped_never_cut_short(who: str, lang: Language) -> None:
    first = _flat(_pages(_pdf(who, lang, True))[0])
    w = wording(CATALOG, lang)
    for category in _audit(who).categories:
        assert _flat(w.category(category)) in first
    assert "\u2026" not in first


@pytest.mark.parametrize(("who", "lang"), CASES)
def test_no_page_but_the_last_is_nearly_empty(who: str, lang: Language) -> None:
    pages = _pages(_pdf(who, lang, False))
    for number, page in enumerate(pages[:-1], 1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) - FOOTER_LINES >= MIN_LINES, f"page {number} holds {len(lines)} lines"


def _broken(text: str, url: str) -> list[int] | None:
    """Where ``url`` is broken over lines in ``text`` (offsets into the URL), or None if it is
    not there at all."""
    pattern = "\n?".join(re.escape(c) for c in url)
    found = re.search(pattern, text)
    if found is None:
        return None
    shown = found.group(0)
    breaks, offset = [], 0
    for n, char in enumerate(shown):
        if char == "\n":
            breaks.append(n - offset)
            offset += 1
    return breaks


def test_long_links_break_only_after_a_slash_or_a_hyphen_and_stay_on_one_page() -> None:
    result = _audit("demo")
    pages = _pages(_pdf("demo", "en", False))
    # page by page: a link is never split over two pages
    urls = {m.contact for a in result.plan for m in a.methods if m.contact.startswith("https://")}
    urls |= {s.url for b in result.brokers for r in b.reasons for s in r.sources}
    broken_somewhere = 0
    for url in sorted(urls):
        found = [b for b in (_broken(page, url) for page in pages) if b is not None]
        assert found, f"{url} is printed as it is, on one page"
        breaks = found[0]
        broken_somewhere += bool(breaks)
        for at in breaks:
            assert url[at - 1] in "/-", f"{url} is broken after {url[:at]!r}"
    assert broken_somewhere, "the demo has links long enough to need breaking"


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz.?=&_0123456789", min_size=1, max_size=30),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.sampled_from("/-"), min_size=12, max_size=12),
    st.floats(min_value=0, max_value=400),
)
def test_a_url_is_cut_into_lines_that_fit_only_after_a_slash_or_hyphen(
    parts: list[str], seps: list[str], first: float
) -> None:
    url = "https://" + "".join(p + s for p, s in zip(parts, seps, strict=False))
    style = styles()["body"]
    lines = url_lines(url, first, FRAME_WIDTH, style)
    assert "".join(lines) == url
    for line in lines[:-1]:
        assert line[-1] in "/-" or len(line) > 60, "cut elsewhere only when a piece fills a line"

"""Markdown output (``exposure audit --markdown`` and the audit.md written beside a report) has
links that can be copied as shown: web and e-mail addresses are autolinks with no backslash
escapes inside, and text is escaped only where Markdown would read formatting."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from broker_catalog import load_catalog
from exposure.catalog_language import wording
from exposure.engine import audit
from exposure.profile.files import demo_profile
from exposure.render.audit_text import markdown, md

CATALOG = load_catalog(use_cache=False)
RESULT = audit(demo_profile(), CATALOG, today=dt.date(2026, 12, 6))


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', html)


def test_every_contact_link_is_shown_and_copied_exactly_as_it_is() -> None:
    text = markdown(RESULT, wording(CATALOG, "en"))
    html = MarkdownIt("commonmark").render(text)
    links = dict(_links(html))
    urls = {m.contact for a in RESULT.plan for m in a.methods if m.contact.startswith("https://")}
    assert urls
    for url in urls:
        assert f"<{url}>" in text, f"{url} is an autolink in the Markdown source"
        assert links.get(url.replace("&", "&amp;")) == url.replace("&", "&amp;")
    emails = {m.contact for a in RESULT.plan for m in a.methods if m.kind == "email"}
    for email in emails:
        assert f"<{email}>" in text
        assert f'href="mailto:{email}"' in html


def test_no_backslash_escape_inside_a_link() -> None:
    for lang in ("en", "es"):
        text = markdown(RESULT, wording(CATALOG, lang))
        for target in re.findall(r"<(https?://[^>]*)>|\]\((https?://[^)]*)\)", text):
            assert "\\" not in "".join(target)
        assert "my\\-privacy" not in text
        assert "opt\\-out" not in text


def test_hyphens_and_parentheses_in_text_read_as_themselves() -> None:
    assert md("Opt-out form (2020 filing)") == "Opt-out form (2020 filing)"
    assert md("1-888-217-1591") == "1-888-217-1591"


@given(st.text(max_size=40))
def test_escaped_text_never_makes_a_link_emphasis_or_a_list(text: str) -> None:
    html = MarkdownIt("commonmark").render(f"- {md(text)}")
    assert "<a " not in html
    assert "<em>" not in html
    assert "<strong>" not in html
    assert "<img" not in html
    assert "<code>" not in html
    assert html.count("<li>") == 1
    assert "<ol" not in html
    assert not re.search(r"<h\d|<blockquote|<hr|<table", html)

"""Reading "keep this page out of search results" the way search engines do."""

from __future__ import annotations

import pytest

from exposure.net.robots import (
    header_noindex,
    meta_noindex,
    noindex_directives,
    parse_robots_txt,
    robots_txt_blocks,
)


@pytest.mark.parametrize(
    ("value", "hidden"),
    [
        ("noindex", True),
        ("NOINDEX, nofollow", True),
        ("none", True),
        ("googlebot: noindex", True),
        ("index, follow", False),
        ("max-image-preview: none", False),  # "none" as a value, not a directive
        ("noimageindex", False),
        ("unavailable_after: 2030-01-01", False),
    ],
)
def test_robots_directives(value: str, hidden: bool) -> None:
    assert noindex_directives(value) is hidden


def test_the_header_reason_quotes_the_header() -> None:
    assert header_noindex(["index", "bingbot: none"]) == "X-Robots-Tag: bingbot: none"
    assert header_noindex([]) is None


def test_meta_tags_count_only_in_the_head_and_for_search_engines() -> None:
    in_body = b"<html><head></head><body><meta name='robots' content='noindex'></body></html>"
    other_name = b"<html><head><meta name='description' content='noindex'></head></html>"
    googlebot = b"<html><head><META NAME='Googlebot' CONTENT='noindex'></head></html>"
    assert meta_noindex(in_body, "text/html") is None
    assert meta_noindex(other_name, "text/html") is None
    assert meta_noindex(googlebot, "text/html") == '<meta name="googlebot" content="noindex">'


def test_a_page_in_another_encoding_is_read_in_its_encoding() -> None:
    page = "<html><head><meta name='robots' content='noindex'><title>é</title></head>"
    assert meta_noindex(page.encode("latin-1"), "text/html; charset=latin-1") is not None
    assert meta_noindex(page.encode("utf-8"), "text/html; charset=no-such-codec") is not None


def test_robots_txt_rules_for_search_engines() -> None:
    rules = parse_robots_txt("User-agent: Bingbot\nDisallow: /optout\n\nUser-agent: *\nAllow: /\n")
    assert robots_txt_blocks(rules, "https://broker.example.org/optout") == (
        "robots.txt disallows Bingbot"
    )
    assert robots_txt_blocks(rules, "https://broker.example.org/privacy") is None

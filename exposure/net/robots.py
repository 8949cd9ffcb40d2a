"""Whether search engines are told to leave a page out: robots meta tags, X-Robots-Tag, robots.txt.

Some brokers keep their opt-out page out of search results, so a person who searches for it
finds only paid "removal" services. The catalog records that, because it changes the advice:
such a page must be reached through the link we give, never by searching.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.robotparser import RobotFileParser

#: Meta tag names and robots.txt agents that stand for search engines.
SEARCH_ENGINES = ("robots", "googlebot", "bingbot")
_CRAWLERS = ("Googlebot", "Bingbot", "*")
#: X-Robots-Tag directives that take a value; anything else before a colon names a crawler.
_VALUED = frozenset({"max-snippet", "max-image-preview", "max-video-preview", "unavailable_after"})
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)


def noindex_directives(value: str) -> bool:
    """True if one robots directive list (a meta ``content`` or a header) says noindex."""
    for part in value.split(","):
        token = part.strip().lower()
        if ":" in token:
            key, _, rest = token.partition(":")
            if key.strip() in _VALUED:
                continue
            token = rest.strip()  # "googlebot: noindex" applies to that crawler
        if token in ("noindex", "none"):
            return True
    return False


def header_noindex(values: list[str]) -> str | None:
    """The reason an X-Robots-Tag header hides the page, if it does."""
    for value in values:
        if noindex_directives(value):
            return f"X-Robots-Tag: {value.strip()}"
    return None


class _MetaScanner(HTMLParser):
    """Collects robots meta tags from the head; stops looking once the body starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        if tag != "meta" or self.in_body:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        name = values.get("name", "").strip().lower()
        if name in SEARCH_ENGINES:
            self.found.append((name, values.get("content", "")))


def meta_noindex(body: bytes, content_type: str) -> str | None:
    """The reason a robots meta tag in an HTML page hides it, if it does."""
    match = _CHARSET.search(content_type)
    encoding = match.group(1) if match else "utf-8"
    try:
        text = body.decode(encoding, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    scanner = _MetaScanner()
    scanner.feed(text)
    for name, content in scanner.found:
        if noindex_directives(content):
            return f'<meta name="{name}" content="{content.strip()}">'
    return None


def parse_robots_txt(text: str) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    parser.modified()  # mark it read, or can_fetch() refuses everything
    return parser


def robots_txt_blocks(parser: RobotFileParser, url: str) -> str | None:
    """The reason robots.txt keeps search engines away from ``url``, if it does."""
    for crawler in _CRAWLERS:
        if not parser.can_fetch(crawler, url):
            who = "all crawlers" if crawler == "*" else crawler
            return f"robots.txt disallows {who}"
    return None


def is_html(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "")

"""E-mail drafts are standard RFC 5322 messages, and header injection is impossible."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy

import pytest

from broker_catalog import Catalog
from exposure.letters.draft import Letter, draft_letter
from exposure.mail.message import EmailError, build_email
from tests.exposure.letters.people import person

TODAY = dt.date(2026, 11, 20)


def _letter(catalog: Catalog, name: str = "Ada Example") -> Letter:
    return draft_letter(catalog.by_id["equifax"], person(name), catalog, kind="delete", today=TODAY)


def test_non_ascii_names_become_encoded_words_and_round_trip(catalog: Catalog) -> None:
    message = build_email(_letter(catalog), "Nguyễn Thị Ánh", "person@example.org")
    raw = bytes(message)
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["From"].addresses[0].display_name == "Nguyễn Thị Ánh"
    assert parsed["From"].addresses[0].addr_spec == "person@example.org"
    assert parsed["To"].addresses[0].addr_spec == "usprivacy@equifax.com"
    assert "Cal. Civ. Code § 1798.105" in parsed.get_content()


@pytest.mark.parametrize(
    "name",
    ["Ada\r\nBcc: victim@example.org", "Ada\nX-Injected: yes", "Ada\u2028Bcc: x@example.org"],
)
def test_line_breaks_in_header_values_are_refused(catalog: Catalog, name: str) -> None:
    with pytest.raises(EmailError, match="line break"):
        build_email(_letter(catalog), name, "person@example.org")


def test_a_malformed_sender_address_is_refused_without_repeating_it(catalog: Catalog) -> None:
    with pytest.raises(EmailError, match="not a plain e-mail address") as refused:
        build_email(_letter(catalog), "Ada", "ada@example.org>, evil@example.org")
    assert "ada@example.org" not in refused.value.message


def test_markup_in_a_name_is_text_not_html(catalog: Catalog) -> None:
    message = build_email(_letter(catalog, "<b>Ada</b> & co"), "Ada", "person@example.org")
    assert message.get_content_type() == "text/plain"
    assert "<b>Ada</b> & co" in message.get_content()

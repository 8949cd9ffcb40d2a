"""A letter as plain text: the .txt output and the body of an e-mail."""

from __future__ import annotations

import textwrap

from exposure.letters.draft import Letter
from exposure.letters.plain import plain

WIDTH = 76


def letter_text(letter: Letter, *, with_addresses: bool = True, width: int | None = WIDTH) -> str:
    """The letter as text, wrapped at ``width`` (None: one paragraph per line, for a screen
    that wraps to its own width)."""

    def _wrap(text: str) -> str:
        if width is None:
            return plain(text)
        # a citation such as "§ 1681j(a)(1)(A)-(B)" is never broken at its hyphen
        return textwrap.fill(plain(text), width, break_on_hyphens=False)

    parts: list[str] = []
    if with_addresses:
        parts += ["\n".join(plain(s) for s in letter.sender), ""]
        parts += [f"{letter.date:%B} {letter.date.day}, {letter.date.year}", ""]
        parts += ["\n".join(plain(r) for r in letter.recipient), ""]
        parts += [_wrap(f"Re: {letter.subject}"), ""]
    parts += [_wrap(f"To {letter.recipient[0]}:"), ""]
    for paragraph in letter.paragraphs:
        parts += [_wrap(paragraph), ""]
    if letter.identity:
        parts.append("Details to identify the records:")
        parts += [f"  {plain(label)}: {plain(value)}" for label, value in letter.identity]
        parts.append("")
    parts += [letter.closing, "", plain(letter.signer) or "Name: " + "_" * 30]
    if letter.enclosures:
        parts += ["", _wrap("Enclosures: " + "; ".join(letter.enclosures))]
    return "\n".join(parts).rstrip() + "\n"

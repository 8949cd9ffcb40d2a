"""Companion sheets: one page per letter, in the reader's language, beside letters that stay in
English (they go to U.S. companies and regulators).

Each page says what the letter asks for and under which law, where and how to send it, what to
enclose and what never to send, and what happens next and by when. The page holds no identity
detail beyond what the person already sees in their own letter: the broker, the law, the
addresses the letter goes to, and its dates.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import PageBreak, Spacer

from broker_catalog.catalog import Catalog
from exposure.i18n import _, fill, long_date
from exposure.letters.draft import Letter
from exposure.pdf.kit import Heading, ReportDoc, link, para, styles


def _asks(letter: Letter) -> str:
    asks = {
        "delete": _("It asks {broker} to delete the personal information it holds about you."),
        "opt_out": _("It asks {broker} to stop selling or sharing your personal information."),
        "know": _("It asks {broker} to tell you what personal information it holds about you."),
        "correct": _("It asks {broker} to correct wrong information about you."),
        "file_disclosure": _(
            "It asks {broker} for a free copy of your file: everything it would report about you."
        ),
        "security_freeze": _(
            "It asks {broker} to place a security freeze, so your file is not released without "
            "your permission."
        ),
    }
    text = asks.get(str(letter.kind), _("It is a privacy request to {broker}."))
    return fill(text, broker=letter.broker_name)


def _law(letter: Letter, catalog: Catalog) -> str:
    from exposure.catalog_language import catalog_text

    law = catalog.law_by_id.get(letter.regime)
    name = catalog_text(catalog).law_name(law) if law is not None else letter.law_name
    if letter.regime == "no-law":
        return _(
            "No privacy law of your state covers this request, so the letter asks politely and "
            "says so. Many brokers honour such requests anyway."
        )
    return _("Under: {law} ({citation}).").format(law=name, citation=letter.citation)


def _send(letter: Letter, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(_("Where and how to send it"), s["h2"], 1)]
    if letter.email_to:
        story.append(para(_("By e-mail to {address}.").format(address=letter.email_to), s["body"]))
    if letter.recipient:
        story.append(para(_("Or by post to:"), s["body"]))
        story += [para(line, s["box"]) for line in letter.recipient]
    for line in letter.web_form:
        if line.startswith("https://"):
            story.append(link(_("Or through the web form"), line, s["body"]))
    story.append(
        para(
            _(
                "Sign the letter. Keep a copy of everything you send, and the date you sent it. "
                "By post, a tracked or certified letter gives you proof it arrived."
            ),
            s["body"],
        )
    )
    return story


def _enclose(letter: Letter, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(_("What to enclose, and what never to send"), s["h2"], 1)]
    if letter.enclosures:
        story.append(para(_("The letter lists these enclosures (in English):"), s["body"]))
        story += [para(f"\u2610  {item}", s["box"]) for item in letter.enclosures]
    else:
        story.append(para(_("Nothing needs to go with this letter."), s["body"]))
    story.append(
        para(
            _(
                "Never send: immigration papers, your passport or residence card, your Social "
                "Security number unless the letter has a line for it and you choose to fill it "
                "in, or any detail the letter does not ask for. Cover what a copy of an ID shows "
                "beyond your name, address and photo."
            ),
            s["body"],
        )
    )
    return story


def _next(letter: Letter, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(_("What happens next, and by when"), s["h2"], 1)]
    if letter.due is not None:
        story.append(
            para(
                _(
                    "If the letter arrives on {sent}, the answer is due by {due}. The company may "
                    "ask you to confirm who you are; answer only with what it already has."
                ).format(sent=long_date(letter.date), due=long_date(letter.due)),
                s["body"],
            )
        )
    else:
        story.append(
            para(
                _("The law sets no fixed deadline; expect an answer within about a month."),
                s["body"],
            )
        )
    story.append(
        para(
            _(
                "If there is no answer by then, or the answer is a refusal, a reminder and then a "
                "complaint to the regulator can follow; the request ledger in exposure drafts "
                "both (in English) and reminds you of the dates."
            ),
            s["body"],
        )
    )
    return story


def companion_page(letter: Letter, catalog: Catalog, s: dict[str, Any]) -> list[Any]:
    title = _("Your letter to {broker}").format(broker=letter.broker_name)
    return [
        Heading(title, s["h1"], 0),
        para(
            _(
                "The letter is in English because it goes to a U.S. company. This page explains "
                "it. It is not part of the letter: do not send it."
            ),
            s["small"],
        ),
        Heading(_("What this letter asks for"), s["h2"], 1),
        para(_asks(letter), s["body"]),
        para(_law(letter, catalog), s["body"]),
        *_send(letter, s),
        *_enclose(letter, s),
        *_next(letter, s),
        Spacer(1, 6),
    ]


def companion_pdf(letters: Sequence[Letter], catalog: Catalog) -> bytes:
    """One companion page per letter, in the reader's language, as one PDF for the batch."""
    s = styles()
    story: list[Any] = []
    for n, letter in enumerate(letters):
        if n:
            story.append(PageBreak())
        story += companion_page(letter, catalog, s)
    buffer = io.BytesIO()
    ReportDoc(
        buffer, title=_("Companion sheets for your letters"), subject=_("Companion sheets")
    ).build_story(story)
    return buffer.getvalue()

"""A web-form guide: for brokers that take requests only through a form, the steps, the exact
values to paste (only the fields this broker needs) and the checks to expect.

The guide is for the person, so it is written in their language (the letter itself stays in
English); the broker's own steps come from the catalog through ``tr``."""

from __future__ import annotations

from collections.abc import Callable

from broker_catalog.schema import Broker, Verification
from exposure.i18n import _
from exposure.letters.draft import Letter
from exposure.letters.identity import BLANK, field_label
from exposure.letters.plain import plain

_WRITE_BY_HAND = " (write by hand)"


def expect(check: Verification) -> str:
    """What a verification step will ask of the person, in their language."""
    return {
        Verification.NONE: _("No check is expected."),
        Verification.EMAIL_LINK: _("You will get an e-mail with a link to click; open it soon."),
        Verification.PHONE_CALL: _("You will get an automated phone call with a code to type in."),
        Verification.CAPTCHA: _("You will have to solve a captcha (a picture or checkbox test)."),
        Verification.ACCOUNT: _("The site asks you to create an account first."),
        Verification.ID_UPLOAD: _(
            "The site may ask for a photo of an ID. Cover the ID number and photo if it lets "
            "you, and upload only what it insists on."
        ),
        Verification.SSN: _(
            "The site may ask for your Social Security number; type it only on the broker's "
            "own secure page."
        ),
        Verification.NOTARISED: _("A notarised form is required."),
        Verification.POSTAL_MAIL: _("Expect a reply by post."),
    }[check]


def _same(text: str) -> str:
    return text


def field_value(value: str) -> str:
    """A value to paste; the blank to fill in by hand says so in the reader's language."""
    if value == BLANK + _WRITE_BY_HAND:
        return BLANK + " " + _("(write by hand)")
    return value


def guide_text(letter: Letter, broker: Broker, tr: Callable[[str], str] = _same) -> str:
    """``tr`` puts the broker's catalog steps in the reader's language."""
    opt = broker.opt_out
    lines = [_("How to opt out of {broker}").format(broker=plain(broker.name)), ""]
    if opt is None or not (letter.web_form or opt.steps):
        lines.append(_("No web form is known for this broker; send the letter or e-mail instead."))
        return "\n".join(lines) + "\n"
    if opt.search_first:
        lines += [
            _(
                "Search first: look yourself up on the site before you type anything, and give "
                "only details the site already shows about you."
            ),
            "",
        ]
    lines += [_("Web form: {url}").format(url=url) for url in letter.web_form]
    lines.append("")
    lines += [f"{n}. {plain(tr(step))}" for n, step in enumerate(opt.steps, 1)]
    if letter.identity:
        lines += ["", _("Values to paste (only what this broker needs):")]
        lines += [
            f"  {plain(field_label(label))}: {plain(field_value(value))}"
            for label, value in letter.identity
        ]
    if opt.verification:
        lines += ["", _("What to expect:")]
        lines += [f"  - {expect(v)}" for v in opt.verification]
    if isinstance(opt.recheck_days, int):
        lines += [
            "",
            _("Check again in {days} days: brokers often list people again.").format(
                days=opt.recheck_days
            ),
        ]
    return "\n".join(lines) + "\n"

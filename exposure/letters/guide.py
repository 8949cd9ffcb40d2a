"""A web-form guide: for brokers that take requests only through a form, the steps, the exact
values to paste (only the fields this broker needs) and the checks to expect."""

from __future__ import annotations

from broker_catalog.schema import Broker, Verification
from exposure.letters.draft import Letter
from exposure.letters.plain import plain

EXPECT = {
    Verification.NONE: "No check is expected.",
    Verification.EMAIL_LINK: "You will get an e-mail with a link to click; open it soon.",
    Verification.PHONE_CALL: "You will get an automated phone call with a code to type in.",
    Verification.CAPTCHA: "You will have to solve a captcha (a picture or checkbox test).",
    Verification.ACCOUNT: "The site asks you to create an account first.",
    Verification.ID_UPLOAD: (
        "The site may ask for a photo of an ID. Cover the ID number and photo if it lets "
        "you, and upload only what it insists on."
    ),
    Verification.SSN: (
        "The site may ask for your Social Security number; type it only on the broker's "
        "own secure page."
    ),
    Verification.NOTARISED: "A notarised form is required.",
    Verification.POSTAL_MAIL: "Expect a reply by post.",
}


def guide_text(letter: Letter, broker: Broker) -> str:
    opt = broker.opt_out
    lines = [f"How to opt out of {plain(broker.name)}", ""]
    if opt is None or not (letter.web_form or opt.steps):
        lines.append("No web form is known for this broker; send the letter or e-mail instead.")
        return "\n".join(lines) + "\n"
    if opt.search_first:
        lines += [
            "Search first: look yourself up on the site before you type anything, and give only "
            "details the site already shows about you.",
            "",
        ]
    for url in letter.web_form:
        lines.append(f"Web form: {url}")
    lines.append("")
    lines += [f"{n}. {plain(step)}" for n, step in enumerate(opt.steps, 1)]
    if letter.identity:
        lines += ["", "Values to paste (only what this broker needs):"]
        lines += [f"  {plain(label)}: {plain(value)}" for label, value in letter.identity]
    if opt.verification:
        lines += ["", "What to expect:"]
        lines += [f"  - {EXPECT[v]}" for v in opt.verification]
    if isinstance(opt.recheck_days, int):
        lines += ["", f"Check again in {opt.recheck_days} days: brokers often list people again."]
    return "\n".join(lines) + "\n"

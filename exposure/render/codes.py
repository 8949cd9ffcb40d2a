"""Words for the catalog's and the ledger's code sets, as a person reads them.

Records and results carry codes (``account``, ``ssn``, ``id_upload``, ``web_form``,
``needs_verification``); a person never sees one. Each code set has one function here that
returns words in the run's language, and a list of codes becomes a sentence ("You will be
asked to create an account and give your Social Security number."), not a comma-separated list
of codes. ``tests/exposure/reports/test_no_codes.py`` scans rendered reports for every code.
"""

from __future__ import annotations

from collections.abc import Sequence

from broker_catalog.schema import Agents, IdentityField, MethodKind, Verification
from exposure.i18n import _
from exposure.ledger.lifecycle import Status


def listing(items: Sequence[str]) -> str:
    """``a, b and c`` in the run's language."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _asked(check: Verification) -> str:
    """What a check asks of the person, as what follows "You will be asked to"."""
    return {
        Verification.NONE: "",
        Verification.EMAIL_LINK: _("click a link they send by e-mail"),
        Verification.PHONE_CALL: _("answer an automated phone call"),
        Verification.CAPTCHA: _("solve a picture or checkbox test (a captcha)"),
        Verification.ACCOUNT: _("create an account"),
        Verification.ID_UPLOAD: _("upload a photo of an ID"),
        Verification.SSN: _("give your Social Security number"),
        Verification.NOTARISED: _("send a form signed before a notary"),
        Verification.POSTAL_MAIL: _("confirm by post"),
    }[check]


def verification_sentence(checks: Sequence[str]) -> str:
    """What a broker will ask to check who the person is, as one sentence (empty when the
    record says nothing)."""
    values = {v.value for v in Verification}
    known = [Verification(c) for c in dict.fromkeys(checks) if c in values]
    asked = [_asked(c) for c in known if c is not Verification.NONE]
    if not asked:
        return _("No check of who you are is expected.") if known else ""
    return _("You will be asked to {things}.").format(things=listing(asked))


def method_words(kind: str) -> str:
    """How a method reaches the broker, in words (``web_form`` → "web form")."""
    words = {
        MethodKind.WEB_FORM: _("web form"),
        MethodKind.EMAIL: _("e-mail"),
        MethodKind.POSTAL: _("post"),
        MethodKind.PHONE: _("phone"),
    }
    return words[MethodKind(kind)] if kind in {m.value for m in MethodKind} else _("other")


def identity_words(field: IdentityField) -> str:
    """An identity detail inside a sentence ("your date of birth")."""
    return {
        IdentityField.FULL_NAME: _("your full name"),
        IdentityField.FORMER_NAMES: _("your former names"),
        IdentityField.POSTAL_ADDRESS: _("your postal address"),
        IdentityField.PAST_ADDRESSES: _("your past addresses"),
        IdentityField.EMAIL: _("your e-mail address"),
        IdentityField.PHONE: _("your phone number"),
        IdentityField.DATE_OF_BIRTH: _("your date of birth"),
        IdentityField.SSN: _("your Social Security number"),
        IdentityField.SSN_LAST4: _("the last four digits of your Social Security number"),
        IdentityField.DRIVERS_LICENCE: _("your driver's licence number"),
        IdentityField.PROFILE_URL: _("the address (URL) of your profile page"),
        IdentityField.MOBILE_AD_ID: _("your phone's advertising ID"),
        IdentityField.PHOTO: _("a photo of you"),
        IdentityField.SIGNATURE: _("your signature"),
    }[field]


def status_words(status: Status) -> str:
    """Where a request stands, in words."""
    return {
        Status.DRAFTED: _("drafted"),
        Status.SENT: _("sent"),
        Status.ACKNOWLEDGED: _("acknowledged"),
        Status.EXTENDED: _("extended"),
        Status.IN_PROGRESS: _("in progress"),
        Status.NEEDS_VERIFICATION: _("needs verification"),
        Status.COMPLETED: _("completed"),
        Status.PARTIALLY_COMPLETED: _("partly completed"),
        Status.DENIED: _("denied"),
        Status.FOLLOW_UP_SENT: _("follow-up sent"),
        Status.COMPLAINT_FILED: _("complaint filed"),
        Status.RELISTED: _("relisted"),
    }[status]


def agents_words(agents: Agents) -> str:
    """Whether an authorized agent may file for the person, in words."""
    return {
        Agents.YES: _("an authorized agent (a clinic, a group) may file for you"),
        Agents.WITH_POWER_OF_ATTORNEY: _("an agent needs a power of attorney"),
        Agents.NO: _("the broker refuses authorized agents"),
        Agents.UNKNOWN: _("not known whether an agent may file for you"),
    }[agents]


def available_words(available: str) -> str:
    """Whether a record's opt-out exists ("yes", "partial", …), in words."""
    words = {"yes": _("yes"), "partial": _("partly"), "no": _("no"), "unknown": _("unknown")}
    return words.get(available, _("unknown"))

"""Which desk a request goes to: the contact points in the catalog that take its kind.

A broker often has several addresses: a freeze desk, a disclosure desk, a privacy mailbox. Each
method in the catalog says what it ``serves`` (a method with no narrower ``covers`` note is the
general privacy route: deletion, opt-out and access). A letter goes only to a desk that serves
its kind. When none does, the result says so in a note that the preview and the CLI show: a
letter is often the only attempt a person makes, and the freeze desk will not answer a
disclosure request.

E-mail addresses that name an employee, or that come only from a registry filing older than
the newest registry, are used only when nothing better serves the kind, and then with a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from broker_catalog.schema import Broker, MethodKind, OptOutMethod
from exposure.i18n import _

KIND_LABEL = {
    "delete": "deletion",
    "opt_out": "opt-out",
    "know": "access",
    "file_disclosure": "file disclosure",
    "security_freeze": "security freeze",
}


def kind_label(kind: str) -> str:
    """The request's kind inside a note, in the reader's language (:data:`KIND_LABEL` is the
    English)."""
    labels = {
        "delete": _("deletion"),
        "opt_out": _("opt-out"),
        "know": _("access"),
        "file_disclosure": _("file disclosure"),
        "security_freeze": _("security freeze"),
    }
    return labels.get(kind, kind)


POSTAL_UNKNOWN = "(no postal address for this request is recorded: see the note)"


@dataclass(frozen=True, slots=True)
class Desk:
    """Where one request goes: postal lines (addressee first), an e-mail address, web forms,
    and notes for the person about what is missing or doubtful."""

    postal: tuple[str, ...] | None
    email: str | None
    web_forms: tuple[str, ...]
    notes: tuple[str, ...]


def _serving(
    broker: Broker, kind: str, how: MethodKind, as_agent: bool = False
) -> list[OptOutMethod]:
    """The methods of one kind that take ``kind``; for an agent's letter, a desk that also
    takes agents' requests comes first (the record's order otherwise)."""
    methods = broker.opt_out.methods if broker.opt_out else ()
    serving = [m for m in methods if m.kind is how and kind in m.requests]
    return sorted(serving, key=lambda m: not (as_agent and "agent" in m.requests))


def addressed(name: str, lines: tuple[str, ...]) -> tuple[str, ...]:
    """The postal block: an address that starts with its own addressee line (no digits, e.g.
    "Annual Credit Report Request Service") keeps it; otherwise the broker's name goes first."""
    if lines and not any(ch.isdigit() for ch in lines[0]):
        return lines
    return (name, *lines)


def _email(
    broker: Broker, kind: str, has_form: bool, as_agent: bool
) -> tuple[str | None, list[str]]:
    label = kind_label(kind)
    methods = _serving(broker, kind, MethodKind.EMAIL, as_agent)
    good = [m for m in methods if not m.names_person and not m.old_filing_only]
    if good:
        return good[0].email, []
    contacts = broker.contacts
    general = kind in ("delete", "opt_out", "know") and contacts.email != "unknown"
    if general and not contacts.email_names_person and not contacts.email_old_filing_only:
        return str(contacts.email), []
    stale = [m for m in methods if not m.names_person]
    if stale and not has_form:
        note = _(
            "The only e-mail address on record for a {kind} request comes from an old registry "
            "filing and may no longer be read; prefer post."
        ).format(kind=label)
        return stale[0].email, [note]
    doubtful = bool(methods) or (general and contacts.email != "unknown")
    if doubtful:
        if has_form:
            note = _(
                "No e-mail draft: the only address on record names a person or comes only from "
                "an old registry filing; use the web form instead."
            )
        else:
            note = _(
                "No e-mail draft: the only address on record names a person or comes only from "
                "an old registry filing; use post instead."
            )
        return None, [note]
    return None, []


def desk_for(broker: Broker, kind: str, *, as_agent: bool = False) -> Desk:
    """The desk for ``kind`` at ``broker`` (for an agent's letter, preferring a desk that takes
    agents' requests), with notes for anything missing or doubtful."""
    label = kind_label(kind)
    notes: list[str] = []
    forms = tuple(
        str(m.url) for m in _serving(broker, kind, MethodKind.WEB_FORM, as_agent) if m.url
    )
    # A stable sort keeps the agent preference while putting addresses from current filings first.
    postal_methods = sorted(
        _serving(broker, kind, MethodKind.POSTAL, as_agent), key=lambda m: m.old_filing_only
    )
    postal: tuple[str, ...] | None = None
    if postal_methods:
        postal = addressed(broker.name, postal_methods[0].address or ())
        if postal_methods[0].old_filing_only:
            notes.append(
                _(
                    "The postal address on record for {kind} requests to {broker} comes only "
                    "from an old registry filing; check it on the company's website before "
                    "mailing."
                ).format(kind=label, broker=broker.name)
            )
    elif kind in ("delete", "opt_out", "know") and isinstance(broker.contacts.address, tuple):
        postal = addressed(broker.name, broker.contacts.address)
        notes.append(
            _(
                "No desk for {kind} requests is recorded for {broker}; this letter uses the "
                "company's general address from its registry filing."
            ).format(kind=label, broker=broker.name)
        )
    elif forms:
        notes.append(
            _(
                "No postal address in the catalog takes {kind} requests for {broker}: use the "
                "web form."
            ).format(kind=label, broker=broker.name)
        )
    else:
        notes.append(
            _(
                "No postal address in the catalog takes {kind} requests for {broker}: the letter "
                "cannot be mailed as it is."
            ).format(kind=label, broker=broker.name)
        )
    email, email_notes = _email(broker, kind, bool(forms), as_agent)
    return Desk(postal, email, forms, (*notes, *email_notes))

"""Only the identity fields a broker needs, and never more.

Each broker record names its minimal fields. A letter carries exactly those. Numbers we never
store (Social Security, driver's licence, advertising ID) get a blank line to fill in by hand on
the printed letter, so they never touch the disk.
"""

from __future__ import annotations

from broker_catalog.schema import Broker, IdentityField
from exposure.errors import ExposureError
from exposure.i18n import _
from exposure.profile.model import Identity

DEFAULT_FIELDS = (IdentityField.FULL_NAME, IdentityField.POSTAL_ADDRESS)
BY_HAND = {
    IdentityField.SSN: "Social Security number",
    IdentityField.SSN_LAST4: "Last four digits of Social Security number",
    IdentityField.DRIVERS_LICENCE: "Driver's licence number and state",
    IdentityField.MOBILE_AD_ID: "Mobile advertising ID",
    IdentityField.PROFILE_URL: "Address (URL) of the profile page",
}
ENCLOSED = {IdentityField.PHOTO: "A photo, as the broker's form requires"}
BLANK = "______________________________"
LABELS = {
    IdentityField.FULL_NAME: "Full name",
    IdentityField.POSTAL_ADDRESS: "Current address",
    IdentityField.EMAIL: "E-mail",
    IdentityField.PHONE: "Phone",
    IdentityField.DATE_OF_BIRTH: "Date of birth",
}


def field_label(label: str) -> str:
    """An identity label of the letter (English, as in the tables above) in the
    reader's language; a label this table does not know stays as it is."""
    labels = {
        "Full name": _("Full name"),
        "Former names": _("Former names"),
        "Current address": _("Current address"),
        "Past addresses": _("Past addresses"),
        "E-mail": _("E-mail"),
        "Phone": _("Phone"),
        "Date of birth": _("Date of birth"),
        "Social Security number": _("Social Security number"),
        "Last four digits of Social Security number": _(
            "Last four digits of Social Security number"
        ),
        "Driver's licence number and state": _("Driver's licence number and state"),
        "Mobile advertising ID": _("Mobile advertising ID"),
        "Address (URL) of the profile page": _("Address (URL) of the profile page"),
    }
    return labels.get(label, label)


def _missing_name(field: IdentityField) -> str:
    """A missing field's name inside a sentence, in the reader's language."""
    names = {
        IdentityField.FULL_NAME: _("full name"),
        IdentityField.POSTAL_ADDRESS: _("postal address"),
        IdentityField.EMAIL: _("email"),
        IdentityField.PHONE: _("phone"),
        IdentityField.DATE_OF_BIRTH: _("date of birth"),
    }
    return names.get(field, field.value.replace("_", " "))


class MissingIdentityError(ExposureError):
    """The profile lacks identity fields this broker needs."""


def needed_fields(broker: Broker) -> tuple[IdentityField, ...]:
    fields = broker.opt_out.minimal_fields if broker.opt_out else ()
    return fields or DEFAULT_FIELDS


def _address(identity: Identity, current: bool) -> list[str]:
    return [
        ", ".join([*a.lines, a.city, f"{a.state} {a.postal_code}"])
        for a in identity.addresses
        if a.current is current
    ]


def identity_lines(
    broker: Broker, identity: Identity | None, *, blanks: bool = False
) -> list[tuple[str, str]]:
    """(label, value) pairs for the fields this broker needs; raises if any is missing, unless
    ``blanks``, when a missing field gets a line to fill in by hand (workshops print letters
    for people whose identity is never typed into the tool)."""
    identity = identity or Identity()
    out: list[tuple[str, str]] = []
    missing: list[str] = []
    for field in needed_fields(broker):
        if field in BY_HAND:
            out.append((BY_HAND[field], f"{BLANK} (write by hand)"))
            continue
        if field in ENCLOSED or field is IdentityField.SIGNATURE:
            continue
        value = _value(field, identity)
        optional = field in (IdentityField.FORMER_NAMES, IdentityField.PAST_ADDRESSES)
        if value:
            out.append(value)
        elif blanks and not optional:
            out.append((LABELS[field], f"{BLANK} (write by hand)"))
        elif not optional:
            missing.append(_missing_name(field))
    if missing:
        raise MissingIdentityError(
            _(
                "{broker} needs these identity fields, which the profile does not have: "
                "{fields}. Add them with 'exposure profile import' (see docs/profile.md)."
            ).format(broker=broker.name, fields=", ".join(missing))
        )
    return out


def _value(field: IdentityField, identity: Identity) -> tuple[str, str] | None:
    match field:
        case IdentityField.FULL_NAME:
            return ("Full name", identity.full_name) if identity.full_name else None
        case IdentityField.FORMER_NAMES:
            names = ", ".join(identity.former_names)
            return ("Former names", names) if names else None
        case IdentityField.POSTAL_ADDRESS:
            current = _address(identity, True)
            return ("Current address", current[0]) if current else None
        case IdentityField.PAST_ADDRESSES:
            past = "; ".join(_address(identity, False))
            return ("Past addresses", past) if past else None
        case IdentityField.EMAIL:
            return ("E-mail", identity.emails[0]) if identity.emails else None
        case IdentityField.PHONE:
            return ("Phone", identity.phones[0]) if identity.phones else None
        case IdentityField.DATE_OF_BIRTH:
            dob = identity.date_of_birth
            return ("Date of birth", dob.isoformat()) if dob else None
    return None


def enclosures_for(broker: Broker) -> list[str]:
    return [ENCLOSED[f] for f in needed_fields(broker) if f in ENCLOSED]

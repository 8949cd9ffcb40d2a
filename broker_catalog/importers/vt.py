"""Vermont Secretary of State registry export (9 V.S.A. § 2446), 2021.

Vermont asks questions no other registry asks: how to opt out, what the opt-out covers, whether
an agent may opt out for someone, what cannot be opted out of, whether buyers are credentialed,
and what happens to minors' data. The answers are kept word for word as registry statements.
Many brokers appear twice (an expired and a renewed registration); see :attr:`Filing.preference`.
"""

from __future__ import annotations

import datetime as dt

from broker_catalog.importers import addresses, cells, filing, names
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.row import Row
from broker_catalog.importers.sources import VT_2021
from broker_catalog.schema import Disclosures, Legal, RegistryEntry

REGISTRY = VT_2021

NAME = "Data Broker Name:"
REGISTRATION_ID = "Registration ID:"
STATUS = "Status:"
CREATED = "Created Date:"
ADDRESS = "Address:"
EMAIL = "Email Address:"
WEBSITE = "Primary Internet Address:"
PERMITS_OPT_OUT = (
    "3. Does the data broker permit a consumer to opt out of the data broker\u2019s collection of "
    "brokered personal information, opt out ofits databases or opt out of certain sales of data? :"
)
METHOD = "a. What was the method for requesting an opt-out?"
SCOPE = "b. If the opt-out applied to only certain activities or sales, which ones?"
THIRD_PARTY = (
    "c. Does the data broker permit a consumer to authorize a third party to perform the opt-out "
    "on the consumer\u2019s behalf?"
)
CANNOT = (
    "4. Statement specifying the data collection, databases or sales activities from which a "
    "consumer may not opt out:"
)
CREDENTIALING = (
    "5. Statement regarding whether the data broker implements a purchaser credentialing process:"
)
BREACHES = (
    "6. The number of security breaches that the data broker experienced during the prior year:"
)
BREACHED = "a. Total number of consumers affected by the breaches:"
MINORS = (
    "7. Does the data broker have actual knowledge that it possesses the brokered personal "
    "information of minors:"
)
MINORS_STATEMENT = (
    "If so, provide a statement detailing the data collection practices, databases, sales "
    "activities, and opt-out policies that are applicable to the brokered personal information "
    "of minors:"
)
ADDITIONAL = (
    "8. Any additional information or explanation the data broker chooses to provide "
    "concerning its data collection practices:"
)

COLUMNS: tuple[str, ...] = (
    NAME, REGISTRATION_ID, STATUS, CREATED, ADDRESS, EMAIL, WEBSITE, PERMITS_OPT_OUT, METHOD,
    SCOPE, THIRD_PARTY, CANNOT, CREDENTIALING, BREACHES, BREACHED, MINORS, MINORS_STATEMENT,
    ADDITIONAL,
)  # fmt: skip

_STATEMENTS = (
    (METHOD, "opt_out_method"),
    (SCOPE, "opt_out_scope"),
    (THIRD_PARTY, "third_party_opt_out"),
    (CANNOT, "cannot_opt_out"),
    (CREDENTIALING, "credentialing"),
    (MINORS_STATEMENT, "minors"),
    (ADDITIONAL, "additional"),
)
_STATUS_RANK = {"ACTIVE": 2, "EXPIRED": 1, "CANCELLED": 0}


def parse_row(row: Row, today: dt.date) -> Filing | None:
    legal_name, name_brands = names.split_name(row.raw(NAME))
    if not legal_name:
        row.problem(NAME, "the data broker's name", skipped=True)
        return None
    registration = row.line(REGISTRATION_ID)
    if registration is not None and not registration.isdigit():
        row.problem(REGISTRATION_ID, "a numeric Vermont registration ID")
        registration = None
    status = (row.line(STATUS) or "").upper()
    statements = tuple(
        s
        for column, topic in _STATEMENTS
        for s in filing.statement(REGISTRY, topic, row.text(column))
    )
    legal = Legal(
        registries=(
            RegistryEntry(
                state="VT",
                registry_id=registration or "unknown",
                year=REGISTRY.year,
                source=REGISTRY.source.id,
            ),
        ),
        disclosures=Disclosures(minors=row.tri(MINORS)),
        statements=statements,
    )
    contacts = filing.contacts(
        REGISTRY, email=row.email(EMAIL), address=addresses.from_commas(row.raw(ADDRESS))
    )
    broker = filing.base_record(
        REGISTRY,
        today,
        name=legal_name,
        brands=name_brands,
        website=row.website(WEBSITE),
        contacts=contacts,
        legal=legal,
    )
    held_back = [
        ("legal.disclosures.permits_opt_out", row.tri(PERMITS_OPT_OUT)),
        ("legal.registries[VT].status", status.lower() or "unknown"),
        ("legal.security_breaches", cells.one_line(row.raw(BREACHES)) or "unknown"),
        ("legal.consumers_affected_by_breaches", cells.one_line(row.raw(BREACHED)) or "unknown"),
    ]
    preference = (
        _STATUS_RANK.get(status, -1),
        _date_ordinal(row.raw(CREATED)),
        int(registration) if registration else 0,
    )
    kept = tuple((f, v) for f, v in held_back if v != "unknown")
    return Filing((row.number,), broker, kept, preference=preference)


def _date_ordinal(value: str) -> int:
    """Vermont writes dates as M/D/YYYY; an unreadable date sorts first instead of failing."""
    try:
        return dt.datetime.strptime(cells.one_line(value), "%m/%d/%Y").date().toordinal()
    except ValueError:
        return 0

"""The California Attorney General's registry (2020-2021), as copied by The Markup.

Before the CPPA took over, California asked only for a name, an e-mail, a website, an address
and free prose on how to opt out. E-mails are obfuscated (``privacy [at] example.com``) and the
address lines are run together; both are repaired where that is unambiguous.
"""

from __future__ import annotations

import datetime as dt

from broker_catalog.importers import addresses, cells, filing, names
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.row import Row
from broker_catalog.importers.sources import CA_AG_2021
from broker_catalog.schema import Legal, RegistryEntry

REGISTRY = CA_AG_2021

NAME = "Data Broker Name"
EMAIL = "Email Address"
WEBSITE = "Website URL"
ADDRESS = "Physical Address"
OPT_OUT = "How a consumer may opt out of sale or submit requests under the CCPA"
PROTECTED = (
    "How a protected individual can demand deletion of information posted online under "
    "Gov. Code sections 6208.1(b) or 6254.21(c)(1)"
)
ADDITIONAL = "Additional information about data collecting practices"
DATE_ADDED = "Date Added"

COLUMNS: tuple[str, ...] = (
    NAME,
    EMAIL,
    WEBSITE,
    ADDRESS,
    OPT_OUT,
    PROTECTED,
    ADDITIONAL,
    DATE_ADDED,
)


def parse_row(row: Row, today: dt.date) -> Filing | None:
    legal_name, name_brands = names.split_name(row.raw(NAME))
    if not legal_name:
        row.problem(NAME, "the data broker's name", skipped=True)
        return None
    year = _year(row)
    opt_out_prose = row.text(OPT_OUT)
    protected = row.text(PROTECTED)
    legal = Legal(
        registries=(RegistryEntry(state="CA", year=year, source=REGISTRY.source.id),),
        statements=(
            *filing.statement(REGISTRY, "opt_out_method", opt_out_prose),
            *filing.statement(REGISTRY, "additional", row.text(ADDITIONAL)),
        ),
    )
    contacts = filing.contacts(
        REGISTRY,
        email=row.email(EMAIL),
        address=addresses.from_run_together(row.raw(ADDRESS)),
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
    held_back: tuple[tuple[str, str], ...] = ()
    if protected and protected != opt_out_prose:
        held_back = (("legal.statements[protected_individuals]", protected),)
    return Filing((row.number,), broker, held_back)


def _year(row: Row) -> int:
    """The registration year, from "Date Added" (MM/DD/YYYY); the file's year when unreadable."""
    value = cells.one_line(row.raw(DATE_ADDED))
    try:
        year = dt.datetime.strptime(value, "%m/%d/%Y").year
    except ValueError:
        if value:
            row.problem(DATE_ADDED, "a date like 01/29/2020")
        return REGISTRY.year
    if not 2019 <= year <= REGISTRY.year:
        row.problem(DATE_ADDED, f"a date between 2019 and {REGISTRY.year}")
        return REGISTRY.year
    return year

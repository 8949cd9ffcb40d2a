"""The California Privacy Protection Agency's registry export (Delete Act filings, 2025).

The richest file: identity, contacts, the CCPA-rights page, FCRA/GLBA/HIPAA flags, three
disclosures and 2023 request metrics. Row 1 is an internal note row; the header is row 2.
"""

from __future__ import annotations

import datetime as dt

from broker_catalog.importers import addresses, filing, names
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.row import Row
from broker_catalog.importers.sources import CA_CPPA_2025
from broker_catalog.schema import Disclosures, Legal, RegistryEntry, RequestMetrics

REGISTRY = CA_CPPA_2025
METRICS_YEAR = 2023

NAME = "Data broker name:"
DBA = "Doing Business As (DBA), if applicable:"
WEBSITE = "Data broker primary website:"
EMAIL = "Data broker primary contact email address:"
PHONE = "Data broker primary phone number: [optional]"
STREET = "Data broker primary street address:"
CITY = "Data broker city:"
STATE = "Data broker state:"
ZIP = "Data broker zip code:"
COUNTRY = "Data broker country:"
OTHER_ADDRESS = "Data broker primary address, if it does not comport to the format provided:"
MINORS = "The data broker collects personal information of minors:"
GEOLOCATION = "The data broker collects consumers\u2019 precise geolocation:"
REPRODUCTIVE = "The data broker collects consumers\u2019 reproductive health care data:"
RIGHTS_PAGE = (
    "Data Broker's primary website that contains details on how consumers can exercise their CA "
    "Consumer Privacy Act rights, including how to delete their personal information:"
)
_REGULATED = "The data broker or any of its subsidiaries is regulated by the "
FCRA = _REGULATED + "federal Fair Credit Reporting Act (FCRA):"
GLBA = _REGULATED + "federal Gramm-Leach-Bliley Act (GLBA):"
IIPPA = _REGULATED + "California Insurance Information and Privacy Protection Act (IIPPA):"
CMIA = "The data broker or any of its subsidiaries is regulated by the California Confidentiality of Medical Information Act (CMIA):"  # noqa: E501
HIPAA = _REGULATED + "federal Health Insurance Portability and Accountability Act (HIPAA):"
METRICS_NOTE = "Additional information or explanation on the metrics reporting: [optional]"
ADDITIONAL = (
    "Additional information or explanation concerning the data collection practices: [optional]"
)

_SOLD = "know what personal information was sold or shared, and to whom it was sold or shared,"
_SOLD_DAYS = "know what information was sold or shared, and to whom it was sold or shared,"
_OPT = "opt out of the sale or sharing of personal information"
_LIMIT = "limit the use and disclosure of sensitive personal information"
#: kind -> (received, complied in whole, complied in part, denied, median days, mean days)
METRIC_COLUMNS: dict[str, tuple[str, str, str, str, str, str]] = {
    "delete": (
        "Number of requests to delete received from consumers in 2023:",
        "Number of requests to delete complied with in whole in 2023:",
        "Number of requests to delete complied with in part in 2023:",
        "Number of requests to delete denied in 2023:",
        "Median number of days taken to respond substantively to a request to delete in 2023:",
        "Mean number of days taken to respond substantively to a request to delete in 2023:",
    ),
    "know": (
        "Number of requests to know recieved from consumers in 2023:",  # sic
        "Number of requests to know complied with in whole in 2023:",
        "Number of requests to know complied with in part in 2023:",
        "Number of requests to know denied in 2023:",
        "Median number of days taken to respond substantively to a request to know in 2023:",
        "Mean number of days taken to respond substantively to a request to know in 2023:",
    ),
    "know_sold": (
        f"Number of requests to {_SOLD} received from consumers in 2023:",
        f"Number of requests to {_SOLD} complied with in whole in 2023:",
        f"Number of requests to {_SOLD} complied with in part in 2023:",
        f"Number of requests to {_SOLD} denied in 2023:",
        f"Median number of days taken to respond substantively to a request to {_SOLD_DAYS} in 2023:",  # noqa: E501
        f"Mean number of days taken to respond substantively to a request to {_SOLD_DAYS} in 2023:",
    ),
    "opt_out": (
        f"Number of requests to {_OPT} received from consumers in 2023:",
        f"Number of requests to {_OPT} complied with in whole in 2023:",
        f"Number of requests to {_OPT} complied with in part in 2023:",
        f"Number of requests to {_OPT} denied in 2023:",
        f"Median number of days taken to respond substantively to a request to {_OPT} in 2023:",
        f"Mean number of days taken to respond substantively to a request to {_OPT} in 2023:",
    ),
    "limit": (
        f"Number of requests to {_LIMIT} received from consumers in 2023:",
        f"Number of requests to {_LIMIT} from consumers complied with in whole in 2023:",
        f"Number of requests to {_LIMIT} from consumers complied with in part in 2023:",
        f"Number of requests to {_LIMIT} from consumers denied in 2023:",
        f"Median number of days taken to respond substantively to a request to {_LIMIT} in 2023:",
        f"Mean number of days taken to respond substantively to a request to {_LIMIT} in 2023:",
    ),
}
#: Request kinds the schema has no slot for; their numbers go to the report's held-back facts.
UNMAPPED_KINDS = frozenset({"know_sold"})

COLUMNS: tuple[str, ...] = (
    NAME, DBA, WEBSITE, EMAIL, PHONE, STREET, CITY, STATE, ZIP, COUNTRY, OTHER_ADDRESS,
    MINORS, GEOLOCATION, REPRODUCTIVE, RIGHTS_PAGE, FCRA, GLBA, IIPPA, CMIA, HIPAA,
    *(column for group in METRIC_COLUMNS.values() for column in group),
    METRICS_NOTE, ADDITIONAL,
)  # fmt: skip


def parse_row(row: Row, today: dt.date) -> Filing | None:
    legal_name, name_brands = names.split_name(row.raw(NAME))
    if not legal_name:
        row.problem(NAME, "the data broker's name", skipped=True)
        return None
    address = addresses.from_parts(
        row.raw(STREET), row.raw(CITY), row.raw(STATE), row.raw(ZIP), row.raw(COUNTRY)
    )
    if not row.text(STREET):
        address = addresses.from_free_text(row.raw(OTHER_ADDRESS)) or address
    contacts = filing.contacts(
        REGISTRY,
        email=row.email(EMAIL),
        phone=row.phone(PHONE),
        address=address,
        privacy_url=row.url(RIGHTS_PAGE),
    )
    metrics, held_back = _metrics(row)
    held_back += [
        ("legal.iippa", row.tri(IIPPA)),
        ("legal.cmia", row.tri(CMIA)),
    ]
    legal = Legal(
        registries=(RegistryEntry(state="CA", year=REGISTRY.year, source=REGISTRY.source.id),),
        fcra=row.tri(FCRA),
        glba=row.tri(GLBA),
        hipaa=row.tri(HIPAA),
        disclosures=Disclosures(
            minors=row.tri(MINORS),
            precise_geolocation=row.tri(GEOLOCATION),
            reproductive_health=row.tri(REPRODUCTIVE),
        ),
        metrics=metrics,
        statements=filing.statement(REGISTRY, "additional", row.text(ADDITIONAL)),
    )
    note = row.text(METRICS_NOTE)
    if note:
        held_back.append(("legal.metrics_note", note))
    broker = filing.base_record(
        REGISTRY,
        today,
        name=legal_name,
        brands=(*name_brands, *names.split_brands(row.raw(DBA))),
        website=row.website(WEBSITE),
        contacts=contacts,
        legal=legal,
    )
    kept = tuple((f, v) for f, v in held_back if v != "unknown")
    return Filing((row.number,), broker, kept)


def _metrics(row: Row) -> tuple[tuple[RequestMetrics, ...], list[tuple[str, str]]]:
    """2023 request metrics. "Complied" is the count complied with *in whole*.

    Brokers fill "complied with in part" inconsistently (Spokeo repeats the whole count there,
    so adding the two would double it). The schema has one ``complied`` number and no mean;
    the part-compliance and mean-day figures are held back in the report so nothing is lost.
    """
    metrics: list[RequestMetrics] = []
    held_back: list[tuple[str, str]] = []
    for kind, (received_c, whole_c, part_c, denied_c, median_c, mean_c) in METRIC_COLUMNS.items():
        received, whole, part = row.count(received_c), row.count(whole_c), row.count(part_c)
        denied, median, mean = row.count(denied_c), row.days(median_c), row.days(mean_c)
        if kind in UNMAPPED_KINDS:
            values = (received, whole, part, denied, median, mean)
            if any(v is not None for v in values):
                shown = ", ".join(
                    f"{label}={'unknown' if v is None else v}"
                    for label, v in zip(
                        ("received", "complied_whole", "complied_part", "denied", "median_days",
                         "mean_days"),
                        values,
                        strict=True,
                    )
                )  # fmt: skip
                held_back.append((f"legal.metrics[{METRICS_YEAR}/{kind}]", shown))
            continue
        if part is not None:
            held_back.append((f"legal.metrics[{METRICS_YEAR}/{kind}].complied_in_part", str(part)))
        if mean is not None:
            held_back.append((f"legal.metrics[{METRICS_YEAR}/{kind}].mean_days", str(mean)))
        complied = whole
        if all(v is None for v in (received, complied, denied, median)):
            continue
        metrics.append(
            RequestMetrics.model_validate(
                {
                    "year": METRICS_YEAR,
                    "kind": kind,
                    "received": "unknown" if received is None else received,
                    "complied": "unknown" if complied is None else complied,
                    "denied": "unknown" if denied is None else denied,
                    "median_days": "unknown" if median is None else median,
                    "source": REGISTRY.source.id,
                }
            )
        )
    return tuple(metrics), held_back

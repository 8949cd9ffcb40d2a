"""The Markup's list of opt-out pages of brokers in California's 2025 registry.

Each row is the page a broker named for exercising CCPA rights, followed through redirects
(``url_final``) and checked for being hidden from search engines (``hiding_found``). The page
becomes a web-form opt-out method; whether it actually lets a person out has not been checked,
so ``available`` stays "unknown". The hiding flag has no field in the schema yet and is held back.
"""

from __future__ import annotations

import datetime as dt

from broker_catalog.importers import cells, filing, names
from broker_catalog.importers.filing import Filing
from broker_catalog.importers.row import Row
from broker_catalog.importers.sources import OPT_OUT_PAGES_2025
from broker_catalog.schema import Disclosures, Legal, MethodKind, OptOut, OptOutMethod

REGISTRY = OPT_OUT_PAGES_2025

NAME = "company_name"
HIDING = "hiding_found"
HIDING_STOPPED = "hiding_stopped_confirmed_at"
URL_FINAL = "url_final"
STATUS = "status"
ERROR = "error_status_details"
MINORS = "collects_minors_data"
LOCATION = "collects_location_data"
REPRODUCTIVE = "collects_reproductive_data"
OTHERS = "other_company_names_that_use_url_original"

COLUMNS: tuple[str, ...] = (
    NAME, HIDING, HIDING_STOPPED, URL_FINAL, STATUS, ERROR, MINORS, LOCATION, REPRODUCTIVE, OTHERS,
)  # fmt: skip


def parse_row(row: Row, today: dt.date) -> Filing | None:
    legal_name, name_brands = names.split_name(row.raw(NAME))
    if not legal_name:
        row.problem(NAME, "the company name", skipped=True)
        return None
    opt_out = None
    status = (row.line(STATUS) or "").casefold()
    if status != "success":
        detail = row.line(ERROR) or status or "no status"
        row.problem(STATUS, f"a page that loaded ('success'; the check said: {detail})")
    else:
        url = row.read(URL_FINAL, cells.https_url)
        if url is not None and not cells.one_line(row.raw(URL_FINAL)).startswith("https://"):
            row.problem(URL_FINAL, "an https:// page (a plain http page is not sent to people)")
            url = None
        if url is not None:
            source = (REGISTRY.source.id,)
            method = OptOutMethod(kind=MethodKind.WEB_FORM, url=url, sources=source, verified=today)
            opt_out = OptOut(available="unknown", methods=(method,), sources=source, verified=today)
    legal = Legal(
        disclosures=Disclosures(
            minors=row.tri(MINORS),
            precise_geolocation=row.tri(LOCATION),
            reproductive_health=row.tri(REPRODUCTIVE),
        )
    )
    broker = filing.base_record(
        REGISTRY, today, name=legal_name, brands=name_brands, legal=legal, opt_out=opt_out
    )
    held_back: list[tuple[str, str]] = [
        ("opt_out.methods[web_form].hidden_from_search", row.tri(HIDING))
    ]
    stopped = row.line(HIDING_STOPPED)
    if stopped:
        held_back.append(("opt_out.methods[web_form].hiding_stopped", stopped))
    others = tuple(
        dict.fromkeys(
            other
            for part in (row.text(OTHERS) or "").split(";")
            if (other := cells.one_line(part))
            and names.name_key(other) != names.name_key(legal_name)
        )
    )
    kept = tuple((f, v) for f, v in held_back if v != "unknown")
    return Filing((row.number,), broker, kept, also_applies_to=others)

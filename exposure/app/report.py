"""The person's PDF report: a two-page summary, then the estimate, what to do, the sources,
and their requests if the ledger has any, as an appendix (or the summary alone). It never
holds an identity field, so it can be printed or shared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.engine.result import Audit
    from exposure.ledger.store import Request
    from exposure.render.wording import Wording


def write_report(
    path: Path,
    audit: Audit,
    catalog: Catalog,
    *,
    requests: Sequence[Request] = (),
    today: dt.date,
    words: Wording | None = None,
    short: bool = False,
) -> Path:
    """``short``: the two-page summary alone, without the appendix."""
    from exposure.app.output import write_file
    from exposure.reports.individual import individual_report

    pdf = individual_report(
        audit, catalog, requests=requests, today=today, words=words, short=short
    )
    return write_file(path, pdf)

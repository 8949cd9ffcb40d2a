"""How a link check is reported: counts by status, the URLs that need a person, and JSON."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from exposure.net.linkcheck import LinkResult, Status
from exposure.net.links import Link

#: Most urgent first: the order of the attention list and the status table.
ORDER = (
    Status.CLIENT_ERROR,
    Status.SERVER_ERROR,
    Status.TLS_ERROR,
    Status.CONNECTION_ERROR,
    Status.TIMEOUT,
    Status.REDIRECT_LOOP,
    Status.MOVED,
    Status.HIDDEN,
    Status.REDIRECTED,
    Status.OK,
)
#: Statuses that a maintainer should look at. Hidden pages are listed as well: the catalog
#: should say so, because people cannot find those pages by searching.
ATTENTION = frozenset(ORDER[:8])


def counts(results: Sequence[LinkResult]) -> dict[str, int]:
    found = Counter(r.status for r in results)
    return {s.value: found[s] for s in ORDER if found[s]}


def attention_rows(
    results: Sequence[LinkResult], links: Sequence[Link]
) -> list[tuple[str, str, str, str]]:
    users = {link.url: link.brokers for link in links}
    rank = {s: i for i, s in enumerate(ORDER)}
    chosen = sorted(
        (r for r in results if r.status in ATTENTION), key=lambda r: (rank[r.status], r.url)
    )
    return [(r.status.value, r.url, r.detail, _brokers(users.get(r.url, ()))) for r in chosen]


def _brokers(ids: Sequence[str], limit: int = 3) -> str:
    more = f" +{len(ids) - limit}" if len(ids) > limit else ""
    return ", ".join(ids[:limit]) + more


def as_json(results: Sequence[LinkResult], links: Sequence[Link], today: dt.date) -> dict[str, Any]:
    by_url = {link.url: link for link in links}
    rows = []
    for result in results:
        link = by_url.get(result.url)
        row = result.to_json()
        row["kinds"] = list(link.kinds) if link else []
        row["brokers"] = list(link.brokers) if link else []
        rows.append(row)
    return {"checked": today.isoformat(), "urls": len(results), "by_status": counts(results),
            "results": rows}  # fmt: skip

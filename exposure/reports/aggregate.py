"""The advocacy report: what a workshop found, for the press, councils and legislators.

Built from the workshop's anonymous tallies only, never from profiles. Any count below the
suppression threshold is printed as "fewer than N" and left out of charts, and there are no
cross-tabulations (category by state, say) that could single a participant out.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.platypus import PageBreak, Spacer

from broker_catalog.catalog import Catalog
from exposure.pdf.kit import Heading, ReportDoc, bar_chart, link, para, styles
from exposure.workshop.session import Tallies


def shown(count: int, threshold: int) -> str:
    return f"fewer than {threshold}" if count < threshold else str(count)


def aggregate_report(tallies: Tallies, catalog: Catalog, *, today: dt.date, top: int = 10) -> bytes:
    s = styles()
    t = tallies.threshold
    n = tallies.participants
    story: list[Any] = [
        Heading(f"What data brokers know: findings from {tallies.name}", s["title"], 0),
        para(f"Workshop held from {tallies.started}; report made {today.isoformat()}.", s["body"]),
        para(
            f"Participants: {shown(n, t)}. Letters printed: {shown(tallies.letters, t)}.", s["body"]
        ),
        para(
            f"Counts below {t} are shown as 'fewer than {t}' so that no participant can be "
            "singled out. This report was built from anonymous tallies only; no participant's "
            "answers or identity were kept.",
            s["small"],
        ),
        Spacer(1, 10),
    ]
    cats = [(c, tallies.categories.get(c.id, 0)) for c in catalog.categories]
    visible = [(c, k) for c, k in cats if k >= t]
    if visible:
        story.append(
            bar_chart(
                [c.name for c, _ in visible],
                [k for _, k in visible],
                caption="Participants likely exposed, by category (suppressed counts left out)",
            )
        )
    story.append(Heading("Prevalence by data category", s["h1"], 0))
    for category, count in cats:
        story.append(
            para(f"{category.name}: {shown(count, t)} of {shown(n, t)} participants.", s["body"])
        )
    story.append(
        para(
            f"Participants likely held by at least one broker that offers no consumer opt-out: "
            f"{shown(tallies.no_route, t)}.",
            s["body"],
        )
    )
    story.append(PageBreak())
    story.append(Heading("The brokers most often behind these exposures", s["h1"], 0))
    ranked = [(b, k) for b, k in tallies.brokers.most_common() if k >= t][:top]
    if not ranked:
        story.append(para(f"No broker reached the threshold of {t} participants.", s["body"]))
    for broker_id, count in ranked:
        broker = catalog.by_id.get(broker_id)
        if broker is None:
            continue
        story.append(Heading(f"{broker.name}: {count} participants", s["h2"], 1))
        route = broker.opt_out.available if broker.opt_out else "unknown"
        story.append(para(f"Consumer opt-out: {route}.", s["small"]))
        for tie in broker.government_ties:
            story.append(para(f"Government tie: {tie.agency} ({tie.date}). {tie.what}", s["small"]))
            sources = {x.id: x for x in broker.sources}
            for source_id in tie.sources:
                src = sources.get(source_id)
                if src is not None:
                    story.append(link(f"Source: {src.title}", src.url, s["small"]))
    story.append(PageBreak())
    story.append(Heading("Methodology", s["h1"], 0))
    story += [
        para(
            "Each participant answered questions about their life (utility accounts, phone plan, "
            "licence, online accounts and similar), never their name or address. exposure "
            "estimated, from those answers and its broker catalog, which brokers likely hold "
            "each participant's records. These are estimates, not searches of broker databases.",
            s["body"],
        ),
        para(
            f"Broker catalog {catalog.info.version} (released {catalog.info.released}). Every "
            "government tie above is cited to a published source, listed with it.",
            s["body"],
        ),
    ]
    buffer = io.BytesIO()
    ReportDoc(
        buffer, title=f"Workshop findings: {tallies.name}", subject="Aggregate report"
    ).build_story(story)
    return buffer.getvalue()

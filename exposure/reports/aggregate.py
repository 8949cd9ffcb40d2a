"""The advocacy report: what a workshop found, for the press, councils and legislators.

Built from the workshop's anonymous tallies only, never from profiles. Any count below the
suppression threshold is printed as "fewer than N" and left out of charts, and there are no
cross-tabulations (category by state, say) that could single a participant out.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.platypus import CondPageBreak, Spacer

from broker_catalog.catalog import Catalog
from exposure.catalog_language import catalog_text
from exposure.i18n import _
from exposure.pdf.kit import NEW_SECTION, Heading, ReportDoc, link, para, stacked_chart, styles
from exposure.workshop.session import Tallies


def shown(count: int, threshold: int) -> str:
    return _("fewer than {n}").format(n=threshold) if count < threshold else str(count)


def aggregate_report(tallies: Tallies, catalog: Catalog, *, today: dt.date, top: int = 10) -> bytes:
    """In the reader's language: fixed text through gettext, catalog text translated."""
    s = styles()
    tr = catalog_text(catalog)
    t = tallies.threshold
    n = tallies.participants
    story: list[Any] = [
        Heading(
            _("What data brokers know: findings from {name}").format(name=tallies.name),
            s["title"],
            0,
        ),
        para(
            _("Workshop held from {started}; report made {today}.").format(
                started=tallies.started, today=today.isoformat()
            ),
            s["body"],
        ),
        para(
            _("Participants: {n}. Letters printed: {letters}.").format(
                n=shown(n, t), letters=shown(tallies.letters, t)
            ),
            s["body"],
        ),
        para(
            _(
                "Counts below {t} are shown as 'fewer than {t}' so that no participant can be "
                "singled out. This report was built from anonymous tallies only; no "
                "participant's answers or identity were kept."
            ).format(t=t),
            s["small"],
        ),
        Spacer(1, 10),
    ]
    cats = [(c, tallies.categories.get(c.id, 0)) for c in catalog.categories]
    visible = [(c, k) for c, k in cats if k >= t]
    if visible:
        story.append(
            stacked_chart(
                [(tr(c.name), (k,)) for c, k in visible],
                levels=(_("participants"),),
                caption=_("Participants likely exposed, by category (suppressed counts left out)"),
            )
        )
    story.append(Heading(_("Prevalence by data category"), s["h1"], 0))
    for category, count in cats:
        line = _("{category}: {count} of {n} participants.").format(
            category=tr(category.name), count=shown(count, t), n=shown(n, t)
        )
        story.append(para(line, s["body"]))
    story.append(
        para(
            _(
                "Participants likely held by at least one broker that offers no consumer "
                "opt-out: {n}."
            ).format(n=shown(tallies.no_route, t)),
            s["body"],
        )
    )
    story.append(CondPageBreak(NEW_SECTION))
    story.append(Heading(_("The brokers most often behind these exposures"), s["h1"], 0))
    ranked = [(b, k) for b, k in tallies.brokers.most_common() if k >= t][:top]
    if not ranked:
        text = _("No broker reached the threshold of {t} participants.").format(t=t)
        story.append(para(text, s["body"]))
    for broker_id, count in ranked:
        broker = catalog.by_id.get(broker_id)
        if broker is None:
            continue
        heading = _("{broker}: {n} participants").format(broker=broker.name, n=count)
        story.append(Heading(heading, s["h2"], 1))
        route = broker.opt_out.available if broker.opt_out else "unknown"
        routes = {"yes": _("yes"), "partial": _("partly"), "no": _("no"), "unknown": _("unknown")}
        text = _("Consumer opt-out: {route}.").format(route=routes.get(route, route))
        story.append(para(text, s["small"]))
        for tie in broker.government_ties:
            text = _("Government tie: {agency} ({date}). {what}").format(
                agency=tie.agency, date=tie.date, what=tr(tie.what)
            )
            story.append(para(text, s["small"]))
            sources = {x.id: x for x in broker.sources}
            for source_id in tie.sources:
                src = sources.get(source_id)
                if src is not None:
                    label = _("Source: {title}").format(title=src.title)
                    story.append(link(label, src.url, s["small"]))
    story.append(CondPageBreak(NEW_SECTION))
    story.append(Heading(_("Methodology"), s["h1"], 0))
    story += [
        para(
            _(
                "Each participant answered questions about their life (utility accounts, phone "
                "plan, licence, online accounts and similar), never their name or address. "
                "exposure estimated, from those answers and its broker catalog, which brokers "
                "likely hold each participant's records. These are estimates, not searches of "
                "broker databases."
            ),
            s["body"],
        ),
        para(
            _(
                "Broker catalog {version} (released {released}). Every government tie above is "
                "cited to a published source, listed with it."
            ).format(version=catalog.info.version, released=catalog.info.released),
            s["body"],
        ),
    ]
    buffer = io.BytesIO()
    ReportDoc(
        buffer,
        title=_("Workshop findings: {name}").format(name=tallies.name),
        subject=_("Aggregate report"),
    ).build_story(story)
    return buffer.getvalue()

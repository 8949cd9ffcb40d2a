"""A person's own report: the estimate, why, what to do, and the sources, as a PDF.

It is built from the audit (life facts only) and, when there is one, the request ledger's
statuses. It never contains identity fields: a report made from a profile with a name and
address in it still holds neither, so it can be printed or shared safely.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Likelihood
from exposure.engine.result import Action, Audit
from exposure.ledger.store import Request
from exposure.pdf.kit import Heading, ReportDoc, bar_chart, link, para, styles
from exposure.render.wording import Wording

CHECKBOX = "\u2610"


def _cover(audit: Audit, today: dt.date, s: dict[str, Any]) -> list[Any]:
    return [
        Spacer(1, 1.5 * inch),
        Heading("Your likely data-broker exposure", s["title"], 0),
        para(f"Made on {today:%B} {today.day}, {today.year} with exposure.", s["body"]),
        para(
            f"Broker catalog {audit.catalog.version} (released {audit.catalog.released}).",
            s["body"],
        ),
        Spacer(1, 0.4 * inch),
        para(
            "This is an estimate, not a search of any database. It is worked out from answers "
            "about your life and from what is published about each broker. It holds no name, "
            "address or other identifying detail.",
            s["body"],
        ),
        PageBreak(),
    ]


def _summary(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    cats = [c for c in audit.categories if c.level is not Likelihood.UNKNOWN]
    chart = bar_chart(
        [f"{c.level.value.upper()}: {w.category(c)}" for c in cats],
        [len(c.brokers) for c in cats],
        caption="Brokers that likely or possibly hold your records, by data category",
    )
    story: list[Any] = [Heading("Summary", s["h1"], 0), para(w.headline(audit), s["h2"]), chart]
    story.append(Heading("Top five actions", s["h2"], 1))
    story += [para(f"{n}. {w.title(a)}", s["body"]) for n, a in enumerate(audit.plan[:5], 1)]
    story.append(PageBreak())
    return story


def _categories(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    names = {b.id: b for b in audit.brokers}
    story: list[Any] = [Heading("By data category", s["h1"], 0)]
    for result in audit.categories:
        if not result.brokers:
            continue
        category = w.catalog.category_by_id[result.id]
        story.append(Heading(f"{category.name}: {result.level.value}", s["h2"], 1))
        story.append(para(category.description, s["body"]))
        story.append(para(f"Why it matters: {category.why_it_matters}", s["body"]))
        for broker_id in result.brokers:
            broker = names[broker_id]
            reason = w.reason(broker.reasons[0]) if broker.reasons else ""
            story.append(para(f"{broker.name} ({broker.likelihood.value}). {reason}", s["small"]))
    story.append(PageBreak())
    return story


def _action(action: Action, w: Wording, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(w.title(action), s["h2"], 1)]
    story += [para(f"{CHECKBOX}  {step}", s["box"]) for step in w.steps(action)]
    for method in action.methods:
        label = method.kind.replace("_", " ")
        if method.contact.startswith("https://"):
            story.append(link(f"{CHECKBOX}  {label}", method.contact, s["box"]))
        else:
            story.append(para(f"{CHECKBOX}  {label}: {method.contact}", s["box"]))
    if action.verification:
        story.append(
            para(
                "Expect: " + ", ".join(v.replace("_", " ") for v in action.verification), s["small"]
            )
        )
    story.append(para("Done on: ____________________", s["small"]))
    return story


def _plan(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading("How to get out", s["h1"], 0)]
    for action in audit.plan:
        if action.kind != "no_consumer_route":
            story += _action(action, w, s)
    blocked = [a for a in audit.plan if a.kind == "no_consumer_route"]
    if blocked:
        story.append(Heading("What cannot be opted out of, and what helps instead", s["h1"], 0))
        for action in blocked:
            story.append(Heading(w.title(action), s["h2"], 1))
            story += [para(step, s["body"]) for step in w.steps(action)]
            for broker_id in action.brokers:
                opt = w.catalog.by_id[broker_id].opt_out
                if opt is not None and opt.cannot_opt_out != "unknown":
                    story.append(para(f"Cannot opt out of: {opt.cannot_opt_out}", s["small"]))
    if audit.government:
        story.append(Heading(w.heading("government"), s["h1"], 0))
        story.append(para(w.government_intro(), s["body"]))
        for result in audit.government:
            first, *rest = w.government(result)
            story.append(Heading(f"{first}: {result.likelihood.value}", s["h2"], 1))
            story += [para(line, s["body"]) for line in rest]
            story += [link(ref.title, ref.url, s["small"]) for ref in result.sources]
    story.append(PageBreak())
    return story


def _ledger(requests: Sequence[Request], s: dict[str, Any]) -> list[Any]:
    rows = [["Request", "Broker", "Status", "Due"]]
    for r in requests:
        due = r.due.isoformat() if r.due else ""
        status = r.status.value.replace("_", " ") + (" (overdue)" if r.overdue else "")
        rows.append([f"#{r.id} {r.kind.replace('_', ' ')}", r.broker_name, status, due])
    table = Table(
        [[para(c, s["small"]) for c in row] for row in rows],
        colWidths=[1.4 * inch, 2.6 * inch, 1.6 * inch, 1.0 * inch],
    )
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return [Heading("Your requests", s["h1"], 0), table, PageBreak()]


def _sources(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    seen: dict[str, str] = {}
    for broker in audit.brokers:
        for reason in broker.reasons:
            for src in reason.sources:
                seen.setdefault(src.url, f"{src.title} ({src.publisher})")
    story: list[Any] = [Heading("Sources", s["h1"], 0)]
    story += [
        link(title, url, s["small"]) for url, title in sorted(seen.items(), key=lambda i: i[1])
    ]
    story.append(Heading("What this estimate rests on", s["h1"], 0))
    story.append(para(w.based_on(audit), s["body"]))
    story += [para(f"It cannot know: {line}", s["body"]) for line in w.cannot_know(audit)]
    return story


def individual_report(
    audit: Audit,
    catalog: Catalog,
    *,
    requests: Sequence[Request] = (),
    today: dt.date,
    words: Wording | None = None,
) -> bytes:
    s = styles()
    w = words or Wording(catalog)
    story = (
        _cover(audit, today, s)
        + _summary(audit, w, s)
        + _categories(audit, w, s)
        + _plan(audit, w, s)
    )
    if requests:
        story += _ledger(requests, s)
    story += _sources(audit, w, s)
    buffer = io.BytesIO()
    ReportDoc(
        buffer, title="Your likely data-broker exposure", subject="Exposure report"
    ).build_story(story)
    return buffer.getvalue()

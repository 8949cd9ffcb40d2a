"""One-page explainers per data category, for workshop tables: what it is, who buys it, what a
person can do. Generated from the catalog; nothing about any participant."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import PageBreak

from broker_catalog.catalog import Catalog
from exposure.pdf.kit import Heading, ReportDoc, para, styles


def handouts(catalog: Catalog) -> bytes:
    s = styles()
    story: list[Any] = []
    for n, category in enumerate(catalog.categories):
        if n:
            story.append(PageBreak())
        brokers = [b for b in catalog.by_category.get(category.id, ()) if b.quality.rank >= 2]
        story.append(Heading(category.name, s["h1"], 0))
        story.append(para(category.description, s["body"]))
        story.append(Heading("Why it matters", s["h2"], 1))
        story.append(para(category.why_it_matters, s["body"]))
        tied = [b for b in brokers if any(t.immigration_enforcement for t in b.government_ties)]
        story.append(Heading("Who buys it", s["h2"], 1))
        if tied:
            story.append(
                para(
                    "Documented immigration-enforcement use: "
                    + ", ".join(b.name for b in tied[:8])
                    + ".",
                    s["body"],
                )
            )
        story.append(
            para(
                "Some brokers in this category: " + ", ".join(b.name for b in brokers[:10]) + ".",
                s["body"],
            )
        )
        story.append(Heading("What you can do", s["h2"], 1))
        routes = [b for b in brokers if b.opt_out and b.opt_out.available in ("yes", "partial")]
        story.append(
            para(
                f"{len(routes)} of {len(brokers)} researched brokers here offer some opt-out.",
                s["body"],
            )
        )
        helps = {a for b in brokers if b.opt_out for a in b.opt_out.alternatives}
        for line in sorted(helps, key=len)[:4]:
            story.append(para(f"\u2022 {line}", s["small"]))
        story.append(
            para(
                "Run 'exposure audit' to see which brokers likely hold your records, "
                "without giving your name.",
                s["small"],
            )
        )
    buffer = io.BytesIO()
    ReportDoc(buffer, title="Data broker handouts", subject="Handouts").build_story(story)
    return buffer.getvalue()

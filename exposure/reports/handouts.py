"""One-page explainers per data category, for workshop tables: what it is, who buys it, what a
person can do. Generated from the catalog; nothing about any participant."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import PageBreak

from broker_catalog.catalog import Catalog
from exposure.catalog_language import catalog_text
from exposure.i18n import _, fill
from exposure.pdf.kit import Heading, ReportDoc, para, styles


def handouts(catalog: Catalog) -> bytes:
    """In the reader's language: fixed text through gettext, catalog text translated."""
    s = styles()
    tr = catalog_text(catalog)
    story: list[Any] = []
    for n, category in enumerate(catalog.categories):
        if n:
            story.append(PageBreak())
        brokers = [b for b in catalog.by_category.get(category.id, ()) if b.quality.rank >= 2]
        story.append(Heading(tr(category.name), s["h1"], 0))
        story.append(para(tr(category.description), s["body"]))
        story.append(Heading(_("Why it matters"), s["h2"], 1))
        story.append(para(tr(category.why_it_matters), s["body"]))
        tied = [b for b in brokers if any(t.immigration_enforcement for t in b.government_ties)]
        story.append(Heading(_("Who buys it"), s["h2"], 1))
        if tied:
            names = ", ".join(b.name for b in tied[:8])
            text = fill(_("Documented immigration-enforcement use: {names}."), names=names)
            story.append(para(text, s["body"]))
        some = ", ".join(b.name for b in brokers[:10])
        story.append(
            para(fill(_("Some brokers in this category: {names}."), names=some), s["body"])
        )
        story.append(Heading(_("What you can do"), s["h2"], 1))
        routes = [b for b in brokers if b.opt_out and b.opt_out.available in ("yes", "partial")]
        story.append(
            para(
                _("{n} of {total} researched brokers here offer some opt-out.").format(
                    n=len(routes), total=len(brokers)
                ),
                s["body"],
            )
        )
        helps = {a for b in brokers if b.opt_out for a in b.opt_out.alternatives}
        for line in sorted(helps, key=len)[:4]:
            story.append(para(f"\u2022 {tr(line)}", s["small"]))
        story.append(
            para(
                _(
                    "Run 'exposure audit' to see which brokers likely hold your records, "
                    "without giving your name."
                ),
                s["small"],
            )
        )
    buffer = io.BytesIO()
    ReportDoc(buffer, title=_("Data broker handouts"), subject=_("Handouts")).build_story(story)
    return buffer.getvalue()

"""A broker record as plain text for `exposure catalog show`, in the reader's language: the
labels through gettext, the record's sentences through the catalog's translations (English,
marked, where a translation is missing). Names, addresses and source titles stay as written."""

from __future__ import annotations

from collections.abc import Iterator

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, OptOutMethod
from exposure.catalog_language import catalog_text
from exposure.i18n import _
from exposure.render.codes import (
    agents_words,
    available_words,
    method_words,
    verification_sentence,
)


def _method(m: OptOutMethod) -> str:
    contact = m.url or m.email or m.phone or ", ".join(m.address or ())
    narrower = _(" (covers: {covers})").format(covers=m.covers) if m.covers else ""
    return f"{method_words(m.kind.value)}: {contact}{narrower}"


def broker_lines(broker: Broker, catalog: Catalog) -> Iterator[str]:
    t = catalog_text(catalog)
    yield f"{broker.name}  [{broker.id}]"
    if broker.brands:
        yield "  " + _("Trades as: {brands}").format(brands=", ".join(broker.brands))
    if broker.parent:
        parent = catalog.by_id.get(broker.parent)
        yield "  " + _("Part of: {parent}").format(parent=parent.name if parent else broker.parent)
    yield "  " + _("Website: {url}").format(url=broker.website)
    yield "  " + _("Quality: {quality}, last verified {date}").format(
        quality=broker.quality.value, date=broker.last_verified.isoformat()
    )
    if broker.summary:
        yield f"\n{t(broker.summary)}"
    if broker.holdings:
        yield "\n" + _("What it holds:")
        for h in broker.holdings:
            category = catalog.category_by_id.get(h.category)
            yield f"  - {t(category.name) if category else h.category}: {t(h.what)}"
            yield "    " + _("How you end up there: {how}").format(how=t(h.how))
    if broker.government_ties:
        yield "\n" + _("Documented government ties:")
        for tie in broker.government_ties:
            amount = f", ${tie.amount_usd:,}" if isinstance(tie.amount_usd, int) else ""
            cited = ", ".join(tie.sources)
            yield f"  - {tie.agency} ({tie.date}{amount}): {t(tie.what)} [{cited}]"
    yield "\n" + _("How to get out:")
    opt = broker.opt_out
    if opt is None:
        yield "  " + _("unknown: this record has not been researched yet")
    else:
        yield "  " + _("Opt-out available: {available}; agents: {agents}").format(
            available=available_words(opt.available), agents=agents_words(opt.agents)
        )
        yield from (f"  - {_method(m)}" for m in opt.methods)
        yield from (f"  {n}. {t(step)}" for n, step in enumerate(opt.steps, 1))
        checks = verification_sentence(opt.verification)
        if checks:
            yield "  " + checks
        if opt.cannot_opt_out != "unknown":
            yield "  " + _("Cannot opt out of: {what}").format(what=t(opt.cannot_opt_out))
        yield from (
            "  " + _("What helps instead: {what}").format(what=t(a)) for a in opt.alternatives
        )
    registries = ", ".join(f"{r.state} {r.year}" for r in broker.legal.registries) or _(
        "none known"
    )
    yield "\n" + _("State registries: {registries}; FCRA consumer reporting agency: {fcra}").format(
        registries=registries, fcra=broker.legal.fcra
    )
    yield "\n" + _("Sources:")
    for s in broker.sources:
        yield f"  [{s.id}] {s.title}, {s.publisher} ({s.published}): {s.url}"

"""A broker record as plain text for `exposure catalog show`."""

from __future__ import annotations

from collections.abc import Iterator

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Broker, OptOutMethod


def _method(m: OptOutMethod) -> str:
    contact = m.url or m.email or m.phone or ", ".join(m.address or ())
    narrower = f" (covers: {m.covers})" if m.covers else ""
    return f"{m.kind.value.replace('_', ' ')}: {contact}{narrower}"


def broker_lines(broker: Broker, catalog: Catalog) -> Iterator[str]:
    yield f"{broker.name}  [{broker.id}]"
    if broker.brands:
        yield f"  Trades as: {', '.join(broker.brands)}"
    if broker.parent:
        parent = catalog.by_id.get(broker.parent)
        yield f"  Part of: {parent.name if parent else broker.parent}"
    yield f"  Website: {broker.website}"
    yield f"  Quality: {broker.quality.value}, last verified {broker.last_verified.isoformat()}"
    if broker.summary:
        yield f"\n{broker.summary}"
    if broker.holdings:
        yield "\nWhat it holds:"
        for h in broker.holdings:
            category = catalog.category_by_id.get(h.category)
            yield f"  - {category.name if category else h.category}: {h.what}"
            yield f"    How you end up there: {h.how}"
    if broker.government_ties:
        yield "\nDocumented government ties:"
        for t in broker.government_ties:
            amount = f", ${t.amount_usd:,}" if isinstance(t.amount_usd, int) else ""
            yield f"  - {t.agency} ({t.date}{amount}): {t.what} [sources: {', '.join(t.sources)}]"
    yield "\nHow to get out:"
    opt = broker.opt_out
    if opt is None:
        yield "  unknown: this record has not been researched yet"
    else:
        yield f"  Opt-out available: {opt.available}; agents: {opt.agents.value}"
        yield from (f"  - {_method(m)}" for m in opt.methods)
        yield from (f"  {n}. {step}" for n, step in enumerate(opt.steps, 1))
        if opt.verification:
            yield f"  Verification: {', '.join(v.value for v in opt.verification)}"
        if opt.cannot_opt_out != "unknown":
            yield f"  Cannot opt out of: {opt.cannot_opt_out}"
        yield from (f"  What helps instead: {a}" for a in opt.alternatives)
    registries = ", ".join(f"{r.state} {r.year}" for r in broker.legal.registries) or "none known"
    yield f"\nState registries: {registries}; FCRA consumer reporting agency: {broker.legal.fcra}"
    yield "\nSources:"
    for s in broker.sources:
        yield f"  [{s.id}] {s.title}, {s.publisher} ({s.published}): {s.url}"

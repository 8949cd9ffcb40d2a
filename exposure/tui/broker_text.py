"""A broker's detail page as Markdown: what it holds, how you ended up there (the engine's
reasons), its government ties with sources, and how to get out, or what helps instead.

Pure and Textual-free, so it is tested as text. Catalog text is escaped, so a broker record
cannot inject links or formatting; only the record's own https source URLs become links.
"""

from __future__ import annotations

from collections.abc import Callable

from broker_catalog.schema import Broker, OptOut, Verification
from exposure.engine.result import BrokerResult
from exposure.render.audit_text import md, method_words
from exposure.render.wording import Wording
from exposure.tui.i18n import _
from exposure.tui.words import LEVEL_WORDS

BURDEN: dict[Verification, str] = {
    Verification.NONE: _("no check"),
    Verification.EMAIL_LINK: _("an e-mail link to click"),
    Verification.PHONE_CALL: _("an automated phone call"),
    Verification.CAPTCHA: _("a captcha"),
    Verification.ACCOUNT: _("creating an account"),
    Verification.ID_UPLOAD: _("uploading an ID"),
    Verification.SSN: _("your Social Security number"),
    Verification.NOTARISED: _("a notarised form"),
    Verification.POSTAL_MAIL: _("a reply by post"),
}
AGENTS = {
    "yes": _("an authorized agent (a clinic, a group) may file for you"),
    "with_power_of_attorney": _("an agent needs a power of attorney"),
    "no": _("the broker refuses authorized agents"),
    "unknown": _("not known whether an agent may file for you"),
}


def _link(title: str, url: str) -> str:
    return f"[{md(title)}]({url.replace(')', '%29').replace(' ', '%20')})"


def _shown_link(target: str) -> str:
    """A URL or e-mail address shown as itself: an autolink, whose text is never unescaped, so
    it reads (and copies) as written. Escaping it as text showed ``credit\\-freeze``."""
    safe = target.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"<{safe}>"


def links(broker: Broker) -> list[tuple[str, str]]:
    """The page's links to open or copy, as (what, URL): ways out first, then the sources."""
    out: list[tuple[str, str]] = []
    opt = broker.opt_out
    for method in opt.methods if opt else ():
        if method.url:
            out.append((method_words(method.kind.value), method.url))
        elif method.email:
            out.append((method_words(method.kind.value), f"mailto:{method.email}"))
    out += [(source.title, source.url) for source in broker.sources]
    return list(dict.fromkeys(out))


def broker_markdown(broker: Broker, result: BrokerResult | None, words: Wording) -> str:
    catalog = words.catalog
    level = LEVEL_WORDS[result.likelihood] if result else _("not estimated")
    out = [f"# {md(broker.name)}", "", _("**Likelihood:** {level}").format(level=level), ""]
    if broker.brands:
        out += [_("Trades as: {brands}").format(brands=md(", ".join(broker.brands))), ""]
    tr = words.text
    if broker.summary:
        out += [md(tr(broker.summary)), ""]
    out += ["## " + _("What it holds"), ""]
    for h in broker.holdings:
        category = catalog.category_by_id.get(h.category)
        name = tr(category.name) if category else h.category
        out.append(f"- **{md(name)}**: {md(tr(h.what))}")
    if not broker.holdings:
        out.append(_("Not researched yet."))
    out += ["", "## " + _("How you ended up there"), ""]
    reasons = result.reasons if result else ()
    for reason in reasons:
        cites = "; ".join(_link(s.title, s.url) for s in reason.sources)
        out.append(f"- {md(words.reason(reason))}" + (f" ({cites})" if cites else ""))
    if not reasons:
        out.append(_("Your answers give no particular reason for this broker."))
    out += ["", "## " + _("Government ties"), ""]
    sources = {s.id: s for s in broker.sources}
    for tie in broker.government_ties:
        when = f" ({md(tie.date)})" if tie.date != "unknown" else ""
        mark = _(" **immigration enforcement**") if tie.immigration_enforcement else ""
        cites = "; ".join(_link(sources[s].title, sources[s].url) for s in tie.sources)
        out.append(f"- **{md(tie.agency)}**{when}{mark}: {md(tr(tie.what))} ({cites})")
    if not broker.government_ties:
        out.append(_("None documented in the catalog."))
    out += ["", "## " + _("How to get out"), "", *_get_out(broker.opt_out, tr)]
    return "\n".join(out) + "\n"


AVAILABLE = {
    "yes": _("yes"),
    "partial": _("partly"),
    "no": _("no"),
    "unknown": _("unknown"),
}


def _get_out(opt: OptOut | None, tr: Callable[[str], str]) -> list[str]:
    if opt is None:
        return [_("Not researched yet: the catalog does not know how to opt out of this broker.")]
    if opt.available == "no":
        out = ["**" + _("No consumer route.") + "**", ""]
        if opt.cannot_opt_out != "unknown":
            out += [md(tr(opt.cannot_opt_out)), ""]
        out += [_("What helps instead:"), ""]
        out += [f"- {md(tr(a))}" for a in opt.alternatives] or [_("- Nothing known yet.")]
        return out
    available = AVAILABLE.get(opt.available, opt.available)
    out = [_("Opt-out available: {available}.").format(available=available), ""]
    for method in opt.methods:
        if method.url or method.email:
            contact = _shown_link(method.url or method.email or "")
        else:
            contact = md(method.phone or ", ".join(method.address or ()))
        covers = f" ({md(tr(method.covers))})" if method.covers else ""
        out.append(f"- {md(method_words(method.kind.value))}: {contact}{covers}")
    out += [""] + [f"{n}. {md(tr(step))}" for n, step in enumerate(opt.steps, 1)]
    burden = ", ".join(BURDEN[v] for v in opt.verification) or _("not known")
    cost = (
        _("free")
        if opt.cost_usd == 0
        else (_("unknown") if opt.cost_usd == "unknown" else f"${opt.cost_usd}")
    )
    out += [
        "",
        _("**Verification:** {burden}").format(burden=burden),
        "",
        _("**Cost:** {cost}").format(cost=cost),
        "",
        _("**Agents:** {agents}").format(agents=AGENTS[opt.agents.value]),
    ]
    if opt.cannot_opt_out != "unknown":
        out += ["", _("**Not covered:** {what}").format(what=md(tr(opt.cannot_opt_out)))]
    return out

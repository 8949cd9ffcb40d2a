"""A broker's detail page as Markdown: what it holds, how you ended up there (the engine's
reasons), its government ties with sources, and how to get out, or what helps instead.

Pure and Textual-free, so it is tested as text. Catalog text is escaped, so a broker record
cannot inject links or formatting; only the record's own https source URLs become links.
"""

from __future__ import annotations

from broker_catalog.schema import Broker, OptOut, Verification
from exposure.engine.result import BrokerResult
from exposure.render.audit_text import md
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


def broker_markdown(broker: Broker, result: BrokerResult | None, words: Wording) -> str:
    catalog = words.catalog
    level = LEVEL_WORDS[result.likelihood] if result else _("not estimated")
    out = [f"# {md(broker.name)}", "", _("**Likelihood:** {level}").format(level=level), ""]
    if broker.brands:
        out += [_("Trades as: {brands}").format(brands=md(", ".join(broker.brands))), ""]
    if broker.summary:
        out += [md(broker.summary), ""]
    out += [f"## {_('What it holds')}", ""]
    for h in broker.holdings:
        category = catalog.category_by_id.get(h.category)
        out.append(f"- **{md(category.name if category else h.category)}**: {md(h.what)}")
    if not broker.holdings:
        out.append(_("Not researched yet."))
    out += ["", f"## {_('How you ended up there')}", ""]
    reasons = result.reasons if result else ()
    for reason in reasons:
        cites = "; ".join(_link(s.title, s.url) for s in reason.sources)
        out.append(f"- {md(words.reason(reason))}" + (f" ({cites})" if cites else ""))
    if not reasons:
        out.append(_("Your answers give no particular reason for this broker."))
    out += ["", f"## {_('Government ties')}", ""]
    sources = {s.id: s for s in broker.sources}
    for tie in broker.government_ties:
        when = f" ({md(tie.date)})" if tie.date != "unknown" else ""
        mark = _(" **immigration enforcement**") if tie.immigration_enforcement else ""
        cites = "; ".join(_link(sources[s].title, sources[s].url) for s in tie.sources)
        out.append(f"- **{md(tie.agency)}**{when}{mark}: {md(tie.what)} ({cites})")
    if not broker.government_ties:
        out.append(_("None documented in the catalog."))
    out += ["", f"## {_('How to get out')}", "", *_get_out(broker.opt_out)]
    return "\n".join(out) + "\n"


def _get_out(opt: OptOut | None) -> list[str]:
    if opt is None:
        return [_("Not researched yet: the catalog does not know how to opt out of this broker.")]
    if opt.available == "no":
        out = [f"**{_('No consumer route.')}**", ""]
        if opt.cannot_opt_out != "unknown":
            out += [md(opt.cannot_opt_out), ""]
        out += [_("What helps instead:"), ""]
        out += [f"- {md(a)}" for a in opt.alternatives] or [_("- Nothing known yet.")]
        return out
    out = [_("Opt-out available: {available}.").format(available=opt.available), ""]
    for method in opt.methods:
        contact = method.url or method.email or method.phone or ", ".join(method.address or ())
        covers = f" ({md(method.covers)})" if method.covers else ""
        out.append(f"- {md(method.kind.value.replace('_', ' '))}: {md(contact)}{covers}")
    out += [""] + [f"{n}. {md(step)}" for n, step in enumerate(opt.steps, 1)]
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
        out += ["", _("**Not covered:** {what}").format(what=md(opt.cannot_opt_out))]
    return out

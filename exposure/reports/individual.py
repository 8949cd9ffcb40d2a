"""A person's own report as a PDF: a two-page summary to act on (:func:`summary`), then the
full detail as an appendix: the estimate by category, what to do about each broker, the
person's requests and the sources. ``short`` gives the summary alone.

It is built from the audit (life facts only) and, when there is one, the request ledger's
statuses. It never contains identity fields: a report made from a profile with a name and
address in it still holds neither, so it can be printed or shared safely.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from broker_catalog.catalog import Catalog
from broker_catalog.schema import Likelihood
from exposure.engine.result import LETTER_ACTIONS, Action, Audit
from exposure.i18n import _, fill, long_date
from exposure.ledger.store import Request
from exposure.letters.desk import POSTAL_UNKNOWN, desk_for, kind_label
from exposure.pdf.kit import (
    FRAME_WIDTH,
    NEW_SECTION,
    Heading,
    LevelChart,
    ReportDoc,
    link,
    para,
    stacked_chart,
    styles,
)
from exposure.render.audit_text import level_words
from exposure.render.codes import listing, method_words, status_words, verification_sentence
from exposure.render.wording import Wording

CHECKBOX = "\u2610"
# The summary's five steps: what a person can do now; blocked brokers have their own section.
STEPS = 5
# How many brokers and levers the summary's "cannot be opted out of" section names.
BLOCKED_NAMED = 4
HELPS = 3
# Which request an action's one contact is for (the letter desks, exposure.letters.desk).
_REQUEST = {
    "state_law_request": "delete",
    "fcra_disclosure_and_freeze": "file_disclosure",
}


def _frame() -> tuple[float, float]:
    """The text frame of a report page (US Letter less margins and padding)."""
    from reportlab.lib.pagesizes import LETTER

    return FRAME_WIDTH, LETTER[1] - 1.6 * inch - 12


def _contact(action: Action, catalog: Catalog) -> tuple[str, str] | None:
    """The one link or address an action needs: for a letter under a law, where the letter
    goes (the desk that takes it: e-mail, then post, then its web form, which may be meant for
    one state's residents); otherwise the first method the record lists, which its steps start
    with; (label, contact)."""
    kind = _REQUEST.get(action.kind)
    broker = catalog.by_id.get(action.lead) if action.lead else None
    if kind is not None and broker is not None:
        desk = desk_for(broker, kind)
        if desk.email:
            return method_words("email"), desk.email
        if desk.postal and desk.postal[-1] != POSTAL_UNKNOWN:
            return method_words("postal"), ", ".join(desk.postal)
        if desk.web_forms:
            return method_words("web_form"), desk.web_forms[0]
    if action.methods:
        method = action.methods[0]
        return method_words(method.kind), method.contact
    return None


def _contact_line(label: str, contact: str, style: ParagraphStyle) -> Paragraph:
    """``label: contact``, a web or e-mail address as a link that breaks only where it may."""
    if contact.startswith("https://"):
        return link(label, contact, style)
    if "@" in contact and " " not in contact:
        return link(label, contact, style, href=f"mailto:{contact}")
    return para(f"{label}: {contact}", style)


def _step(n: int, action: Action, w: Wording, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [para(f"{n}. {w.title(action)}", s["step"])]
    contact = _contact(action, w.catalog)
    if contact is not None:
        story.append(_contact_line(*contact, s["box"]))
    elif action.kind != "one_of_these":
        story += [para(step, s["box"]) for step in w.steps(action)[:1]]
    if action.kind in LETTER_ACTIONS:
        story.append(para(_("'exposure letters' writes this letter for you."), s["boxsmall"]))
    checks = verification_sentence(action.verification)
    if checks:
        story.append(para(checks, s["boxsmall"]))
    if action.kind == "one_of_these":
        story += [para(step, s["boxsmall"]) for step in w.steps(action)[1:2]]
    return story


def _blocked(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    blocked = [a for a in audit.plan if a.kind == "no_consumer_route"]
    if not blocked and not audit.government:
        return []
    heading = _("What cannot be opted out of, and what helps instead")
    story: list[Any] = [Heading(heading, s["h1"], 0)]
    if blocked:
        names = [w.name(a.lead or a.brokers[0]) for a in blocked]
        shown = names[:BLOCKED_NAMED]
        more = len(names) - len(shown)
        listed = listing(shown) if not more else ", ".join(shown)
        if more:
            listed += " " + _("and {n} more (see the appendix)").format(n=more)
        text = (
            _("One broker that likely or possibly holds your records offers no way out: {names}.")
            if len(names) == 1
            else _(
                "{n} brokers that likely or possibly hold your records offer no way out: {names}."
            )
        )
        story.append(para(fill(text, n=len(names), names=listed), s["body"]))
    if audit.government:
        agencies = [w.agency(g) for g in audit.government]
        text = (
            _(
                "One government data source may hold your records; nobody can opt out of it: "
                "{names}."
            )
            if len(agencies) == 1
            else _(
                "{n} government data sources may hold your records; nobody can opt out of them: "
                "{names}."
            )
        )
        listed = listing(agencies[:BLOCKED_NAMED])
        story.append(para(fill(text, n=len(agencies), names=listed), s["body"]))
    helps: list[tuple[str, str]] = []
    for action in blocked:
        for step in w.steps(action)[:1]:
            helps.append((w.name(action.lead or action.brokers[0]), step))
    for result in audit.government:
        helps += [(w.agency(result), lever) for lever in w.levers(result)[:1]]
    chosen: dict[str, str] = {}  # each lever once, under the first broker it helps with
    for who, step in helps:
        chosen.setdefault(step, who)
    if chosen:
        story.append(para(_("What helps instead:"), s["body"]))
        story += [
            para(f"\u2022 {who}: {step}", s["boxsmall"])
            for step, who in list(chosen.items())[:HELPS]
        ]
    return story


def summary(audit: Audit, w: Wording, today: dt.date, s: dict[str, Any]) -> list[Any]:
    """The two pages a person can act on: what the estimate says (headline and chart), the
    five steps that matter most with the one link or address each needs, and what cannot be
    opted out of with what helps instead.

    Built to fit two pages whatever the profile: the chart has one row per category, every
    list is cut to a fixed length, and each page's content is kept in its frame (shrunk,
    should a catalog's long texts ever overflow it). When it all fits one page, it is one."""
    first: list[Any] = [
        Heading(_("Your likely data-broker exposure"), s["title"], 0),
        para(
            _(
                "Made on {date} with exposure. Broker catalog {version} (released {released})."
            ).format(
                date=long_date(today),
                version=audit.catalog.version,
                released=audit.catalog.released,
            ),
            s["small"],
        ),
        para(
            _(
                "This is an estimate, not a search of any database. It is worked out from "
                "answers about your life and from what is published about each broker. It holds "
                "no name, address or other identifying detail."
            ),
            s["small"],
        ),
        para(w.headline(audit), s["h2"]),
        Spacer(1, 4),
        summary_chart(audit, w),
        Spacer(1, 8),
        para(w.based_on(audit), s["small"]),
        para(_("What this cannot know:"), s["small"]),
        *(para(f"\u2022 {line}", s["boxsmall"]) for line in w.cannot_know(audit)),
    ]
    second: list[Any] = [Heading(_("The five steps that matter most"), s["h1"], 0)]
    doable = [a for a in audit.plan if a.kind != "no_consumer_route"][:STEPS]
    if not doable:
        second.append(para(_("No step is needed for now."), s["body"]))
    for n, action in enumerate(doable, 1):
        second += _step(n, action, w, s)
    second += _blocked(audit, w, s)
    width, height = _frame()
    whole = [*first, Spacer(1, 10), *second]
    used = sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in whole)
    if used < height - 24:
        return [KeepInFrame(width, height, whole, mode="shrink"), PageBreak()]
    return [
        KeepInFrame(width, height, first, mode="shrink"),
        PageBreak(),
        KeepInFrame(width, height, second, mode="shrink"),
        PageBreak(),
    ]


def summary_chart(audit: Audit, w: Wording) -> LevelChart:
    """Brokers that likely and that possibly hold the person's records, per category, as two
    separate segments of each bar, with their counts in words. A broker counts at its level
    for that category (a likely credit-header broker may only possibly hold phone records), so
    the bars agree with the headline's count of categories."""
    rows = [(w.category(c), (c.likely, c.possible)) for c in audit.categories]
    words = level_words(shout=False)
    return stacked_chart(
        rows,
        levels=(words[Likelihood.LIKELY], words[Likelihood.POSSIBLE]),
        caption=_("Brokers that likely or possibly hold your records, by data category"),
        empty=_("none"),
    )


def _categories(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    names = {b.id: b for b in audit.brokers}
    level = level_words(shout=False)
    story: list[Any] = [
        Heading(_("Appendix: the full detail"), s["title"], 0),
        para(
            _(
                "Everything behind the summary: each data category and the brokers in it, every "
                "step for every broker, and the sources."
            ),
            s["body"],
        ),
        Heading(_("By data category"), s["h1"], 0),
    ]
    for result in audit.categories:
        if not result.brokers:
            continue
        category = w.catalog.category_by_id[result.id]
        name = w.text(category.name)
        story.append(Heading(f"{name}: {level[result.level]}", s["h2"], 1))
        story.append(para(w.text(category.description), s["body"]))
        why = _("Why it matters: {why}").format(why=w.text(category.why_it_matters))
        story.append(para(why, s["body"]))
        for broker_id in result.brokers:
            broker = names[broker_id]
            reason = w.reason(broker.reasons[0]) if broker.reasons else ""
            story.append(para(f"{broker.name} ({level[broker.likelihood]}). {reason}", s["small"]))
    story.append(CondPageBreak(NEW_SECTION))
    return story


def _action(action: Action, w: Wording, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(w.title(action), s["h2"], 1)]
    story += [para(f"{CHECKBOX}  {step}", s["box"]) for step in w.steps(action)]
    for method in action.methods:
        label = f"{CHECKBOX}  {method_words(method.kind)}"
        story.append(_contact_line(label, method.contact, s["box"]))
    checks = verification_sentence(action.verification)
    if checks:
        story.append(para(checks, s["small"]))
    story.append(para(_("Done on: ____________________"), s["small"]))
    return story


def _plan(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    story: list[Any] = [Heading(_("How to get out"), s["h1"], 0)]
    for action in audit.plan:
        if action.kind != "no_consumer_route":
            story += _action(action, w, s)
    blocked = [a for a in audit.plan if a.kind == "no_consumer_route"]
    if blocked:
        story.append(Heading(_("What cannot be opted out of, and what helps instead"), s["h1"], 0))
        for action in blocked:
            story.append(Heading(w.title(action), s["h2"], 1))
            story += [para(step, s["body"]) for step in w.steps(action)]
            for broker_id in action.brokers:
                opt = w.catalog.by_id[broker_id].opt_out
                if opt is not None and opt.cannot_opt_out != "unknown":
                    text = _("Cannot opt out of: {what}").format(what=w.text(opt.cannot_opt_out))
                    story.append(para(text, s["small"]))
    if audit.government:
        level = level_words(shout=False)
        story.append(Heading(w.heading("government"), s["h1"], 0))
        story.append(para(w.government_intro(), s["body"]))
        for result in audit.government:
            first, *rest = w.government(result)
            story.append(Heading(f"{first}: {level[result.likelihood]}", s["h2"], 1))
            story += [para(line, s["body"]) for line in rest]
            story += [link(ref.title, ref.url, s["small"]) for ref in result.sources]
    story.append(CondPageBreak(NEW_SECTION))
    return story


def _ledger(requests: Sequence[Request], s: dict[str, Any]) -> list[Any]:
    rows = [[_("Request"), _("Broker"), _("Status"), _("Due")]]
    for r in requests:
        due = r.due.isoformat() if r.due else ""
        status = status_words(r.status) + (_(" (overdue)") if r.overdue else "")
        rows.append([f"#{r.id} {kind_label(r.kind)}", r.broker_name, status, due])
    table = Table(
        [[para(c, s["small"]) for c in row] for row in rows],
        colWidths=[1.4 * inch, 2.6 * inch, 1.6 * inch, 1.0 * inch],
    )
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return [Heading(_("Your requests"), s["h1"], 0), table, CondPageBreak(NEW_SECTION)]


def _sources(audit: Audit, w: Wording, s: dict[str, Any]) -> list[Any]:
    seen: dict[str, str] = {}
    for broker in audit.brokers:
        for reason in broker.reasons:
            for src in reason.sources:
                seen.setdefault(src.url, f"{src.title} ({src.publisher})")
    story: list[Any] = [Heading(_("Sources"), s["h1"], 0)]
    story += [
        link(title, url, s["small"]) for url, title in sorted(seen.items(), key=lambda i: i[1])
    ]
    story.append(Heading(_("What this estimate rests on"), s["h1"], 0))
    story.append(para(w.based_on(audit), s["body"]))
    cannot = _("It cannot know: {what}")
    story += [para(cannot.format(what=line), s["body"]) for line in w.cannot_know(audit)]
    return story


def individual_report(
    audit: Audit,
    catalog: Catalog,
    *,
    requests: Sequence[Request] = (),
    today: dt.date,
    words: Wording | None = None,
    short: bool = False,
) -> bytes:
    """The two-page summary, then (unless ``short``) the full detail as an appendix."""
    s = styles()
    if words is None:
        from exposure.catalog_language import wording

        words = wording(catalog)  # the run's language
    w = words
    story = summary(audit, w, today, s)
    if short:
        story.pop()  # the summary's closing page break
    else:
        story += _categories(audit, w, s) + _plan(audit, w, s)
        if requests:
            story += _ledger(requests, s)
        story += _sources(audit, w, s)
    buffer = io.BytesIO()
    ReportDoc(
        buffer, title=_("Your likely data-broker exposure"), subject=_("Exposure report")
    ).build_story(story)
    return buffer.getvalue()

"""An audit as terminal text or Markdown.

Both say up front that this is an estimate and what it rests on. Catalog text is escaped for
Markdown so a broker name cannot inject links or formatting into a saved report.
"""

from __future__ import annotations

import re
import textwrap

from broker_catalog.schema import Likelihood
from exposure.engine.result import Action, Audit, BrokerResult
from exposure.render.wording import Wording

MARK = {
    Likelihood.LIKELY: "LIKELY  ",
    Likelihood.POSSIBLE: "possible",
    Likelihood.UNLIKELY: "unlikely",
    Likelihood.UNKNOWN: "unknown ",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~-])")


def md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _wrap(text: str, indent: str, width: int) -> list[str]:
    """Wrapped lines; continuation lines align under the text, not under a bullet."""
    rest = " " * len(indent)
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=rest) or [indent]


def terminal(audit: Audit, words: Wording, *, width: int = 88, reasons: bool = True) -> str:
    names = {b.id: b.name for b in audit.brokers}
    out = [words.headline(audit), "", *_wrap(words.based_on(audit), "", width), ""]
    out.append("By data category (level shown in words, not colour):")
    for c in audit.categories:
        listed = ", ".join(names.get(b, b) for b in c.brokers[:4])
        more = f" +{len(c.brokers) - 4} more" if len(c.brokers) > 4 else ""
        line = f"[{MARK[c.level]}] {words.category(c)}" + (f": {listed}{more}" if listed else "")
        out += textwrap.wrap(line, width, initial_indent="  ", subsequent_indent=" " * 14)
    out += ["", "Brokers that likely or possibly hold your records:"]
    for b in audit.brokers:
        if b.likelihood not in (Likelihood.LIKELY, Likelihood.POSSIBLE):
            continue
        tie = "  (documented immigration-enforcement use)" if b.immigration_ties else ""
        out.append(f"  [{MARK[b.likelihood]}] {b.name}{tie}")
        if reasons:
            for r in b.reasons[:2]:
                out += _wrap(words.reason(r), "      - ", width)
    if audit.groups:
        out += ["", words.heading("group") + ":"]
        for g in audit.groups:
            members = ", ".join(names.get(m, m) for m in g.members)
            line = f"[{MARK[g.likelihood]}] {words.group_name(g.id)}: {members}"
            out += _wrap(line, "  ", width)
    if audit.government:
        out += ["", words.heading("government") + ":"]
        out += _wrap(words.government_intro(), "  ", width)
        for result in audit.government:
            first, *rest = words.government(result)
            out += _wrap(f"[{MARK[result.likelihood]}] {first}", "  ", width)
            for line in rest if reasons else rest[:1]:
                out += _wrap(line, "      - ", width)
    out += ["", "What to do first:"]
    for n, action in enumerate(audit.plan, 1):
        out += _action_lines(n, action, words.title(action), width)
        if action.kind == "answer_questions":
            for step in words.steps(action):
                out += _wrap(step, "       - ", width)
    out += ["", "What this cannot know:"]
    for line in words.cannot_know(audit):
        out += _wrap(line, "  - ", width)
    return "\n".join(out) + "\n"


def _action_lines(n: int, action: Action, title: str, width: int) -> list[str]:
    lines = _wrap(title, f"  {n}. ", width)
    for m in action.methods[:3]:
        covers = f" ({m.covers})" if m.covers else ""
        lines += _wrap(f"{m.kind.replace('_', ' ')}: {m.contact}{covers}", "       ", width)
    return lines


def markdown(audit: Audit, words: Wording) -> str:
    names = {b.id: b.name for b in audit.brokers}
    out = [
        "# Your likely data-broker exposure",
        "",
        f"**{md(words.headline(audit))}**",
        "",
        f"_{md(words.based_on(audit))}_",
        "",
        "## By data category",
        "",
        "| category | level | brokers |",
        "|---|---|---|",
    ]
    for c in audit.categories:
        listed = ", ".join(md(names.get(b, b)) for b in c.brokers)
        out.append(f"| {md(words.category(c))} | {c.level.value} | {listed} |")
    out += ["", "## Brokers", ""]
    for b in audit.brokers:
        if b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE):
            out += _broker_md(b, words)
    if audit.groups:
        out += [f"## {md(words.heading('group'))}", ""]
        for g in audit.groups:
            members = ", ".join(md(names.get(m, m)) for m in g.members)
            out.append(f"- **{md(words.group_name(g.id))}** ({g.likelihood.value}): {members}")
        out.append("")
    if audit.government:
        out += [f"## {md(words.heading('government'))}", "", md(words.government_intro()), ""]
        for result in audit.government:
            first, *rest = words.government(result)
            out.append(f"### {md(first)}: {result.likelihood.value}")
            out.append("")
            out += [f"- {md(line)}" for line in rest]
            cites = "; ".join(
                f"[{md(s.title)}]({s.url.replace(')', '%29')})" for s in result.sources
            )
            out += [f"- Sources: {cites}", ""]
    out += ["## Action plan", ""]
    for n, action in enumerate(audit.plan, 1):
        out.append(f"{n}. **{md(words.title(action))}**")
        out += [f"   - {md(step)}" for step in words.steps(action)]
        out += [f"   - {md(m.kind.replace('_', ' '))}: {md(m.contact)}" for m in action.methods]
    out += ["", "## What this cannot know", ""]
    out += [f"- {md(line)}" for line in words.cannot_know(audit)]
    return "\n".join(out) + "\n"


def _broker_md(b: BrokerResult, words: Wording) -> list[str]:
    lines = [f"### {md(b.name)}: {b.likelihood.value}", ""]
    for r in b.reasons:
        cites = "; ".join(f"[{md(s.title)}]({s.url.replace(')', '%29')})" for s in r.sources)
        lines.append(f"- {md(words.reason(r))}" + (f" ({cites})" if cites else ""))
    return [*lines, ""]

"""An audit as terminal text or Markdown.

Both say up front that this is an estimate and what it rests on. Catalog text is escaped for
Markdown so a broker name cannot inject links or formatting into a saved report.
"""

from __future__ import annotations

import re
import textwrap

from broker_catalog.schema import Likelihood
from exposure.engine.result import Action, Audit, BrokerResult
from exposure.i18n import _
from exposure.render.codes import method_words as method_words  # also imported from here
from exposure.render.wording import Wording


def level_words(*, shout: bool = True) -> dict[Likelihood, str]:
    """The likelihood levels in words, in the run's language (never colour alone); ``shout``
    writes "likely" in capitals, as terminal text does to make it stand out."""
    return {
        Likelihood.LIKELY: _("LIKELY") if shout else _("likely"),
        Likelihood.POSSIBLE: _("possible"),
        Likelihood.UNLIKELY: _("unlikely"),
        Likelihood.UNKNOWN: _("unknown"),
    }


def marks() -> dict[Likelihood, str]:
    """The level words padded to one width, for the bracketed column of terminal text."""
    words = level_words()
    width = max(len(w) for w in words.values())
    return {level: word.ljust(width) for level, word in words.items()}


# What can start a link, an image, emphasis, code, HTML or a table cell anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
# What starts a list, a heading or a quote only at the start of a line.
_MD_LEADING = re.compile(r"^([-+#>]|\d+[.)])")


def md(text: str) -> str:
    """``text`` on one line, escaped so that it shows as written: nothing in it can make a
    link, emphasis or a list. Only what Markdown would read as formatting is escaped, so a
    hyphen or a parenthesis reads (and copies) as itself."""
    line = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LEADING.sub(r"\\\1", line)


_EMAIL = re.compile(r"^[^\s@<>()\[\]\\]+@[^\s@<>()\[\]\\]+\.[A-Za-z]{2,}$")


def md_url(url: str) -> str:
    """A URL as a Markdown autolink, ``<https://…>``: shown and copied exactly as it is (no
    backslash escapes inside), and clickable. Characters an autolink cannot hold are
    percent-encoded."""
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def md_contact(contact: str) -> str:
    """A method's contact: a web address or an e-mail address as an autolink, anything else
    (a phone number, a postal address) as escaped text."""
    if contact.startswith(("https://", "http://")):
        return md_url(contact)
    if _EMAIL.match(contact):
        return f"<{contact}>"
    return _MD_SPECIAL.sub(r"\\\1", " ".join(contact.split()))  # mid-line: no list to start


def _wrap(text: str, indent: str, width: int) -> list[str]:
    """Wrapped lines; continuation lines align under the text, not under a bullet."""
    rest = " " * len(indent)
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=rest) or [indent]


def terminal(audit: Audit, words: Wording, *, width: int = 88, reasons: bool = True) -> str:
    names = {b.id: b.name for b in audit.brokers}
    mark = marks()
    hang = " " * (len(next(iter(mark.values()))) + 6)
    out = [words.headline(audit), "", *_wrap(words.based_on(audit), "", width), ""]
    out.append(_("By data category (level shown in words, not colour):"))
    for c in audit.categories:
        listed = ", ".join(names.get(b, b) for b in c.brokers[:4])
        more = _(" +{n} more").format(n=len(c.brokers) - 4) if len(c.brokers) > 4 else ""
        line = f"[{mark[c.level]}] {words.category(c)}" + (f": {listed}{more}" if listed else "")
        out += textwrap.wrap(line, width, initial_indent="  ", subsequent_indent=hang)
    out += ["", _("Brokers that likely or possibly hold your records:")]
    for b in audit.brokers:
        if b.likelihood not in (Likelihood.LIKELY, Likelihood.POSSIBLE):
            continue
        tie = _("  (documented immigration-enforcement use)") if b.immigration_ties else ""
        out.append(f"  [{mark[b.likelihood]}] {b.name}{tie}")
        if reasons:
            for r in b.reasons[:2]:
                out += _wrap(words.reason(r), "      - ", width)
    if audit.groups:
        out += ["", words.heading("group") + ":"]
        for g in audit.groups:
            members = ", ".join(names.get(m, m) for m in g.members)
            line = f"[{mark[g.likelihood]}] {words.group_name(g.id)}: {members}"
            out += _wrap(line, "  ", width)
    if audit.government:
        out += ["", words.heading("government") + ":"]
        out += _wrap(words.government_intro(), "  ", width)
        for result in audit.government:
            first, *rest = words.government(result)
            out += _wrap(f"[{mark[result.likelihood]}] {first}", "  ", width)
            for line in rest if reasons else rest[:1]:
                out += _wrap(line, "      - ", width)
    out += ["", _("What to do first:")]
    for n, action in enumerate(audit.plan, 1):
        out += _action_lines(n, action, words.title(action), width, words)
        if action.kind == "answer_questions":
            for step in words.steps(action):
                out += _wrap(step, "       - ", width)
    out += ["", _("What this cannot know:")]
    for line in words.cannot_know(audit):
        out += _wrap(line, "  - ", width)
    return "\n".join(out) + "\n"


def _action_lines(n: int, action: Action, title: str, width: int, words: Wording) -> list[str]:
    lines = _wrap(title, f"  {n}. ", width)
    for m in action.methods[:3]:
        covers = f" ({words.text(m.covers)})" if m.covers else ""
        lines += _wrap(f"{method_words(m.kind)}: {m.contact}{covers}", "       ", width)
    return lines


def markdown(audit: Audit, words: Wording) -> str:
    names = {b.id: b.name for b in audit.brokers}
    level = level_words(shout=False)
    out = [
        "# " + _("Your likely data-broker exposure"),
        "",
        f"**{md(words.headline(audit))}**",
        "",
        f"_{md(words.based_on(audit))}_",
        "",
        "## " + _("By data category"),
        "",
        "| {} | {} | {} |".format(_("category"), _("level"), _("brokers")),
        "|---|---|---|",
    ]
    for c in audit.categories:
        listed = ", ".join(md(names.get(b, b)) for b in c.brokers)
        out.append(f"| {md(words.category(c))} | {level[c.level]} | {listed} |")
    out += ["", "## " + _("Brokers"), ""]
    for b in audit.brokers:
        if b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE):
            out += _broker_md(b, words)
    if audit.groups:
        out += [f"## {md(words.heading('group'))}", ""]
        for g in audit.groups:
            members = ", ".join(md(names.get(m, m)) for m in g.members)
            out.append(f"- **{md(words.group_name(g.id))}** ({level[g.likelihood]}): {members}")
        out.append("")
    if audit.government:
        out += [f"## {md(words.heading('government'))}", "", md(words.government_intro()), ""]
        for result in audit.government:
            first, *rest = words.government(result)
            out.append(f"### {md(first)}: {level[result.likelihood]}")
            out.append("")
            out += [f"- {md(line)}" for line in rest]
            cites = "; ".join(
                f"[{md(s.title)}]({s.url.replace(')', '%29')})" for s in result.sources
            )
            out += ["- " + _("Sources: {cites}").format(cites=cites), ""]
    out += ["## " + _("Action plan"), ""]
    for n, action in enumerate(audit.plan, 1):
        out.append(f"{n}. **{md(words.title(action))}**")
        out += [f"   - {md(step)}" for step in words.steps(action)]
        out += [f"   - {md(method_words(m.kind))}: {md_contact(m.contact)}" for m in action.methods]
    out += ["", "## " + _("What this cannot know"), ""]
    out += [f"- {md(line)}" for line in words.cannot_know(audit)]
    return "\n".join(out) + "\n"


def _broker_md(b: BrokerResult, words: Wording) -> list[str]:
    lines = [f"### {md(b.name)}: {level_words(shout=False)[b.likelihood]}", ""]
    for r in b.reasons:
        cites = "; ".join(f"[{md(s.title)}]({s.url.replace(')', '%29')})" for s in r.sources)
        lines.append(f"- {md(words.reason(r))}" + (f" ({cites})" if cites else ""))
    return [*lines, ""]

"""The authorized-agent packet: the person's signed authorization, and what each law lets a
business ask of an agent. Printed once per person; the agent's cover letters are the letters
themselves (drafted with --agent)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from string import Template
from typing import Any

from reportlab.platypus import PageBreak, Spacer

from broker_catalog.catalog import Catalog
from exposure.letters.agent import Agent
from exposure.letters.draft import Letter, template


def authorization_pdf(
    agent: Agent, person: str, letters: Sequence[Letter], catalog: Catalog
) -> bytes:
    from exposure.pdf.kit import Heading, ReportDoc, para, styles

    s = styles()
    tpl = template("agent-authorization")
    values = {"person": person or "_" * 30, "agent": agent.name}
    story: list[Any] = [Heading(tpl["title"], s["h1"], 0)]
    story += [para(Template(p).substitute(values), s["body"]) for p in tpl["body"]]
    story.append(Heading("Businesses covered", s["h2"], 1))
    story += [
        para(f"\u2022 {name}", s["body"]) for name in sorted({le.broker_name for le in letters})
    ]
    story.append(Spacer(1, 24))
    for line in tpl["signature_lines"]:
        story += [para("_" * 44, s["body"]), para(line, s["small"]), Spacer(1, 14)]
    story.append(PageBreak())
    story.append(Heading("For the agent: what each law lets a business ask", s["h1"], 0))
    for law_id in sorted({le.regime for le in letters}):
        law = catalog.law_by_id[law_id]
        story.append(Heading(f"{law.short_name} ({law.citation})", s["h2"], 1))
        agents = ", ".join(
            f"{kind.replace('_', ' ')}: {allowed}" for kind, allowed in law.agents.items()
        )
        if agents:
            story.append(para(f"Agents may file: {agents}.", s["body"]))
        for text in (law.agent_rules, law.verification):
            if text:
                story.append(para(" ".join(text.split()), s["small"]))
        if law.kind == "none":
            story.append(
                para("No law applies: the request is voluntary, and so is any answer.", s["small"])
            )
    buffer = io.BytesIO()
    ReportDoc(buffer, title=tpl["title"], subject="Authorized-agent packet").build_story(story)
    return buffer.getvalue()

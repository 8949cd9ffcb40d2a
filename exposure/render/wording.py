"""Words for results: the one place where result codes become sentences.

The engine and the use cases return codes and parameters; every surface (terminal text,
Markdown, the TUI, PDF reports, JSON for scripts) asks a :class:`Wording` for the sentence, so a
sentence is written once and a second language is a second set of templates and catalog
translations, not a second copy of the logic.
"""

from __future__ import annotations

from collections.abc import Callable

from broker_catalog.catalog import Catalog
from broker_catalog.government_schema import Lever
from broker_catalog.messages import Messages, english
from broker_catalog.schema import AlternativeGroup, AnswerKind, LifeFact
from exposure.engine.result import (
    Action,
    Audit,
    CategoryResult,
    GovernmentResult,
    Message,
    Reason,
)
from exposure.i18n import fill


def _same(text: str) -> str:
    return text


class Wording:
    """Sentences in one language. ``catalog_text`` turns a catalog sentence (a question, a
    holding's "how", a step) into the reader's language; English needs nothing."""

    def __init__(
        self,
        catalog: Catalog,
        messages: Messages | None = None,
        catalog_text: Callable[[str], str] = _same,
    ) -> None:
        self.catalog = catalog
        self.messages = messages if messages is not None else english()
        self.text = catalog_text

    def _t(self, section: str, code: str, **params: object) -> str:
        return fill(self.messages[section][code], **params)

    def name(self, broker_id: str) -> str:
        broker = self.catalog.by_id.get(broker_id)
        return broker.name if broker is not None else broker_id

    def headline(self, audit: Audit) -> str:
        c = audit.counts
        groups = ""
        if c.groups_likely:
            code = "group" if c.groups_likely == 1 else "groups"
            groups = self._t("headline", code, groups=c.groups_likely)
        if c.likely == 0 and c.possible:
            return self._t("headline", "none_possible", possible=c.possible) + groups
        if c.likely == 0:
            text = self._t("headline", "none")
        else:
            code = "one" if c.likely == 1 else "some"
            text = self._t(
                "headline",
                code,
                likely=c.likely,
                categories_likely=c.categories_likely,
                categories_held=c.categories_held,
            )
        if c.possible:
            return text + self._t("headline", "possible", possible=c.possible) + groups
        return text + self._t("headline", "end") + groups

    def based_on(self, audit: Audit) -> str:
        c = audit.counts
        text = self._t(
            "based_on",
            "text",
            answered=c.answered,
            questions=c.questions,
            version=audit.catalog.version,
            released=audit.catalog.released,
            estimated=c.estimated,
            researched=c.researched,
            registry_filing=c.registry_filing,
        )
        if c.not_assessed:
            text += self._t("based_on", "not_assessed", not_assessed=c.not_assessed)
        return text

    def cannot_know(self, audit: Audit) -> list[str]:
        return [self._t("cannot_know", code) for code in audit.cannot_know]

    def category(self, category: CategoryResult) -> str:
        return self.text(category.name)

    def reason(self, reason: Reason) -> str:
        p = reason.params
        if reason.code == "government_concern":
            pairs = list(zip(_tuple(p["facts"]), _tuple(p["values"]), strict=True))
            known = [(f, v) for f, v in pairs if v != "unknown"]
            unknown = tuple(dict.fromkeys(f for f, v in pairs if v == "unknown"))
            said = []
            if known:
                facts, values = zip(*known, strict=True)
                said.append(self._because(tuple(facts), tuple(values)))
            if unknown:
                questions = " / ".join(self.question(f) for f in unknown)
                said.append(self._t("reason", "government_unknown", questions=questions))
            return self._t("reason", "government_concern", because=" ".join(said))
        broker = self.catalog.by_id[str(p["broker"])]
        if reason.code == "registry_filing":
            category = self.catalog.category_by_id[str(p["category"])]
            disclosure = self._t("disclosure", str(p["disclosure"]))
            return self._t(
                "reason",
                "registry_filing",
                state=p["state"],
                disclosure=disclosure,
                category=self.text(category.name),
            )
        if reason.code in ("flow_limited", "flow_ended"):
            flow = self.catalog.flows[_int(p["flow"])]
            return self._t(
                "reason",
                reason.code,
                source=self.name(flow.source.broker),
                what=self.text(flow.what).rstrip("."),
                until=flow.until,
            )
        if reason.code == "one_of_these":
            group = self.group(str(p["group"]))
            return self._t(
                "reason",
                "one_of_these",
                group=self.text(group.name),
                explanation=self.text(group.explanation),
                members=", ".join(self.name(m.broker) for m in group.members),
            )
        if reason.code == "government_tie":
            tie = broker.government_ties[_int(p["tie"])]
            when = f" ({tie.date})" if tie.date != "unknown" else ""
            return self._t(
                "reason", "government_tie", agency=tie.agency, when=when, what=self.text(tie.what)
            )
        how = self.text(broker.holdings[_int(p["holding"])].how)
        if reason.code == "fact_trigger":
            because = self._because(_tuple(p["facts"]), _tuple(p["values"]))
            return self._t("reason", "fact_trigger", because=because, how=how)
        if reason.code == "unknown_fact":
            questions = " / ".join(
                self.text(self.catalog.fact_by_id[f].question) for f in _tuple(p["facts"])
            )
            return self._t("reason", "unknown_fact", questions=questions, how=how)
        if reason.code == "baseline_answered_no":
            return self._t("reason", "baseline_answered_no")
        return self._t("reason", "baseline", how=how)

    def group(self, group_id: str) -> AlternativeGroup:
        return next(g for g in self.catalog.groups if g.id == group_id)

    def question(self, fact_id: str) -> str:
        return self.text(self.catalog.fact_by_id[fact_id].question)

    def _because(self, facts: tuple[str, ...], values: tuple[str, ...]) -> str:
        """One sentence per matched fact, from the catalog's own "because" sentences."""
        by_fact: dict[str, list[str]] = {}
        for fact, value in zip(facts, values, strict=True):
            by_fact.setdefault(fact, []).append(value)
        said = [self._fact_because(self.catalog.fact_by_id[f], v) for f, v in by_fact.items()]
        return " ".join(dict.fromkeys(said))

    def _fact_because(self, fact: LifeFact, values: list[str]) -> str:
        if fact.kind is AnswerKind.YES_NO and fact.because:
            return self.text(fact.because)
        sentences = [self.text(c.because) for c in fact.choices if c.value in values and c.because]
        if sentences:
            return " ".join(sentences)
        if fact.kind in (AnswerKind.STATE, AnswerKind.STATES):
            answers = ", ".join(values)
        else:
            labels = {c.value: self.text(c.label) for c in fact.choices}
            answers = ", ".join(labels.get(v, v) for v in values)
        return self._t("reason", "answered", question=self.text(fact.question), answers=answers)

    def title(self, action: Action) -> str:
        broker = self.name(action.lead) if action.lead else ""
        law = self.catalog.law_by_id[action.law].short_name if action.law else ""
        group = self.text(self.group(action.group).name) if action.group else ""
        title = self._t("title", action.kind, broker=broker, law=law, group=group)
        if action.lead is not None and len(action.brokers) > 1:
            family = ", ".join(self.name(b) for b in action.brokers)
            return self._t("title", "family", title=title, brokers=family)
        return title

    def step(self, step: Message) -> str:
        p = step.params
        if step.code in ("catalog_step", "catalog_alternative"):
            opt = self.catalog.by_id[str(p["broker"])].opt_out
            if opt is None:  # the engine only cites steps a record has
                raise KeyError(str(p["broker"]))
            texts = opt.steps if step.code == "catalog_step" else opt.alternatives
            return self.text(texts[_int(p["index"])])
        if step.code in ("state_law_letter", "law_pending"):
            law = self.catalog.law_by_id[str(p["law"])]
            return self._t(
                "step", step.code, law=law.name, citation=law.citation, date=law.effective
            )
        if step.code == "drop_not_covered":
            names = ", ".join(sorted(self.name(b) for b in _tuple(p["brokers"])))
            return self._t("step", step.code, brokers=names)
        if step.code in ("drop_use", "drop_limits"):
            route = self.catalog.law_by_id[str(p["law"])]
            regulator = route.regulator.name if route.regulator is not None else ""
            return self._t(
                "step", step.code, law=route.name, short=route.short_name, regulator=regulator
            )
        if step.code in ("group_explained", "group_find_out"):
            group = self.group(str(p["group"]))
            members = ", ".join(self.name(m.broker) for m in group.members)
            return self._t(
                "step", step.code, explanation=self.text(group.explanation), members=members
            )
        if step.code == "next_question":
            return self._t("step", step.code, question=self.question(str(p["fact"])))
        return self._t("step", step.code)

    def heading(self, section: str) -> str:
        return self._t(section, "heading")

    def government_intro(self) -> str:
        return self._t("government", "intro")

    def group_name(self, group_id: str) -> str:
        return self.text(self.group(group_id).name)

    def agency(self, result: GovernmentResult) -> str:
        """Who holds a government data source ("Internal Revenue Service (…)")."""
        source = next(g for g in self.catalog.government if g.id == result.id)
        return self.text(source.agency)

    def levers(self, result: GovernmentResult) -> list[str]:
        """What helps against a government data source, those for the person's state first."""
        source = next(g for g in self.catalog.government if g.id == result.id)
        return [self.text(source.levers[n].text) for n in (*result.state_levers, *result.levers)]

    def government(self, result: GovernmentResult) -> list[str]:
        """A government data source as sentences: what is shared, since when, on what basis,
        where it stands, why it concerns the person, and what helps (their state first)."""
        source = next(g for g in self.catalog.government if g.id == result.id)
        lines = [
            f"{self.text(source.agency)}: {self.text(source.programme)}",
            self._t("government", "no_route"),
            self.text(source.shares),
        ]
        if source.since != "unknown":
            lines.append(self._t("government", "since", since=source.since))
        if source.legal_basis != "unknown":
            basis = self.text(source.legal_basis)
            lines.append(self._t("government", "legal_basis", legal_basis=basis))
        status = self.text(source.status)
        verified = source.verified.isoformat()
        lines.append(self._t("government", "status", verified=verified, status=status))
        lines += [self.reason(r) for r in result.reasons]
        lines += [self._state_lever(source.levers[n]) for n in result.state_levers]
        lines += [
            self._t("government", "lever", text=self.text(source.levers[n].text))
            for n in result.levers
        ]
        return lines

    def _state_lever(self, lever: Lever) -> str:
        """A lever for the reader's state, with the rule it rests on where the record cites one."""
        text = self.text(lever.text)
        if lever.citation is None:
            return self._t("government", "state_lever", text=text)
        if lever.effective in (None, "unknown"):
            return self._t("government", "state_rule_undated", text=text, citation=lever.citation)
        return self._t(
            "government",
            "state_rule",
            text=text,
            citation=lever.citation,
            effective=lever.effective,
        )

    def steps(self, action: Action) -> list[str]:
        return [self.step(s) for s in action.steps]


def _tuple(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, tuple | list) else (str(value),)


def _int(value: object) -> int:
    return value if isinstance(value, int) else int(str(value))

"""Step 3, the exposure dashboard: the headline, a level bar (with the level in words) per data
category and the brokers behind it, and the ranked action plan. Enter drills into a broker."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from broker_catalog.schema import Likelihood
from exposure.engine.result import Action, Audit
from exposure.render.wording import Wording
from exposure.tui.i18n import _
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session
from exposure.tui.widgets.level import level
from exposure.tui.words import ACTION_WORDS, effort_words


def _plan_option(n: int, action: Action, words: Wording) -> Option:
    what = ACTION_WORDS[action.kind]
    more = len(action.brokers) - 1
    extra = _(" (+{n} more brokers)").format(n=more) if more > 0 else ""
    prompt = Content.assemble(
        (f"{n:>2}. ", "bold"),
        words.title(action),
        extra,
        "\n    ",
        (f"{what} · {effort_words(action.effort)}", "$text-muted"),
    )
    return Option(prompt, id=f"plan-{n}")


class DashboardScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "tab('categories')", _("Categories"), show=False),
        Binding("a", "tab('plan')", _("Action plan"), show=False),
        Binding("g", "tab('government')", _("Government"), show=False),
        Binding("r", "app.show('requests')", _("Requests")),
        Binding("l", "app.show('ledger')", _("Ledger")),
        Binding("p", "app.report", _("Report")),
        Binding("e", "app.show('questions')", _("Edit")),
        Binding("ctrl+s", "app.save", _("Save")),
        Binding("escape", "app.show('welcome')", _("Welcome")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.audit: Audit = session.known_audit
        self.names = {b.id: b for b in self.audit.brokers}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.session.words.headline(self.audit), id="headline", markup=False)
        demo = self.session.source == "demo"
        yield Static(
            _("Demo: a fictional person. ") * demo
            + _("An estimate, not a search of any broker's database."),
            id="estimate-note",
        )
        with TabbedContent(id="tabs"):
            with TabPane(_("By category (C)"), id="categories"), Horizontal():
                with Vertical(id="category-column"):
                    yield OptionList(*self._category_options(), id="category-list")
                with Vertical(id="broker-column"):
                    yield Static("", id="broker-heading")
                    yield OptionList(id="broker-list")
            with TabPane(_("Action plan (A)"), id="plan"):
                yield OptionList(
                    *(
                        _plan_option(n, a, self.session.words)
                        for n, a in enumerate(self.audit.plan, 1)
                    ),
                    id="plan-list",
                )
            if self.audit.government:
                with TabPane(_("Government (G)"), id="government"):
                    yield VerticalScroll(
                        Static(self._government_text(), markup=False), id="government-text"
                    )
        yield Footer(compact=True)  # seven keys: at 80 columns the Spanish ones need it

    def _government_text(self) -> str:
        """Government data sources: no consumer route, only levers (your state's first)."""
        words = self.session.words
        blocks = [words.government_intro()]
        for result in self.audit.government:
            first, *rest = words.government(result)
            blocks.append("\n".join([first, *(f"  - {line}" for line in rest)]))
        return "\n\n".join(blocks)

    def _category_options(self) -> list[Option]:
        return [
            Option(
                Content.assemble(
                    level(c.level), " ", self.session.words.category(c), f" ({len(c.brokers)})"
                ),
                id=f"cat-{c.id}",
            )
            for c in self.audit.categories
        ]

    def on_mount(self) -> None:
        categories = self.query_one("#category-list", OptionList)
        categories.highlighted = 0
        self._show_category(0)
        if self.audit.plan:
            self.query_one("#plan-list", OptionList).highlighted = 0
        categories.focus()

    def _show_category(self, index: int) -> None:
        category = self.audit.categories[index]
        self.query_one("#broker-heading", Static).update(
            Content.assemble(
                (self.session.words.category(category), "bold"),
                _(": who holds it (Enter for details)"),
            )
        )
        brokers = self.query_one("#broker-list", OptionList)
        brokers.clear_options()
        options = []
        for broker_id in category.brokers:
            result = self.names.get(broker_id)
            likelihood = result.likelihood if result else Likelihood.UNKNOWN
            name = result.name if result else broker_id
            tie = _(" · immigration-enforcement tie") if result and result.immigration_ties else ""
            options.append(Option(Content.assemble(level(likelihood), " ", name, tie), broker_id))
        if not options:
            options.append(Option(_("No broker known for your answers."), disabled=True))
        brokers.add_options(options)
        brokers.highlighted = 0 if category.brokers else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "category-list":
            self._show_category(event.option_index)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        list_id = event.option_list.id
        if list_id == "category-list":
            self.query_one("#broker-list", OptionList).focus()
        elif list_id == "broker-list" and event.option.id:
            await self.app.run_action(f"app.broker('{event.option.id}')")
        elif list_id == "plan-list":
            action = self.audit.plan[event.option_index]
            if action.brokers:
                await self.app.run_action(f"app.broker('{action.brokers[0]}')")
            else:  # "answer these questions first"
                await self.app.run_action("app.show('questions')")

    def action_tab(self, tab: str) -> None:
        if tab == "government" and not self.audit.government:
            return
        self.query_one("#tabs", TabbedContent).active = tab
        if tab == "government":
            self.query_one("#government-text", VerticalScroll).focus()
            return
        target = "#category-list" if tab == "categories" else "#plan-list"
        self.query_one(target, OptionList).focus()

"""The links of a broker's page, to open in the browser or copy: ways out first, then sources.

Enter opens the highlighted link (Textual's ``open_url``: the system's browser, or the terminal's
own link handling over SSH); C copies it (the terminal's clipboard, OSC 52), for a person who
would rather paste it on a phone or in another browser.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _


class LinksDialog(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", _("Close")),
        Binding("c", "copy", _("Copy")),
        Binding("o", "open", _("Open"), show=False),
    ]

    def __init__(self, broker_name: str, links: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = broker_name
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="links-box"):
            yield Static(_("Links: {name}").format(name=self._name), classes="dialog-title")
            yield Static(
                _("Enter (or O) opens the highlighted link in your browser; C copies it."),
                classes="dialog-body",
            )
            yield OptionList(
                *(
                    Option(Content.assemble((what, "bold"), "\n", url), id=str(n))
                    for n, (what, url) in enumerate(self.links)
                ),
                id="link-list",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Open (Enter)"), id="open", variant="primary")
                yield Button(_("Copy (C)"), id="copy")
                yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        options = self.query_one("#link-list", OptionList)
        options.highlighted = 0
        options.focus()

    def _url(self) -> str | None:
        index = self.query_one("#link-list", OptionList).highlighted
        return self.links[index][1] if index is not None else None

    def action_open(self) -> None:
        url = self._url()
        if url is not None:
            self.app.open_url(url)
            self.notify(_("Opening {url}").format(url=url), markup=False)

    def action_copy(self) -> None:
        url = self._url()
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.notify(_("Copied {url}").format(url=url), markup=False)

    def on_option_list_option_selected(self) -> None:
        self.action_open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self.action_open()
        elif event.button.id == "copy":
            self.action_copy()
        else:
            self.dismiss(None)

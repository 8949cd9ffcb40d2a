"""Where to write the letters (or a follow-up), and in which formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Static

from exposure.app.letter_files import FORMATS, Format
from exposure.tui.dialogs.base import Dialog
from exposure.tui.i18n import _
from exposure.tui.widgets.toggles import MarkedCheckbox

LABELS: dict[Format, str] = {
    "pdf": _("PDF letters to print"),
    "eml": _("E-mail drafts (.eml)"),
    "txt": _("Plain text"),
    "guide": _("Web-form guides"),
}
DEFAULT_FORMATS: tuple[Format, ...] = ("pdf", "guide")


@dataclass(frozen=True)
class WriteChoice:
    folder: Path
    formats: tuple[Format, ...]


class WriteDialog(Dialog[WriteChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", _("Cancel"))]

    def __init__(
        self,
        folder: Path,
        *,
        title: str | None = None,
        formats: tuple[Format, ...] = FORMATS,
        defaults: tuple[Format, ...] = DEFAULT_FORMATS,
    ) -> None:
        super().__init__()
        self._folder = folder
        self._title = title or _("Write the requests to files")
        self._formats = formats
        self._defaults = defaults

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self._title, classes="dialog-title")
            yield Static(
                _("Files are readable only by you. The folder is created if needed."),
                classes="dialog-body",
            )
            yield Input(str(self._folder), id="folder", placeholder=_("folder"))
            yield Static("", id="folder-error", classes="field-error")
            for fmt in self._formats:
                yield MarkedCheckbox(
                    LABELS[fmt], fmt in self._defaults, id=f"fmt-{fmt}", compact=True
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Write"), id="write", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_input_submitted(self) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        text = self.query_one("#folder", Input).value.strip()
        formats = tuple(f for f in self._formats if self.query_one(f"#fmt-{f}", Checkbox).value)
        error = self.query_one("#folder-error", Static)
        if not text:
            error.update(_("Type a folder to write into."))
        elif not formats:
            error.update(_("Choose at least one format."))
        else:
            self.dismiss(WriteChoice(Path(text).expanduser(), formats))

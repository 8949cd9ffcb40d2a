"""Step 5c, Requests: preview each letter, e-mail and web-form guide, then write the files or
send the e-mails (after confirmation). Drafting, PDF builds and SMTP run in thread workers.

For a saved profile, every letter written or sent is recorded in the request ledger (once),
and e-mails actually sent are marked ``sent``. The demo person never touches the vault."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Footer,
    Header,
    OptionList,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from exposure.app import letter_files as outputs
from exposure.letters.draft import Letter
from exposure.tui.dialogs.confirm_dialog import ConfirmDialog
from exposure.tui.dialogs.send_dialog import SendChoice, SendDialog
from exposure.tui.dialogs.write_dialog import WriteChoice, WriteDialog
from exposure.tui.i18n import _
from exposure.tui.letter_preview import email_preview, letter_preview
from exposure.tui.messages import EmailsSent, LettersDrafted, LettersRecorded, LettersWritten
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session
from exposure.tui.words import KIND_WORDS


class PreviewScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "write", _("Write files")),
        Binding("m", "send", _("Send e-mails")),
        # The tabs' own titles name these keys ("Letter (L)"): the footer keeps its room.
        Binding("l", "tab('letter')", _("Letter"), show=False),
        Binding("e", "tab('email')", _("E-mail"), show=False),
        Binding("g", "tab('guide')", _("Guide"), show=False),
        Binding("escape", "app.pop_screen", _("Back")),
    ]

    def __init__(self, session: Session, brokers: list[str]) -> None:
        super().__init__(session)
        self.brokers = brokers
        self.letters: list[Letter] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Requests, step 3 of 3: check, then write or send"), classes="title")
        yield Static(_("Drafting…"), id="preview-status")
        yield ProgressBar(total=len(self.brokers), show_eta=False, id="work-progress")
        with Horizontal(id="preview"):
            yield OptionList(id="letter-list")
            with TabbedContent(id="views"):
                for tab, title in (
                    ("letter", _("Letter (L)")),
                    ("email", _("E-mail (E)")),
                    ("guide", _("Web-form guide (G)")),
                ):
                    with TabPane(title, id=tab), VerticalScroll():
                        yield Static("", id=f"view-{tab}", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.bar = self.query_one("#work-progress", ProgressBar)
        self.draft()

    @work(thread=True, exit_on_error=False, group="requests")
    def draft(self) -> None:
        """Draft every chosen broker's letter; a broker that cannot be drafted is skipped."""
        from exposure.app.letters import draft_letters
        from exposure.letters.reply import MissingReplyError

        bar = self.bar
        try:
            drafted = draft_letters(
                self.session.profile,
                self.session.known_catalog,
                self.brokers,
                today=self.session.today,
                progress=lambda n: self.app.call_from_thread(bar.update, progress=n),
            )
        except MissingReplyError:
            reason = _(
                "A letter needs a way for the broker to answer: add a postal address or an "
                "e-mail address in your details (the identity form)."
            )
            self.post_message(LettersDrafted([], [reason]))
            return
        skipped = [f"{s.broker_name}: {s.why}" for s in drafted.skipped]
        self.post_message(LettersDrafted(list(drafted.letters), skipped))

    def on_letters_drafted(self, event: LettersDrafted) -> None:
        self.letters = event.letters
        self.session.letters = event.letters
        self.session.recorded = {}  # new letters: none of them is in the ledger yet
        emails = sum(1 for letter in self.letters if self._email_text(letter))
        self.query_one("#preview-status", Static).update(
            _("{n} letter(s) drafted, {e} can go by e-mail; {s} skipped.").format(
                n=len(self.letters), e=emails, s=len(event.skipped)
            )
        )
        for line in event.skipped:
            self.notify(line, title=_("Skipped"), severity="warning", timeout=10)
        options = self.query_one("#letter-list", OptionList)
        options.add_options(
            Option(
                f"{letter.broker_name} · {KIND_WORDS.get(letter.kind, letter.kind)}",
                letter.broker_id,
            )
            for letter in self.letters
        )
        if self.letters:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.letters[event.option_index])

    def _email_text(self, letter: Letter) -> str | None:
        message = outputs.email_for(letter, self.session.profile.identity)
        return email_preview(message, letter) if message is not None else None

    def _show(self, letter: Letter) -> None:
        from exposure.letters.guide import guide_text

        catalog = self.session.known_catalog
        message = outputs.email_or_reason(letter, self.session.profile.identity)
        email = (
            email_preview(message, letter)
            if not isinstance(message, str)
            else _("No e-mail draft: {reason}.").format(reason=message)
        )
        notes = "".join("\n\n" + _("Note: {note}").format(note=note) for note in letter.notes)
        self.query_one("#view-letter", Static).update(letter_preview(letter) + notes)
        self.query_one("#view-email", Static).update(email)
        self.query_one("#view-guide", Static).update(
            guide_text(letter, catalog.by_id[letter.broker_id], self.session.words.text)
        )

    def action_tab(self, tab: str) -> None:
        self.query_one("#views", TabbedContent).active = tab

    def action_write(self) -> None:
        if not self.letters:
            self.notify(_("No letters to write yet."), severity="warning")
            return
        folder = Path.cwd() / "exposure-letters"
        self.app.push_screen(WriteDialog(folder), self._write_chosen)

    def _write_chosen(self, choice: WriteChoice | None) -> None:
        if choice is not None:
            self.write(choice)

    @work(thread=True, exit_on_error=False, group="requests")
    def write(self, choice: WriteChoice) -> None:
        catalog = self.session.known_catalog
        bar = self.bar

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, progress=done, total=total)

        identity = self.session.profile.identity
        written = outputs.write_letters(
            choice.folder, self.letters, choice.formats, catalog, identity, progress=progress
        )
        self.post_message(LettersWritten(choice.folder, list(written.paths)))

    def on_letters_written(self, event: LettersWritten) -> None:
        self.query_one("#preview-status", Static).update(
            _("Wrote {n} file(s) to {folder}; they are readable only by you.").format(
                n=len(event.paths), folder=event.folder
            )
        )
        self.notify(
            _("Wrote {n} file(s) to {folder}.").format(n=len(event.paths), folder=event.folder),
            title=_("Done"),
        )
        self._record()

    def _record(self, sent: tuple[str, ...] = ()) -> None:
        """Record the letters in the ledger for a saved profile; say how to, for a new one."""
        if self.session.source == "saved":
            self.record(sent)
        elif self.session.source == "new":
            # Kept until the profile is saved; the save records them (see ExposureApp).
            for letter in self.letters:
                self.session.unrecorded[letter.broker_id] = letter
            self.session.unrecorded_sent.update(sent)
            self.notify(
                _(
                    "Not in the ledger yet: save your profile (Ctrl+S on the dashboard) and "
                    "these requests are recorded then, with their deadlines; no need to write "
                    "them again."
                ),
                title=_("Not recorded yet"),
                timeout=15,
            )

    @work(thread=True, exit_on_error=False, exclusive=True, group="ledger")
    def record(self, sent: tuple[str, ...]) -> None:
        from exposure.app import requests as ledger_io
        from exposure.tui.vault_bridge import session_vault

        vault = session_vault(self.app, self.session)
        done = ledger_io.record_letters(
            vault,
            self.letters,
            self.session.known_catalog,
            self.session.profile,
            today=self.session.today,
            recorded=self.session.recorded,
            sent=sent,
        )
        self.post_message(LettersRecorded(done.ids, done.added, done.sent))

    def on_letters_recorded(self, event: LettersRecorded) -> None:
        self.session.recorded = event.ids
        if not event.added and not event.sent:
            return
        self.notify(
            _(
                "Recorded {n} request(s) in the ledger, {s} marked sent. Press L on the "
                "dashboard to follow them."
            ).format(n=len(event.added), s=event.sent),
            title=_("Ledger"),
            timeout=10,
        )

    def action_send(self) -> None:
        sender = outputs.sender(self.session.profile.identity)
        count = sum(1 for letter in self.letters if letter.email_to)
        if sender is None or count == 0:
            self.notify(
                _("Nothing to send: add your e-mail address, and choose brokers that take e-mail."),
                severity="warning",
            )
            return
        self.app.push_screen(SendDialog(count, sender[1]), self._send_chosen)

    def _send_chosen(self, choice: SendChoice | None) -> None:
        if choice is None:
            return
        recipients = [letter.email_to for letter in self.letters if letter.email_to]
        body = _("Send {n} e-mail(s) through {host}, to:\n{to}").format(
            n=len(recipients), host=choice.server.host, to="\n".join(recipients)
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.send(choice)

        self.app.push_screen(ConfirmDialog(_("Send now?"), body, _("Send")), confirmed)

    @work(thread=True, exit_on_error=False, group="requests")
    def send(self, choice: SendChoice) -> None:
        from exposure.app.sending import send_letters

        identity = self.session.profile.identity
        sent = send_letters(choice.server, self.letters, identity, choice.password)
        self.post_message(EmailsSent(sent.recipients, sent.brokers))

    def on_emails_sent(self, event: EmailsSent) -> None:
        self.notify(
            _("Sent {n} e-mail(s).").format(n=len(event.recipients)), title=_("Sent"), timeout=10
        )
        self._record(tuple(event.brokers))

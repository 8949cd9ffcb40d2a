"""Step 6, the request ledger: every recorded request, overdue first, then by due date, with
OVERDUE and RE-CHECK in words; the chosen request's history; keys to mark what happened,
to draft the follow-up, and to export the calendar. Needs a saved profile (the vault).

The ledger is read and changed in thread workers (the vault's key and SQLite), and reloaded
after every change, so the list always shows what the database holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from exposure.app import requests as ledger_io
from exposure.errors import ExposureError
from exposure.ledger.lifecycle import NEXT, Status, TransitionError, check_transition
from exposure.ledger.store import Event, Request
from exposure.tui.dialogs.mark_dialog import MarkChoice, MarkDialog
from exposure.tui.dialogs.path_dialog import PathDialog
from exposure.tui.dialogs.status_dialog import StatusDialog
from exposure.tui.dialogs.write_dialog import WriteChoice, WriteDialog
from exposure.tui.i18n import _
from exposure.tui.messages import CalendarWritten, FollowupWritten, LedgerLoaded, RequestMarked
from exposure.tui.screens.base import JourneyScreen
from exposure.tui.session import Session
from exposure.tui.vault_bridge import session_vault
from exposure.tui.words import KIND_WORDS, REASON_WORDS, STATUS_WORDS

STEP_WORDS = {"reminder": _("reminder"), "complaint": _("complaint")}
FLAG_WIDTH = max(len(w) for w in (_("Needs"), _("OVERDUE"), _("RE-CHECK")))
STATUS_WIDTH = max(len(w) for w in STATUS_WORDS.values())
DUE_WIDTH = max(len("2025-01-15"), len(_("not sent")), len(_("Due")))
# Every key in words on the screen too: nine keys do not all fit a footer at 80 columns.
KEYS = _(
    "Mark: S sent · A acknowledged · C completed · D denied · X extended · O other. "
    "F follow-up · I calendar (.ics) · Esc back"
)


def flag(request: Request) -> str:
    """What needs doing, in words: dates make a request overdue or due a re-check."""
    if request.overdue:
        return _("OVERDUE")
    if request.recheck_due:
        return _("RE-CHECK")
    return ""


def describe(request: Request, events: list[Event], law: str) -> Content:
    """The chosen request: what it is, its dates, and its whole history (notes included)."""
    kind = KIND_WORDS.get(request.kind, request.kind)
    head = _("#{id} {broker}: {kind} request ({law}), now {status}").format(
        id=request.id,
        broker=request.broker_name,
        kind=kind,
        law=law,
        status=STATUS_WORDS[request.status],
    )
    lines: list[Content | str | tuple[str, str]] = [(head, "bold")]
    if request.due:
        due = _("Answer due by {date}").format(date=request.due.isoformat())
        lines += ["\n", due, ((" " + _("(OVERDUE)")) if request.overdue else "", "bold")]
    if request.recheck_on:
        recheck = _("Re-check the listing on {date}").format(date=request.recheck_on.isoformat())
        lines += ["\n", recheck, ((" " + _("(due now)")) if request.recheck_due else "", "bold")]
    lines += ["\n", (_("History"), "underline")]
    for event in events:
        line = f"{event.on.isoformat()}  {STATUS_WORDS[event.status]}"
        if event.reason:
            line += _(" (reason: {reason})").format(reason=REASON_WORDS[event.reason])
        if event.until:
            line += _(" (until {date})").format(date=event.until.isoformat())
        lines += ["\n", line]
        if event.note:
            lines += [(_(": {note}").format(note=event.note), "italic")]
    return Content.assemble(*lines)


class LedgerScreen(JourneyScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        # The marking keys are listed in full in the line above the table (KEYS), which wraps
        # at any width; the footer keeps the rest, so nothing in it is cut at 80 columns.
        Binding("s", "mark('sent')", _("Sent"), show=False),
        Binding("a", "mark('acknowledged')", _("Ack'd"), show=False),
        Binding("c", "mark('completed')", _("Completed"), show=False),
        Binding("d", "mark('denied')", _("Denied"), show=False),
        Binding("x", "mark('extended')", _("Extended"), show=False),
        Binding("o", "other", _("Other")),
        Binding("f", "followup", _("Follow-up")),
        Binding("i", "calendar", _("Calendar")),
        Binding("escape", "app.show('dashboard')", _("Back")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.requests: list[Request] = []
        self.histories: dict[int, list[Event]] = {}
        self._keep: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Your requests: overdue first, then by due date"), classes="title")
        yield Static(_("Opening the ledger…"), id="ledger-status", classes="hint")
        yield Static(KEYS, id="ledger-keys", classes="hint")
        yield DataTable[str](cursor_type="row", id="ledger-table")
        with VerticalScroll(id="ledger-history"):
            yield Static("", id="ledger-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ledger-table", DataTable).focus()
        self.load()

    # Reading -----------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, exclusive=True, group="ledger")
    def load(self) -> None:
        if not ledger_io.has_ledger(self.session.vault_path):
            self.post_message(LedgerLoaded([], {}))
            return
        vault = session_vault(self.app, self.session)
        self.post_message(LedgerLoaded(*ledger_io.load(vault, today=self.session.today)))

    def on_ledger_loaded(self, event: LedgerLoaded) -> None:
        self.requests, self.histories = event.requests, event.histories
        overdue = sum(1 for r in self.requests if r.overdue)
        recheck = sum(1 for r in self.requests if r.recheck_due)
        status = (
            _("{n} request(s): {o} overdue, {r} due a re-check. Dated {today}.").format(
                n=len(self.requests), o=overdue, r=recheck, today=self.session.today.isoformat()
            )
            if self.requests
            else _(
                "No requests recorded yet. Letters you write or send from Requests (R on the "
                "dashboard) are recorded here."
            )
        )
        self.query_one("#ledger-status", Static).update(status)
        table = self.query_one("#ledger-table", DataTable)
        table.clear(columns=True)  # columns too, so their widths fit the new rows
        table.add_column("#", key="id", width=max([1, *(len(str(r.id)) for r in self.requests)]))
        table.add_column(_("Needs"), key="flag", width=FLAG_WIDTH)
        table.add_column(_("Status"), key="status", width=STATUS_WIDTH)
        broker_width = max([len(_("Broker")), *(len(r.broker_name) for r in self.requests)])
        table.add_column(_("Broker"), key="broker", width=broker_width)
        table.add_column(_("Due"), key="due", width=DUE_WIDTH)
        for r in self.requests:
            table.add_row(
                f"{r.id}",
                Content.styled(flag(r), "bold") if flag(r) else "",
                STATUS_WORDS[r.status],
                r.broker_name,
                r.due.isoformat() if r.due else _("not sent") * (r.status is Status.DRAFTED),
                key=str(r.id),
            )
        keep = next((n for n, r in enumerate(self.requests) if r.id == self._keep), 0)
        if self.requests:
            table.move_cursor(row=keep)
            self._show(self.requests[keep])
        else:
            self.query_one("#ledger-detail", Static).update("")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.requests):
            self._show(self.requests[event.cursor_row])

    def _show(self, request: Request) -> None:
        self._keep = request.id
        law = self.session.known_catalog.law_by_id.get(request.regime)
        name = law.short_name if law is not None else request.regime
        detail = describe(request, self.histories.get(request.id, []), name)
        self.query_one("#ledger-detail", Static).update(detail)

    def selected(self) -> Request | None:
        table = self.query_one("#ledger-table", DataTable)
        if not self.requests or not 0 <= table.cursor_row < len(self.requests):
            self.notify(_("No request chosen: there are none yet."), severity="warning")
            return None
        return self.requests[table.cursor_row]

    # Marking ---------------------------------------------------------------------------

    def action_mark(self, status: str) -> None:
        request = self.selected()
        if request is None:
            return
        new = Status(status)
        try:
            check_transition(request.status, new)
        except TransitionError as exc:
            self.notify(exc.message, title=_("Not possible"), severity="error", timeout=10)
            return
        what = f"#{request.id} {request.broker_name}"

        def chosen(choice: MarkChoice | None) -> None:
            if choice is not None:
                self.mark(request.id, new, choice)

        self.app.push_screen(MarkDialog(what, new), chosen)

    def action_other(self) -> None:
        """Any other status that can follow, chosen from a list (follow-up sent, …)."""
        request = self.selected()
        if request is None:
            return
        allowed = sorted(NEXT[request.status], key=list(Status).index)

        def chosen(status: Status | None) -> None:
            if status is not None:
                self.action_mark(status.value)

        self.app.push_screen(StatusDialog(request.status, allowed), chosen)

    @work(thread=True, exit_on_error=False, exclusive=True, group="ledger")
    def mark(self, request_id: int, status: Status, choice: MarkChoice) -> None:
        vault = session_vault(self.app, self.session)
        ledger_io.mark(
            vault,
            request_id,
            status,
            on=self.session.today,
            today=self.session.today,
            note=choice.note,
            reason=choice.reason,
            until=choice.until,
        )
        self.post_message(RequestMarked(request_id, status.value))
        self.post_message(LedgerLoaded(*ledger_io.load(vault, today=self.session.today)))

    def on_request_marked(self, event: RequestMarked) -> None:
        self._keep = event.request_id
        self.notify(
            _("Request #{id} is now {status}.").format(
                id=event.request_id, status=STATUS_WORDS[Status(event.status)]
            ),
            title=_("Marked"),
        )

    # Follow-up and calendar ----------------------------------------------------------------

    def action_followup(self) -> None:
        from exposure.ledger.followup import next_step

        request = self.selected()
        if request is None:
            return
        try:
            step = next_step(request, self.histories.get(request.id, []))
        except ExposureError as exc:
            self.notify(exc.message, title=_("No follow-up yet"), severity="warning", timeout=10)
            return

        def chosen(choice: WriteChoice | None) -> None:
            if choice is not None:
                self.followup(request.id, choice)

        title = _("Write the {step} for #{id} to files").format(
            step=STEP_WORDS[step], id=request.id
        )
        dialog = WriteDialog(
            Path.cwd() / "exposure-followups",
            title=title,
            formats=ledger_io.FOLLOWUP_FORMATS,
            defaults=("pdf",),
        )
        self.app.push_screen(dialog, chosen)

    @work(thread=True, exit_on_error=False, group="ledger-files")
    def followup(self, request_id: int, choice: WriteChoice) -> None:
        vault = session_vault(self.app, self.session)
        formats = [f for f in choice.formats if f in ledger_io.FOLLOWUP_FORMATS]
        done = ledger_io.follow_up(
            vault,
            request_id,
            choice.folder,
            formats,
            self.session.known_catalog,
            self.session.profile,
            today=self.session.today,
        )
        self.post_message(FollowupWritten(request_id, done.step, done.paths, done.mark_as))

    def on_followup_written(self, event: FollowupWritten) -> None:
        self.notify(
            _(
                "Wrote the {step} ({n} file(s)) to {folder}. When you have sent it, press O "
                "and mark it '{then}'."
            ).format(
                step=STEP_WORDS[event.step],
                n=len(event.paths),
                folder=event.paths[0].parent if event.paths else "",
                then=STATUS_WORDS[event.mark_as],
            ),
            title=_("Done"),
            timeout=15,
        )

    def action_calendar(self) -> None:
        if not self.requests:
            self.notify(_("No requests yet, so no dates for a calendar."), severity="warning")
            return
        body = _(
            "Deadlines, follow-up days and re-checks, as an iCalendar file. Events name only "
            "the broker, since calendars are often synced to other people's servers."
        )
        dialog = PathDialog(
            _("Export the calendar"), body, Path.cwd() / "exposure-requests.ics", ".ics"
        )
        self.app.push_screen(dialog, self._calendar_chosen)

    def _calendar_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.calendar(path)

    @work(thread=True, exit_on_error=False, group="ledger-files")
    def calendar(self, path: Path) -> None:
        vault = session_vault(self.app, self.session)
        events = ledger_io.write_calendar(vault, path, today=self.session.today)
        self.post_message(CalendarWritten(path, events))

    def on_calendar_written(self, event: CalendarWritten) -> None:
        self.notify(
            _("Wrote {n} calendar event(s) to {path}.").format(n=event.events, path=event.path),
            title=_("Done"),
        )

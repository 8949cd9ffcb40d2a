"""The ledger in the app: letters recorded when written, marking, follow-ups, the calendar and
the report. A fictional person (the demo profile) in a passphrase vault under tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from textual.pilot import Pilot
from textual.widgets import Input

from broker_catalog.catalog import Catalog
from exposure.app import requests as ledger_io
from exposure.ledger.lifecycle import Status
from exposure.ledger.store import Ledger
from exposure.letters.draft import draft_letter
from exposure.profile.files import demo_profile
from exposure.profile.model import Profile
from exposure.profile.store import save_to_vault
from exposure.tui.app import ExposureApp
from exposure.tui.dialogs.mark_dialog import MarkDialog
from exposure.tui.dialogs.passphrase_dialog import PassphraseDialog
from exposure.tui.dialogs.path_dialog import PathDialog
from exposure.tui.dialogs.status_dialog import StatusDialog
from exposure.tui.dialogs.write_dialog import WriteDialog
from exposure.tui.messages import ProfileChosen
from exposure.tui.screens.dashboard_screen import DashboardScreen
from exposure.tui.screens.identity_screen import IdentityScreen
from exposure.tui.screens.ledger_screen import LedgerScreen
from exposure.tui.screens.preview_screen import PreviewScreen
from exposure.tui.screens.requests_screen import RequestsScreen
from exposure.vault.store import Vault
from tests.exposure.tui.conftest import TODAY
from tests.exposure.tui.test_journey import drive, settle, until

PASSPHRASE = "correct horse battery"  # noqa: S105 - a test vault's passphrase
LONG_AGO = TODAY - dt.timedelta(days=120)


def make_vault(path: Path, profile: Profile) -> Vault:
    """A passphrase vault (no keyring), as the app makes one, holding the profile."""
    vault = Vault.open(
        path, keyring=None, ask=lambda _prompt: PASSPHRASE, notify=lambda _m: None, create=True
    )
    save_to_vault(vault, profile)
    return vault


def record(vault: Vault, catalog: Catalog, broker_id: str, on: dt.date = LONG_AGO) -> int:
    profile = demo_profile()
    letter = draft_letter(catalog.by_id[broker_id], profile, catalog, today=on)
    done = ledger_io.record_letters(vault, [letter], catalog, profile, today=on, recorded={})
    request_id: int = done.ids[broker_id]
    return request_id


async def write_two_letters(app: ExposureApp, pilot: Pilot[None], out: Path) -> None:
    """From the dashboard: request the first two brokers, keep the identity form as it is,
    and write the letters as files to ``out``; back on the preview."""
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, RequestsScreen))
    await pilot.press("n", "space", "down", "space", "ctrl+n")  # the first two brokers
    await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
    await pilot.press("ctrl+n")
    await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
    await settle(app, pilot)
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, WriteDialog))
    app.screen.query_one("#folder", Input).value = str(out)
    await pilot.click("#write")
    await until(pilot, lambda: isinstance(app.screen, PreviewScreen))
    await settle(app, pilot)


def statuses(vault: Vault) -> dict[str, Status]:
    ledger = Ledger.open(vault)
    try:
        return {r.broker_id: r.status for r in ledger.all(today=TODAY)}
    finally:
        ledger.close()


async def open_ledger(app: ExposureApp, pilot: Pilot[None], vault: Vault) -> LedgerScreen:
    """The saved profile, unlocked (as 'o' and the passphrase would), then L on the dashboard."""
    profile = demo_profile()
    app.post_message(ProfileChosen(profile, "saved", vault))
    await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("l")
    await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LedgerScreen)
    return screen


def toasts(app: ExposureApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def test_writing_files_records_the_letters(
    make_app: Any, tmp_path: Path, catalog: Catalog, no_keyring: object
) -> None:
    """Saved profile → Requests → write files: each letter is in the ledger, drafted."""
    vault_dir, out = tmp_path / "vault", tmp_path / "letters"
    vault = make_vault(vault_dir, demo_profile())

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PassphraseDialog))
        app.screen.query_one(Input).value = PASSPHRASE
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.session.source == "saved"
        await write_two_letters(app, pilot, out)  # the saved details fill the form
        await until(pilot, lambda: "Recorded 2 request(s)" in toasts(app))
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert set(app.session.recorded) == {letter.broker_id for letter in preview.letters}
        await pilot.press("w")  # writing again does not record twice
        await until(pilot, lambda: isinstance(app.screen, WriteDialog))
        app.screen.query_one("#folder", Input).value = str(out)
        await pilot.click("#write")
        await settle(app, pilot)
        assert not isinstance(app.screen, PassphraseDialog)  # asked once per run

    drive(make_app(vault=vault_dir), scenario)
    assert any(out.glob("*.pdf"))
    recorded = statuses(vault)
    assert len(recorded) == 2
    assert set(recorded.values()) == {Status.DRAFTED}
    ledger = Ledger.open(vault)
    request = ledger.all(today=TODAY)[0]
    letter = ledger.letter(request.id) or ""
    ledger.close()
    assert request.due is None  # not sent yet: the deadline runs from the day it is sent
    assert request.broker_name in letter
    body = max(letter.splitlines(), key=len)  # the letter is kept, sealed: never in clear
    for db in vault_dir.glob("ledger.sqlite3*"):
        assert body.encode() not in db.read_bytes()


def test_the_demo_never_records_nor_opens_the_ledger(make_app: Any, tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "saved" in toasts(app)
        assert "ledger" in toasts(app)

    drive(make_app(vault=vault_dir, demo=True), scenario)
    assert not vault_dir.exists()


def test_emails_sent_are_recorded_as_sent(tmp_path: Path, catalog: Catalog) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    profile = demo_profile()
    letters = [
        draft_letter(catalog.by_id[b], profile, catalog, today=TODAY)
        for b in ("gravy-analytics", "venntel")
    ]
    first = ledger_io.record_letters(vault, letters, catalog, profile, today=TODAY, recorded={})
    again = ledger_io.record_letters(
        vault, letters, catalog, profile, today=TODAY, recorded=first.ids, sent=["venntel"]
    )
    assert again.added == []
    assert again.sent == 1
    assert statuses(vault) == {"gravy-analytics": Status.DRAFTED, "venntel": Status.SENT}


def test_mark_sent_then_completed_with_a_note(
    make_app: Any, tmp_path: Path, catalog: Catalog
) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    request_id = record(vault, catalog, "gravy-analytics", on=TODAY)

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await open_ledger(app, pilot, vault)
        assert [r.id for r in screen.requests] == [request_id]
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, MarkDialog))
        app.screen.query_one("#note", Input).value = "posted at the corner office"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LedgerScreen))
        await settle(app, pilot)
        assert screen.requests[0].status is Status.SENT
        assert screen.requests[0].due is not None  # the deadline runs from today
        assert "is now sent" in toasts(app)
        detail = str(screen.query_one("#ledger-detail").render())
        assert "posted at the corner office" in detail
        await pilot.press("c", "enter")
        await until(pilot, lambda: screen.requests[0].status is Status.COMPLETED)

    drive(make_app(vault=vault.path), scenario)
    ledger = Ledger.open(vault)
    events = ledger.history(request_id)
    ledger.close()
    assert [e.status for e in events] == [Status.DRAFTED, Status.SENT, Status.COMPLETED]
    assert events[1].note == "posted at the corner office"


def test_an_illegal_change_is_refused_with_the_reason(
    make_app: Any, tmp_path: Path, catalog: Catalog
) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    record(vault, catalog, "gravy-analytics", on=TODAY)

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await open_ledger(app, pilot, vault)
        await pilot.press("c")  # drafted → completed makes no sense
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)  # no dialog
        assert "cannot become 'completed'; it can become: sent" in toasts(app)
        assert screen.requests[0].status is Status.DRAFTED

    drive(make_app(vault=vault.path), scenario)
    assert statuses(vault) == {"gravy-analytics": Status.DRAFTED}


def test_denied_asks_the_reason_and_other_lists_what_can_follow(
    make_app: Any, tmp_path: Path, catalog: Catalog
) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    request_id = record(vault, catalog, "venntel", on=TODAY)
    ledger = Ledger.open(vault)
    ledger.mark(request_id, Status.SENT, on=TODAY)
    ledger.close()

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await open_ledger(app, pilot, vault)
        await pilot.press("o")  # other statuses: the lifecycle's list
        await until(pilot, lambda: isinstance(app.screen, StatusDialog))
        await pilot.press("escape")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, MarkDialog))
        assert app.screen.query("#reason")
        await pilot.click("#ok")
        await until(pilot, lambda: screen.requests[0].status is Status.DENIED)

    drive(make_app(vault=vault.path), scenario)
    ledger = Ledger.open(vault)
    reason = ledger.get(request_id, today=TODAY).reason
    ledger.close()
    assert reason is not None
    assert reason.value == "no_match"


def test_followup_for_an_overdue_request_writes_a_pdf(
    make_app: Any, tmp_path: Path, catalog: Catalog
) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    late = record(vault, catalog, "venntel")
    waiting = record(vault, catalog, "gravy-analytics", on=TODAY)
    ledger = Ledger.open(vault)
    ledger.mark(late, Status.SENT, on=LONG_AGO)
    ledger.close()
    out = tmp_path / "followups"

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await open_ledger(app, pilot, vault)
        assert screen.requests[0].id == late  # overdue first
        assert "OVERDUE" in screen.query_one("#ledger-table").render_line(1).text
        await pilot.press("down", "f")  # the drafted one: nothing to follow up
        await pilot.pause()
        assert "nothing to follow up" in toasts(app)
        await pilot.press("up", "f")
        await until(pilot, lambda: isinstance(app.screen, WriteDialog))
        app.screen.query_one("#folder", Input).value = str(out)
        await pilot.click("#write")
        await settle(app, pilot)
        await until(pilot, lambda: "Wrote the reminder" in toasts(app))

    drive(make_app(vault=vault.path), scenario)
    pdfs = list(out.glob("*.pdf"))
    assert [p.name for p in pdfs] == [f"venntel-{late}-reminder.pdf"]
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    assert waiting


def test_calendar_export_is_a_parseable_ics(
    make_app: Any, tmp_path: Path, catalog: Catalog
) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())
    request_id = record(vault, catalog, "venntel")
    ledger = Ledger.open(vault)
    ledger.mark(request_id, Status.SENT, on=LONG_AGO)
    ledger.close()
    target = tmp_path / "cal" / "requests"  # no suffix: .ics is added

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        await open_ledger(app, pilot, vault)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, PathDialog))
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        await until(pilot, lambda: "calendar event(s)" in toasts(app))

    drive(make_app(vault=vault.path), scenario)
    path = target.with_name("requests.ics")
    calendar = Calendar.from_ical(path.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    broker = catalog.by_id["venntel"].name
    assert f"Reply due: {broker}" in summaries
    assert f"Follow up if no reply: {broker}" in summaries
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("saved", [True, False], ids=["with-ledger", "demo"])
def test_report_export_writes_a_pdf(
    make_app: Any, tmp_path: Path, catalog: Catalog, saved: bool
) -> None:
    from pypdf import PdfReader

    vault_dir = tmp_path / "vault"
    target = tmp_path / "out" / "report.pdf"
    vault = make_vault(vault_dir, demo_profile()) if saved else None
    if vault is not None:
        record(vault, catalog, "venntel")

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        if vault is not None:
            app.post_message(ProfileChosen(demo_profile(), "saved", vault))
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PathDialog))
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        await until(pilot, lambda: "Wrote the report" in toasts(app))
        assert ("1 request(s)" in toasts(app)) is saved

    drive(make_app(vault=vault_dir, demo=not saved), scenario)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Your likely data-broker exposure" in text
    assert ("Your requests" in text) is saved
    identity = demo_profile().identity
    assert identity is not None
    assert identity.full_name is not None
    assert identity.full_name not in text
    assert saved or not vault_dir.exists()


def test_command_palette_reaches_the_ledger_and_the_report(make_app: Any) -> None:
    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to: Request ledger" in titles
        assert "Export the report (PDF)" in titles

    drive(make_app(), scenario)


def test_an_empty_ledger_says_how_to_fill_it(make_app: Any, tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", demo_profile())

    async def scenario(app: ExposureApp, pilot: Pilot[None]) -> None:
        screen = await open_ledger(app, pilot, vault)
        assert "No requests recorded yet" in str(screen.query_one("#ledger-status").render())
        await pilot.press("s", "i")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        assert "No request chosen" in toasts(app)
        assert "no dates for a calendar" in toasts(app)

    drive(make_app(vault=vault.path), scenario)
    assert not (vault.path / "ledger.sqlite3").exists()  # looking creates nothing

"""The exposure app: the journey's navigation and its slow work (catalog, audit, vault).

Kept small: each step is a screen in ``screens/``, dialogs are in ``dialogs/``. :func:`create_app`
is the one factory the CLI, the Pilot tests and the snapshot tests all use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from exposure.tui.i18n import _
from exposure.tui.screens.welcome_screen import WelcomeScreen
from exposure.tui.session import Session

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.language import Language
    from exposure.ledger.store import Request
    from exposure.tui.messages import (
        AnswersCompleted,
        AuditFinished,
        CatalogLoaded,
        LettersRecorded,
        ProfileChosen,
        ProfileSaved,
        ReportWritten,
        VaultWiped,
    )
    from exposure.tui.widgets.legend_footer import LegendShown
    from exposure.vault.store import Vault

HOLD_AT_MOST = 5.0  # seconds: keys typed while a screen loads are replayed by then at the latest
LEGEND_WAIT = 1.0  # seconds: load the catalog by then even if no footer said it was shown
SCREENS = {
    "welcome": _("Welcome"),
    "questions": _("Questions"),
    "dashboard": _("Exposure dashboard"),
    "requests": _("Requests"),
    "ledger": _("Request ledger"),
}
NEEDS_SAVED = {
    "demo": _(
        "The ledger needs a saved profile: it keeps your own requests in the vault, and the "
        "demo person is fictional. Answer the questions, save with Ctrl+S, then write requests."
    ),
    "new": _(
        "The ledger keeps your requests in the vault, so it needs a saved profile: save yours "
        "with Ctrl+S on the dashboard first."
    ),
}


class ExposureApp(App[None]):
    TITLE = "exposure"
    SUB_TITLE = _("which data brokers likely hold your records")
    CSS_PATH = ["styles/app.tcss", "styles/dialogs.tcss"]  # noqa: RUF012 - read by Textual
    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown on the welcome screen's legend only: the others need their room for the step.
        Binding("f2", "toggle_theme", _("Light/dark"), show=False),
        # Ctrl+C quits as in any terminal program (after Ctrl+Q's question when answers would
        # be lost); a text field with a selection still copies it first.
        Binding("ctrl+c", "quit", show=False),
    ]

    def __init__(
        self, session: Session, *, catalog_dir: Path | None, use_cache: bool, demo: bool
    ) -> None:
        super().__init__()
        self.session = session
        self._catalog_dir = catalog_dir
        self._use_cache = use_cache
        self._demo = demo
        self._catalog_loading = False
        # What the person chose while the catalog was still loading: done once it is there.
        self._after_catalog: str | None = None
        # Keys typed while the next screen loads, replayed to it once it is ready.
        self._held: list[events.Key] | None = None
        # Set when the person picks the other language on the welcome screen: the CLI then
        # starts the app again in that language (see exposure.cli.main.open_tui).
        self.switch_language: Language | None = None

    def get_default_screen(self) -> Screen[None]:
        return WelcomeScreen(self.session)

    def on_mount(self) -> None:
        from exposure.tui.messages import CatalogLoaded

        if self.session.catalog is None:
            # After the first screen is painted, its key legend included: loading holds the
            # interpreter (unpickling is one long call) and would hold the welcome screen back.
            # The timer is the fallback should the legend never be drawn.
            self.set_timer(LEGEND_WAIT, self.start_catalog_load)
        else:
            self.post_message(CatalogLoaded(self.session.catalog))

    def on_legend_shown(self, event: LegendShown) -> None:
        self.start_catalog_load()

    def start_catalog_load(self) -> None:
        if self.session.catalog is None and not self._catalog_loading:
            self._catalog_loading = True
            self.load_catalog()

    @work(thread=True, exit_on_error=False)
    def load_catalog(self) -> None:
        from broker_catalog.loader import load_catalog
        from exposure.tui.messages import CatalogLoaded

        self.post_message(CatalogLoaded(load_catalog(self._catalog_dir, use_cache=self._use_cache)))

    async def on_catalog_loaded(self, event: CatalogLoaded) -> None:
        self.session.catalog = event.catalog
        welcome = self.screen_stack[0]
        if isinstance(welcome, WelcomeScreen):
            welcome.catalog_ready()
        if self._demo:
            self._demo = False
            self._after_catalog = "demo"
        if self._after_catalog is not None:
            action, self._after_catalog = self._after_catalog, None
            self.clear_notifications()  # "Loading the broker catalog; one moment…" is done
            await self.run_action(action)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from exposure.tui.dialogs.error_dialog import show_error

        if event.state is WorkerState.ERROR:
            self._held = None  # they were meant for a screen that will not come
            show_error(self, event.worker.error)

    def _catalog_ready(self, then: str | None = None) -> bool:
        """True when the catalog is loaded; otherwise ``then`` (an action) runs once it is,
        and the keys typed meanwhile wait for its screen."""
        if self.session.catalog is None and then is not None:
            self._after_catalog = then
            self.hold_keys()
            self.notify(_("Loading the broker catalog; one moment…"))
        elif self.session.catalog is None:
            self.notify(_("The broker catalog is still loading; try again in a moment."))
        return self.session.catalog is not None

    # Keys typed while a screen loads ----------------------------------------------------

    def hold_keys(self) -> None:
        """Keep the keys typed from now until the next journey screen is ready (then
        :meth:`release_keys`), instead of letting the old screen swallow them."""
        if self._held is None:
            self._held = []
            self.set_timer(HOLD_AT_MOST, self.release_keys)

    def release_keys(self) -> None:
        held, self._held = self._held, None
        for key in held or ():
            replay = events.Key(key.key, key.character)
            replay.set_sender(self)  # as from the terminal: it bubbles back up to the app
            self.post_message(replay)

    async def on_event(self, event: events.Event) -> None:
        # Keys as they come from the terminal (a key a widget passed back up is not held: it
        # was handled where it was meant to go).
        if isinstance(event, events.Key) and self._held is not None and not event.is_forwarded:
            self._held.append(event)
            return
        await super().on_event(event)

    # Quitting without losing answers ------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit, after asking when answers or details would be lost (Ctrl+Q, Ctrl+C)."""
        from exposure.tui.dialogs.confirm_dialog import ConfirmDialog

        if not self._unsaved():
            self.exit()
            return
        if isinstance(self.screen, ConfirmDialog):
            return  # a question is open already (this one, or another that comes first)
        if self.session.source == "saved":
            body = _(
                "Your changes since you last saved are not saved. Quit and lose them? To keep "
                "them, go back and save with Ctrl+S on the dashboard."
            )
        else:
            body = _(
                "Your answers are not saved, so quitting now loses them. To keep them, go back "
                "and save with Ctrl+S on the dashboard (encrypted, on this computer)."
            )

        def answered(discard: bool | None) -> None:
            if discard:
                self.exit()

        self.push_screen(
            ConfirmDialog(_("Discard your answers?"), body, _("Discard"), no=_("Keep answering")),
            answered,
        )

    def _unsaved(self) -> bool:
        if self.session.unsaved():
            return True
        return any(getattr(screen, "changed", lambda: False)() for screen in self.screen_stack)

    # The journey -----------------------------------------------------------------------

    async def action_start(self) -> None:
        if self._catalog_ready(then="start"):
            from exposure.profile.model import Profile

            self.session.source, self.session.profile, self.session.audit = "new", Profile(), None
            await self.action_show("questions")

    def action_demo(self) -> None:
        from exposure.tui.messages import ProfileChosen

        if self._catalog_ready(then="demo"):
            from exposure.profile.files import demo_profile

            self.hold_keys()  # what is typed next is for the dashboard
            self.post_message(ProfileChosen(demo_profile(), "demo"))

    def action_open_saved(self) -> None:
        from exposure.vault.store import Vault

        if not self._catalog_ready(then="open_saved"):
            return
        if not Vault.exists(self.session.vault_path):
            self.notify(_("Nothing is saved yet. Answer the questions, then save with Ctrl+S."))
            return
        self.hold_keys()  # for the passphrase dialog, or the dashboard if none is asked
        self.open_saved()

    @work(thread=True, exit_on_error=False, exclusive=True, group="vault")
    def open_saved(self) -> None:
        from exposure.errors import UsageError
        from exposure.profile.answers import validate
        from exposure.profile.store import load_from_vault
        from exposure.tui.messages import ProfileChosen
        from exposure.tui.vault_bridge import open_vault

        vault = open_vault(self, self.session.vault_path, create=False)
        profile = load_from_vault(vault)
        if profile is None:
            raise UsageError(_("the vault holds no profile yet"))
        catalog = self.session.known_catalog
        self.post_message(ProfileChosen(validate(profile, catalog), "saved", vault))

    def on_profile_chosen(self, event: ProfileChosen) -> None:
        self.session.profile, self.session.source = event.profile, event.source
        if event.vault is not None:
            self.session.vault = event.vault
        self.session.saved = event.profile if event.source == "saved" else None
        self.hold_keys()
        self.run_audit()

    def on_answers_completed(self, event: AnswersCompleted) -> None:
        self.session.profile = event.profile
        self.hold_keys()
        self.run_audit()

    @work(thread=True, exit_on_error=False, exclusive=True, group="audit")
    def run_audit(self) -> None:
        from exposure.engine import audit
        from exposure.tui.messages import AuditFinished

        self.post_message(
            AuditFinished(
                audit(self.session.profile, self.session.known_catalog, today=self.session.today)
            )
        )

    async def on_audit_finished(self, event: AuditFinished) -> None:
        self.session.audit = event.audit
        await self.action_show("dashboard")

    def _screens(self, name: str) -> list[Screen[None]]:
        """The screens of a step, above Welcome; none (with a notice) if it is not reached yet."""
        # Each screen's module is imported when it is first shown, not at start-up: the first
        # screen paints without the engine, the ledger or pydantic models loaded.
        if name == "questions":
            from exposure.tui.screens.questions_screen import QuestionsScreen

            return [QuestionsScreen(self.session)] if self._catalog_ready() else []
        if name not in ("dashboard", "requests", "ledger"):
            return []
        if name == "ledger" and self.session.source != "saved":
            self.notify(NEEDS_SAVED[self.session.source], title=_("Ledger"), timeout=15)
            return []
        if self.session.audit is None:
            self.notify(_("Answer the questions or open the demo first."))
            return []
        from exposure.tui.screens.dashboard_screen import DashboardScreen

        dashboard = DashboardScreen(self.session)
        if name == "requests":
            from exposure.tui.screens.requests_screen import RequestsScreen

            return [dashboard, RequestsScreen(self.session)]
        if name == "ledger":
            from exposure.tui.screens.ledger_screen import LedgerScreen

            return [dashboard, LedgerScreen(self.session)]
        return [dashboard]

    async def action_show(self, name: str) -> None:
        """Go to a step: back down to Welcome, then up through the step's screens."""
        screens = self._screens(name)
        if name != "welcome" and not screens:
            return
        if screens:
            self.hold_keys()  # until the last screen is ready (JourneyScreen releases them)
        else:
            self.release_keys()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for screen in screens:
            await self.push_screen(screen)

    async def action_request_broker(self, broker_id: str) -> None:
        """Requests with one broker alone ticked (from its detail page)."""
        screens = self._screens("requests")
        if not screens:
            return
        from exposure.tui.screens.requests_screen import RequestsScreen

        screens[-1] = RequestsScreen(self.session, only=broker_id)
        self.hold_keys()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for screen in screens:
            await self.push_screen(screen)

    def action_broker(self, broker_id: str) -> None:
        if self.session.catalog is not None and broker_id in self.session.catalog.by_id:
            from exposure.tui.screens.broker_screen import BrokerScreen

            self.push_screen(BrokerScreen(self.session, broker_id))

    # Saving and wiping ------------------------------------------------------------------

    def action_save(self) -> None:
        if self.session.source == "demo":
            self.notify(_("The demo person is fictional; there is nothing of yours to save."))
            return
        self.save_profile()

    @work(thread=True, exit_on_error=False, exclusive=True, group="vault")
    def save_profile(self) -> None:
        from exposure.profile.store import save_to_vault
        from exposure.tui.messages import ProfileSaved
        from exposure.tui.vault_bridge import session_vault

        session = self.session
        vault = session_vault(self, session, create=True)
        profile = session.profile
        save_to_vault(vault, profile)
        self.post_message(ProfileSaved(vault.path, vault.key_source, vault, profile))
        if session.unrecorded:
            self.record_unrecorded(vault)

    def record_unrecorded(self, vault: Vault) -> None:
        """Record the letters written before the profile was saved (in the save's thread)."""
        from exposure.app.requests import record_letters
        from exposure.tui.messages import LettersRecorded

        session = self.session
        letters, sent = list(session.unrecorded.values()), set(session.unrecorded_sent)
        done = record_letters(
            vault,
            letters,
            session.known_catalog,
            session.profile,
            today=session.today,
            sent=sent,
        )
        self.post_message(LettersRecorded(done.ids, done.added, done.sent, letters))

    def on_letters_recorded(self, event: LettersRecorded) -> None:
        if event.letters is None:
            return  # recorded by the preview screen, which said so
        session = self.session
        for letter in event.letters:
            session.unrecorded.pop(letter.broker_id, None)
            session.unrecorded_sent.discard(letter.broker_id)
            # Written again from the same preview, a letter is not recorded a second time.
            if any(letter is current for current in session.letters):
                session.recorded[letter.broker_id] = event.ids[letter.broker_id]
        self.notify(
            _(
                "Recorded in the ledger the {n} request(s) written before saving, {s} marked "
                "sent. Press L on the dashboard to follow them."
            ).format(n=len(event.added), s=event.sent),
            title=_("Ledger"),
            timeout=10,
        )

    def on_profile_saved(self, event: ProfileSaved) -> None:
        self.session.source = "saved"
        self.session.saved = event.profile
        self.session.vault = event.vault
        key = (
            _("its key is in this computer's password store")
            if event.key_source == "keyring"
            else _("it opens with your passphrase")
        )
        self.notify(
            _("Saved, encrypted, in {path}; {key}.").format(path=event.path, key=key),
            title=_("Saved"),
        )

    def action_wipe(self) -> None:
        from exposure.tui.dialogs.confirm_dialog import ConfirmDialog

        body = _(
            "This deletes the vault folder {path} and its key: your saved answers and details. "
            "It cannot be undone. Files you wrote elsewhere are not touched."
        ).format(path=self.session.vault_path)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.wipe_vault()

        self.push_screen(ConfirmDialog(_("Wipe saved data?"), body, _("Wipe")), confirmed)

    @work(thread=True, exit_on_error=False, exclusive=True, group="vault")
    def wipe_vault(self) -> None:
        from exposure.tui.messages import VaultWiped
        from exposure.vault.keyring_backend import backend
        from exposure.vault.store import wipe

        self.post_message(VaultWiped(wipe(self.session.vault_path, backend())))

    def on_vault_wiped(self, event: VaultWiped) -> None:
        self.session.vault = None
        if self.session.source == "saved":
            self.session.source = "new"
        done = _("Deleted the vault and its key.") if event.existed else _("Nothing was saved.")
        self.notify(done)

    # The report ------------------------------------------------------------------------

    def action_report(self) -> None:
        from exposure.tui.dialogs.path_dialog import PathDialog

        if self.session.audit is None:
            self.notify(_("Answer the questions or open the demo first."))
            return
        body = _(
            "Your estimate, what to do about each broker, your requests from the ledger if you "
            "saved a profile, and the sources. It never holds your name, address or any other "
            "identifying detail, so it can be printed or shared."
        )
        dialog = PathDialog(
            _("Export the report (PDF)"), body, Path.cwd() / "exposure-report.pdf", ".pdf"
        )
        self.push_screen(dialog, self._report_chosen)

    def _report_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.notify(_("Building the report…"), title=_("Report"))
            self.export_report(path)

    @work(thread=True, exit_on_error=False, exclusive=True, group="report")
    def export_report(self, path: Path) -> None:
        from exposure.app import requests as ledger
        from exposure.app.report import write_report
        from exposure.tui.messages import ReportWritten
        from exposure.tui.vault_bridge import session_vault

        session = self.session
        requests: list[Request] = []
        if session.source == "saved" and ledger.has_ledger(session.vault_path):
            requests = ledger.requests(session_vault(self, session), today=session.today)
        write_report(
            path,
            session.known_audit,
            session.known_catalog,
            requests=requests,
            today=session.today,
            words=session.words,
        )
        self.post_message(ReportWritten(path, len(requests)))

    def on_report_written(self, event: ReportWritten) -> None:
        with_requests = (
            _(" with {n} request(s) from the ledger").format(n=event.requests)
            if event.requests
            else ""
        )
        self.notify(
            _("Wrote the report{with_requests} to {path}.").format(
                with_requests=with_requests, path=event.path
            ),
            title=_("Done"),
            timeout=10,
        )

    # The language ------------------------------------------------------------------------

    def action_language(self) -> None:
        """Switch between English and Spanish; remembered for the next start (not personal)."""
        from exposure import language
        from exposure.settings import save_language

        other: Language = "en" if language.current() == "es" else "es"
        try:
            save_language(other)
        except OSError:
            self.notify(_("The language could not be saved; it applies to this run only."))
        self.switch_language = other
        self.exit()

    # Keys and the command palette ------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for name, title in SCREENS.items():
            yield SystemCommand(
                _("Go to: {title}").format(title=title),
                _("Open the {title} screen").format(title=title),
                lambda name=name: self.run_action(f"show('{name}')"),
            )
        yield SystemCommand(_("Open the demo"), _("The fictional demo person"), self.action_demo)
        yield SystemCommand(_("Save profile"), _("Encrypted, in the vault"), self.action_save)
        yield SystemCommand(
            _("Export the report (PDF)"),
            _("Your estimate, actions and requests; never your identity"),
            self.action_report,
        )
        yield SystemCommand(
            _("Wipe saved data"), _("Delete the vault and its key"), self.action_wipe
        )
        yield from super().get_system_commands(screen)


def create_app(
    *,
    catalog: Catalog | None = None,
    catalog_dir: Path | None = None,
    use_cache: bool = True,
    vault: Path | None = None,
    demo: bool = False,
    today: dt.date | None = None,
) -> ExposureApp:
    """The app, for the CLI and the tests alike. Tests pass a loaded catalog and a fixed date."""
    from exposure import paths

    session = Session(
        vault_path=vault or paths.data_dir(), today=today or dt.date.today(), catalog=catalog
    )
    return ExposureApp(session, catalog_dir=catalog_dir, use_cache=use_cache, demo=demo)

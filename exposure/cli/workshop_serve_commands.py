"""`exposure workshop serve` and `exposure workshop kiosk`: taking participants' answers live,
on their own phones over the local network or one after another at the facilitator's laptop."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING, TextIO

from exposure.cli.arguments import cli_path

if TYPE_CHECKING:
    from exposure.workshop.session import Tallies

DEFAULT_PORT = 8765


def build(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="a questionnaire participants answer on their own phones",
        description="Serve the questionnaire on the local network: participants scan a QR code, "
        "answer on their phones, see their estimate and download their papers; you see a live "
        "count and a print queue. The workshop file keeps only tallies, as with 'add'. "
        "Listens on 127.0.0.1 only unless --host names an interface's address.",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="the address of the interface to listen on, e.g. the laptop's hotspot address, or "
        "0.0.0.0 for all (default 127.0.0.1: this computer only)",
    )
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any)"
    )
    p.add_argument(
        "--tls",
        action="store_true",
        help="HTTPS with a self-signed certificate made for this run (phones will warn once)",
    )
    p.add_argument(
        "--poster",
        type=cli_path,
        metavar="FILE.pdf",
        help="also write the poster (address and QR code) to FILE.pdf",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="work participants' answers on N processes at once, so a roomful submitting "
        "together is served by every core (default: one per core, up to 4, on Linux; 0: in "
        "the server's own process)",
    )
    p.set_defaults(handler=serve)

    p = sub.add_parser(
        "kiosk",
        help="the terminal questionnaire for one participant after another",
        description="Run the terminal questionnaire in a loop on this computer, for venues where "
        "phones cannot reach the laptop: each participant answers, sees their estimate, and the "
        "next one starts afresh. The workshop file keeps only tallies, as with 'add'.",
    )
    p.add_argument("file", type=cli_path, metavar="WORKSHOP.json")
    p.set_defaults(handler=kiosk)


def serve(args: argparse.Namespace) -> int:
    import contextlib
    import datetime as dt
    import socket

    from exposure import language
    from exposure.atomic import write_atomic
    from exposure.cli.session import load_catalog
    from exposure.errors import UsageError
    from exposure.i18n import _
    from exposure.web import i18n as web_i18n
    from exposure.web.app import Secrets, create_app
    from exposure.web.poster import poster_pdf, terminal_qr
    from exposure.web.server import reachable_address, self_signed, server, settle, url_host
    from exposure.web.workers import can_fork, default_count
    from exposure.workshop import session

    if args.jobs is not None and args.jobs < 0:
        raise UsageError(_("--jobs: give a number of processes, 0 or more"))
    if args.jobs and not can_fork():
        raise UsageError(
            _("--jobs: this system cannot share the catalog with other processes; leave it out")
        )
    tallies = session.load(args.file)
    if tallies.closed:
        raise session.WorkshopError(_("this workshop is closed; start a new one"))
    catalog = load_catalog(args)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            _(
                "cannot listen on {host} port {port} ({reason}); is another server running, "
                "or is the address not this computer's?"
            ).format(host=args.host, port=args.port, reason=exc.strerror)
        ) from None
    sock.listen(128)  # phones that arrive before uvicorn is up wait instead of being refused
    port = sock.getsockname()[1]
    address = reachable_address(args.host)
    secrets = Secrets()
    with self_signed(address) if args.tls else contextlib.nullcontext() as cert:
        base = f"{'https' if cert else 'http'}://{url_host(address)}:{port}"
        join_url = base + secrets.join_path()
        fingerprint = cert.fingerprint if cert else None
        live = LiveCount(sys.stdout)
        lang = language.current() if web_i18n.available(language.current()) else "en"
        app = create_app(
            args.file,
            catalog,
            secrets=secrets,
            today=dt.date.today(),
            base_url=base,
            on_count=live.show,
            workers=default_count() if args.jobs is None else args.jobs,
            lang=lang,
        )
        if args.poster:
            poster = poster_pdf(join_url, tallies.name, fingerprint=fingerprint, lang=lang)
            write_atomic(args.poster, poster)
        facilitator = f"{base}{secrets.facilitator_path()}"
        print(_("Workshop '{name}': participants open").format(name=tallies.name))
        print(f"\n  {join_url}\n")
        print(terminal_qr(join_url))
        print(_("Facilitator page (keep it to yourself): {url}").format(url=facilitator))
        print(_("Poster to print or project: {url}").format(url=f"{facilitator}poster.pdf"))
        if fingerprint:
            print(
                _("Certificate fingerprint (SHA-256): {fingerprint}").format(
                    fingerprint=fingerprint
                )
            )
        if args.host in ("127.0.0.1", "::1", "localhost"):
            print(_("Listening on this computer only: use --host to let phones reach it."))
        print(_("No request is logged. Press Ctrl+C to stop."), flush=True)
        live.show(tallies)
        settle()
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl+C once stopped
            server(app, args.host, port, certificate=cert).run(sockets=[sock])
        live.end()
    after = session.load(args.file)
    print(
        _(
            "Stopped. {n} participant(s) counted in {file}; nothing else was kept. Close the "
            "workshop with 'exposure workshop close'."
        ).format(n=after.participants, file=args.file)
    )
    return 0


class LiveCount:
    """The facilitator's live count in the terminal: one line, rewritten in place as
    participants are counted (a new line each time when the output is not a terminal). It
    shows the tallies' two totals, nothing about anyone."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.inline = out.isatty()
        self.shown = False
        self._lock = threading.Lock()

    def show(self, tallies: Tallies) -> None:
        from exposure.i18n import ngettext

        n, letters = tallies.participants, tallies.letters
        people = ngettext(
            "Counted so far: {n} participant", "Counted so far: {n} participants", n
        ).format(n=n)
        line = f"{people}, " + ngettext("{n} letter", "{n} letters", letters).format(n=letters)
        with self._lock:
            if self.inline:
                self.out.write(f"\r\x1b[K{line}")
            else:
                self.out.write(line + "\n")
            self.out.flush()
            self.shown = True

    def end(self) -> None:
        with self._lock:
            if self.inline and self.shown:
                self.out.write("\n")
                self.out.flush()


def kiosk(args: argparse.Namespace) -> int:
    from exposure.cli.main import open_kiosk

    return open_kiosk(args)

"""Shared pieces for the web questionnaire's tests: a real server on 127.0.0.1, and a small
client that reads forms the way a browser sends them."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from broker_catalog.catalog import Catalog
from exposure.web.app import Secrets, create_app
from exposure.web.security import Limits
from exposure.web.server import in_background
from exposure.workshop import session

TODAY = dt.date(2026, 11, 22)
FORM = {"content-type": "application/x-www-form-urlencoded"}
# A fictional participant's answers (life facts only).
ANSWERS: list[tuple[str, str]] = [
    ("state", "CA"),
    ("past_states", "TX"),
    ("past_states", "NV"),
    ("housing", "renter_own_lease"),
    ("utility_electric", "yes"),
    ("utility_gas", "no"),
    ("credit_history", "none"),
    ("drivers_licence", "unknown"),
]


@dataclass
class Live:
    base: str
    secrets: Secrets
    workshop: Path
    client: httpx.Client

    @property
    def join(self) -> str:
        return self.base + self.secrets.join_path()

    @property
    def facilitator(self) -> str:
        return self.base + self.secrets.facilitator_path()

    def token(self, lang: str = "en") -> str:
        page = self.client.get(f"{self.join}{lang}/")
        return field(page.text, "form_token")

    def post(self, url: str, pairs: Sequence[tuple[str, str]], **headers: str) -> httpx.Response:
        return self.client.post(url, content=urlencode(list(pairs)), headers={**FORM, **headers})

    def submit(self, pairs: Sequence[tuple[str, str]] = ANSWERS) -> httpx.Response:
        return self.post(f"{self.join}en/", [("form_token", self.token()), *pairs])

    def participants(self) -> int:
        return session.load(self.workshop).participants


def field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"no field {name}"
    return found.group(1)


def hidden(html: str, action: str) -> list[tuple[str, str]]:
    """The hidden fields of the form posting to ``action`` (a results page's forms)."""
    start = html.index(f'action="{action}"')
    form = html[start : html.index("</form>", start)]
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)


@contextmanager
def live_server(
    tmp_path: Path,
    catalog: Catalog,
    *,
    limits: Limits | None = None,
    name: str = "Library",
    lang: str = "en",
) -> Iterator[Live]:
    workshop = tmp_path / "workshop.json"
    if not workshop.exists():
        session.start(workshop, name=name, threshold=5, today=TODAY)
    secrets = Secrets()
    app = create_app(workshop, catalog, secrets=secrets, limits=limits, today=TODAY, lang=lang)
    with in_background(app) as base, httpx.Client(timeout=60) as client:
        yield Live(base, secrets, workshop, client)


@dataclass
class Serving:
    """``exposure workshop serve`` running as a facilitator runs it, in its own process."""

    proc: subprocess.Popen[str]
    text: str  # what it printed up to its "Press Ctrl+C" line

    @property
    def join(self) -> str:
        found = re.search(r"(http://127\.0\.0\.1:\d+/j/[\w-]+/)", self.text)
        assert found, self.text
        return found.group(1)

    def workers(self) -> list[int]:
        """The server's child processes (Linux)."""
        tasks = Path(f"/proc/{self.proc.pid}/task")
        return sorted(int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split())

    def stop(self) -> tuple[str, str]:
        """Ctrl+C, as at the end of a workshop: what it printed afterwards, and its errors."""
        self.proc.send_signal(signal.SIGINT)
        return self.proc.communicate(timeout=60)


@contextmanager
def serving(workshop: Path, *options: str, lang: str = "en") -> Iterator[Serving]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "exposure.cli.main", "--lang", lang, "workshop", "serve"]
    command.append(str(workshop))
    proc = subprocess.Popen(
        [*command, "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=workshop.parent,
    )
    try:
        assert proc.stdout is not None
        text = ""
        for line in proc.stdout:
            text += line
            if "Ctrl+C" in line:  # the last line before serving, in either language
                break
        yield Serving(proc, text)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def cpu_ticks(pid: int) -> int:
    """CPU a process has used so far, in clock ticks (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def gone(pid: int) -> bool:
    """The process has ended (a zombie not yet reaped counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")

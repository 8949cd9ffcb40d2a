"""Shared pieces for the web questionnaire's tests: a real server on 127.0.0.1, and a small
client that reads forms the way a browser sends them."""

from __future__ import annotations

import datetime as dt
import re
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
    tmp_path: Path, catalog: Catalog, *, limits: Limits | None = None, name: str = "Library"
) -> Iterator[Live]:
    workshop = tmp_path / "workshop.json"
    if not workshop.exists():
        session.start(workshop, name=name, threshold=5, today=TODAY)
    secrets = Secrets()
    app = create_app(workshop, catalog, secrets=secrets, limits=limits, today=TODAY)
    with in_background(app) as base, httpx.Client(timeout=60) as client:
        yield Live(base, secrets, workshop, client)

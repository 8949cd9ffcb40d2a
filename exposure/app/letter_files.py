"""Turning drafted letters into files and e-mails: one path for the CLI and the terminal app.

Files are 0600 in a 0700 folder, named from catalog ids (checked slugs), never outside that
folder. The terminal app calls this from thread workers: PDF builds are slow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exposure.app.output import OutputError, inside, private_folder, write_file

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.letters.agent import Agent
    from exposure.letters.draft import Letter
    from exposure.profile.model import Identity

__all__ = ["EXTENSIONS", "FORMATS", "Format", "OutputError", "Written", "write_letters"]

Format = Literal["pdf", "eml", "txt", "guide"]
FORMATS: tuple[Format, ...] = ("pdf", "eml", "txt", "guide")
EXTENSIONS: dict[Format, str] = {"pdf": "pdf", "eml": "eml", "txt": "txt", "guide": "guide.txt"}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Written:
    """The files written, and the letters that got no e-mail draft (broker ids)."""

    paths: tuple[Path, ...]
    no_email: tuple[str, ...]


def sender(identity: Identity | None) -> tuple[str, str] | None:
    """The e-mail sender (name, address), or None when the identity has no e-mail."""
    if identity is None or not identity.full_name or not identity.emails:
        return None
    return identity.full_name, identity.emails[0]


def render(
    fmt: Format,
    letter: Letter,
    catalog: Catalog,
    identity: Identity | None,
    *,
    agent: Agent | None = None,
) -> bytes | None:
    """One letter in one format; None when that format does not apply (no e-mail known)."""
    if fmt == "pdf":
        from exposure.pdf.letters import pdf_bytes

        return pdf_bytes([letter])
    if fmt == "txt":
        from exposure.letters.text import letter_text

        return letter_text(letter).encode("utf-8")
    if fmt == "guide":
        from exposure.letters.guide import guide_text

        return guide_text(letter, catalog.by_id[letter.broker_id]).encode("utf-8")
    message = email_for(letter, identity, agent=agent)
    return bytes(message) if message is not None else None


def email_for(
    letter: Letter, identity: Identity | None, *, agent: Agent | None = None
) -> EmailMessage | None:
    """The e-mail draft, or None when the broker takes no e-mail or the sender has none. An
    agent's letter is sent from the agent's address."""
    from exposure.mail.message import EmailError, build_email

    if agent is not None and letter.agent and agent.email:
        who: tuple[str, str] | None = (agent.name, agent.email)
    else:
        who = sender(identity)
    if who is None or not letter.email_to:
        return None
    try:
        return build_email(letter, *who)
    except EmailError:
        return None


def write_letters(
    folder: Path,
    letters: Sequence[Letter],
    formats: Sequence[Format],
    catalog: Catalog,
    identity: Identity | None,
    *,
    agent: Agent | None = None,
    merge: bool = False,
    progress: Progress | None = None,
) -> Written:
    """Write every letter in every format, plus the agent's authorization packet when letters
    go as an agent, and one merged PDF for printing when asked; progress as (done, total)."""
    out = private_folder(folder)
    paths: list[Path] = []
    no_email: list[str] = []
    total = len(letters) * len(formats)
    done = 0
    for letter in letters:
        for fmt in formats:
            data = render(fmt, letter, catalog, identity, agent=agent)
            if data is not None:
                name = f"{letter.broker_id}-{letter.kind}.{EXTENSIONS[fmt]}"
                paths.append(write_file(inside(out, name), data))
            else:
                no_email.append(letter.broker_id)
            done += 1
            if progress is not None:
                progress(done, total)
    if agent is not None and any(letter.agent for letter in letters):
        from exposure.pdf.packet import authorization_pdf

        person = identity.full_name if identity else None
        packet = authorization_pdf(agent, person or "", letters, catalog)
        paths.append(write_file(inside(out, "agent-authorization.pdf"), packet))
    if merge and letters:
        from exposure.pdf.letters import pdf_bytes

        merged = pdf_bytes(letters, guide_page=False)
        paths.append(write_file(inside(out, "all-letters.pdf"), merged))
    return Written(tuple(paths), tuple(no_email))

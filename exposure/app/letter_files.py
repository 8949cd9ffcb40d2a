"""Turning drafted letters into files and e-mails: one path for the CLI and the terminal app.

Files are 0600 in a 0700 folder, named from catalog ids (checked slugs), never outside that
folder. The terminal app calls this from thread workers: PDF builds are slow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exposure.errors import ExposureError

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.letters.agent import Agent
    from exposure.letters.draft import Letter
    from exposure.profile.model import Identity

Format = Literal["pdf", "eml", "txt", "guide"]
FORMATS: tuple[Format, ...] = ("pdf", "eml", "txt", "guide")
EXTENSIONS: dict[Format, str] = {"pdf": "pdf", "eml": "eml", "txt": "txt", "guide": "guide.txt"}
Progress = Callable[[int, int], None]


class OutputError(ExposureError):
    """A file could not be written where the person asked."""


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


def inside(folder: Path, name: str) -> Path:
    """Defence in depth: never write outside the chosen folder, whatever the name."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or "/" in name or name.startswith("."):
        raise OutputError(f"refusing to write {name!r} outside {folder}")
    return path


def write_letters(
    folder: Path,
    letters: Sequence[Letter],
    formats: Sequence[Format],
    catalog: Catalog,
    identity: Identity | None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write every letter in every format; report progress as (done, total)."""
    from exposure.atomic import ensure_private_dir, write_atomic

    try:
        out = ensure_private_dir(folder.expanduser())
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror}") from None
    written: list[Path] = []
    total = len(letters) * len(formats)
    done = 0
    for letter in letters:
        for fmt in formats:
            data = render(fmt, letter, catalog, identity)
            if data is not None:
                path = inside(out, f"{letter.broker_id}-{letter.kind}.{EXTENSIONS[fmt]}")
                try:
                    write_atomic(path, data)
                except OSError as exc:
                    raise OutputError(f"cannot write {path.name}: {exc.strerror}") from None
                written.append(path)
            done += 1
            if progress is not None:
                progress(done, total)
    return written

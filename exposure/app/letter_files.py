"""Turning drafted letters into files and e-mails: one path for the CLI and the terminal app.

A batch is all or nothing. Every file is rendered in memory first (so a character no font can
print stops the batch before anything touches the disk); then the files go into a private
temporary folder beside the target and are moved into place. On an error or a kill the target
holds the old files or the new ones, never part of a batch.

Files are 0600 in a 0700 folder, named from catalog ids (checked slugs), never outside that
folder. The terminal app calls this from thread workers: PDF builds are slow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exposure.app.output import OutputError, inside, private_folder

if TYPE_CHECKING:
    from broker_catalog.catalog import Catalog
    from exposure.letters.agent import Agent
    from exposure.letters.draft import Letter
    from exposure.profile.model import Identity

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Format",
    "OutputError",
    "Written",
    "check_printable",
    "email_or_reason",
    "write_letters",
]

Format = Literal["pdf", "eml", "txt", "guide"]
FORMATS: tuple[Format, ...] = ("pdf", "eml", "txt", "guide")
EXTENSIONS: dict[Format, str] = {"pdf": "pdf", "eml": "eml", "txt": "txt", "guide": "guide.txt"}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Written:
    """The files written, and the letters that got no e-mail draft: (broker id, the true
    reason, in the e-mail layer's own words)."""

    paths: tuple[Path, ...]
    no_email: tuple[tuple[str, str], ...]


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
) -> bytes:
    """One letter in one format. Raises :class:`exposure.mail.message.EmailError`, with the
    reason, when an e-mail cannot be made (see :func:`email_or_reason`)."""
    if fmt == "pdf":
        from exposure.catalog_language import catalog_text
        from exposure.pdf.letters import pdf_bytes

        return pdf_bytes([letter], tr=catalog_text(catalog))
    if fmt == "txt":
        from exposure.letters.text import letter_text

        return letter_text(letter).encode("utf-8")
    if fmt == "guide":
        from exposure.catalog_language import catalog_text
        from exposure.letters.guide import guide_text

        broker = catalog.by_id[letter.broker_id]
        return guide_text(letter, broker, catalog_text(catalog)).encode("utf-8")
    message = email_or_reason(letter, identity, agent=agent)
    if isinstance(message, str):
        from exposure.mail.message import EmailError

        raise EmailError(message)
    return bytes(message)


def email_or_reason(
    letter: Letter, identity: Identity | None, *, agent: Agent | None = None
) -> EmailMessage | str:
    """The e-mail draft, or the true reason there is none: no address takes this request, no
    sender address, or a value that would forge a header (the e-mail layer's own refusal). An
    agent's letter is sent from the agent's address."""
    from exposure.mail.message import EmailError, build_email

    if agent is not None and letter.agent and agent.email:
        who: tuple[str, str] | None = (agent.name, agent.email)
    else:
        who = sender(identity)
    if who is None:
        from exposure.i18n import _

        return _("the profile has no name and e-mail address to send from")
    try:
        return build_email(letter, *who)
    except EmailError as exc:
        return exc.message


def email_for(
    letter: Letter, identity: Identity | None, *, agent: Agent | None = None
) -> EmailMessage | None:
    """The e-mail draft, or None (:func:`email_or_reason` says why)."""
    message = email_or_reason(letter, identity, agent=agent)
    return None if isinstance(message, str) else message


def check_printable(letters: Sequence[Letter]) -> None:
    """Refuse the batch, before anything is written, if any value has a character that no
    bundled font can print."""
    from exposure.pdf.fonts import check_printable as check

    for letter in letters:
        check(
            [
                *letter.sender,
                *letter.recipient,
                letter.subject,
                *letter.paragraphs,
                *(value for pair in letter.identity for value in pair),
                letter.signer,
                *letter.enclosures,
                *letter.steps,
            ]
        )


def publish(folder: Path, files: dict[str, bytes]) -> tuple[Path, ...]:
    """Write ``files`` into ``folder`` all at once: into a private temporary folder beside it,
    then moved into place (one rename when the folder is new; otherwise one atomic rename per
    file). A failure leaves the folder as it was."""
    import os
    import shutil
    import tempfile

    from exposure.i18n import _

    target = folder.expanduser()
    if target.exists() and not target.is_dir():
        raise OutputError(
            _("{path} is a file, not a folder; choose a folder to write into").format(path=target)
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise OutputError(
            _("cannot create the folder {path}: {problem}").format(
                path=target, problem=exc.strerror
            )
        ) from None
    try:
        staging.chmod(0o700)
        for name, data in files.items():
            fd = os.open(inside(staging, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if not target.exists():
            staging.rename(target)
            return tuple(target / name for name in files)
        out = private_folder(target)
        paths = []
        for name in files:
            (staging / name).replace(inside(out, name))
            paths.append(out / name)
        return tuple(paths)
    except OSError as exc:
        raise OutputError(
            _("cannot write into {path}: {problem}").format(path=target, problem=exc.strerror)
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
    go as an agent, and one merged PDF for printing when asked; progress as (done, total).
    All or nothing: everything is rendered before anything is written."""
    from exposure.mail.message import EmailError

    if "pdf" in formats or merge:
        check_printable(letters)
    files: dict[str, bytes] = {}
    no_email: list[tuple[str, str]] = []
    total = len(letters) * len(formats)
    done = 0
    for letter in letters:
        for fmt in formats:
            try:
                data = render(fmt, letter, catalog, identity, agent=agent)
                files[f"{letter.broker_id}-{letter.kind}.{EXTENSIONS[fmt]}"] = data
            except EmailError as exc:
                no_email.append((letter.broker_id, exc.message))
            done += 1
            if progress is not None:
                progress(done, total)
    if agent is not None and any(letter.agent for letter in letters):
        from exposure.pdf.packet import authorization_pdf

        person = identity.full_name if identity else None
        files["agent-authorization.pdf"] = authorization_pdf(agent, person or "", letters, catalog)
    if merge and letters:
        from exposure.pdf.letters import pdf_bytes

        files["all-letters.pdf"] = pdf_bytes(letters, guide_page=False)
    files.update(_companion(letters, catalog))
    return Written(publish(folder, files), tuple(no_email))


def _companion(letters: Sequence[Letter], catalog: Catalog) -> dict[str, bytes]:
    """Letters stay in English; a reader of another language gets one companion page per
    letter, in their language, in one file for the batch."""
    from exposure import language

    if language.current() == "en" or not letters:
        return {}
    from exposure.i18n import _
    from exposure.pdf.companion import companion_pdf

    return {_("companion-sheets.pdf"): companion_pdf(letters, catalog)}

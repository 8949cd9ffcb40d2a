"""The CLI keeps copies of some names so `--help` need not import the modules defining them;
each copy must equal its source, or a choice the CLI offers would fail (or one would be
missing)."""

from __future__ import annotations

from typing import get_args

from broker_catalog.importers.parsing import FORMATS as IMPORT_FORMATS
from exposure.app.letter_files import FORMATS as LETTER_FORMATS
from exposure.app.requests import FOLLOWUP_FORMATS
from exposure.cli import catalog_commands, letters_commands, requests_commands
from exposure.ledger.lifecycle import DenialReason, Status
from exposure.letters.regime import Kind
from exposure.mail.smtp import Security


def test_request_kinds_and_formats_match_the_letters_package() -> None:
    assert set(letters_commands.KINDS) == set(get_args(Kind))
    assert set(letters_commands.FORMATS) == set(LETTER_FORMATS)
    assert set(letters_commands.SECURITY) == set(get_args(Security))


def test_statuses_a_person_can_mark_are_every_status_but_drafted() -> None:
    assert set(requests_commands.STATUSES) == {s.value for s in Status} - {"drafted"}
    assert set(requests_commands.REASONS) == {r.value for r in DenialReason}
    assert set(requests_commands.FOLLOWUP_FORMATS) == set(FOLLOWUP_FORMATS)


def test_registry_formats_match_the_importers() -> None:
    assert set(catalog_commands.REGISTRY_FORMATS) == set(IMPORT_FORMATS)

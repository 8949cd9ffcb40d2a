"""The application's limits on what it reads (the catalog's own are in broker_catalog.limits).

Checked before any work starts, so an oversized input is refused with one sentence and nothing
is written. The figures are listed in docs/threat-model.md.
"""

from __future__ import annotations

from broker_catalog.limits import KIB, MAX_DEPTH, MAX_LIST, MIB

#: A profile file (JSON or TOML). A full real profile is about 2 KiB.
MAX_PROFILE_FILE = 256 * KIB
#: A workshop participants CSV (a row of every fact is about 300 bytes).
MAX_PARTICIPANTS_CSV = 2 * MIB
#: Rows one ``exposure workshop add`` accepts; each row prints a participant's papers.
MAX_ROWS_PER_ADD = 500
#: Participants one workshop file may count in all.
MAX_PARTICIPANTS = 20_000
#: A workshop file (anonymous tallies only; a real one is a few KiB).
MAX_WORKSHOP_FILE = 1 * MIB
#: A sealed vault document.
MAX_VAULT_DOCUMENT = 16 * MIB
#: An e-mail draft in the ``send`` folder.
MAX_EML_FILE = 1 * MIB

__all__ = [
    "MAX_DEPTH",
    "MAX_EML_FILE",
    "MAX_LIST",
    "MAX_PARTICIPANTS",
    "MAX_PARTICIPANTS_CSV",
    "MAX_PROFILE_FILE",
    "MAX_ROWS_PER_ADD",
    "MAX_VAULT_DOCUMENT",
    "MAX_WORKSHOP_FILE",
]

"""Importers for state data broker registries (California CPPA and AG, Vermont) and The
Markup's opt-out page list.

>>> report = import_registry("vt", Path("vt-registry-2021.csv"), root, today=date.today(),
...                          dry_run=True)  # doctest: +SKIP
>>> print(report.render(diff=True))  # doctest: +SKIP

Each file becomes one record per broker (quality "imported"); records that already exist are
updated only in the fields the importer owns, and hand-written records keep what people wrote.
See :mod:`.matching`, :mod:`.dedupe`, :mod:`.merge` and :mod:`.families` for the rules.
"""

from broker_catalog.importers.importer import import_registry
from broker_catalog.importers.parsing import FORMATS, ParsedFile, parse_registry
from broker_catalog.importers.problems import HeldBack, RowProblem
from broker_catalog.importers.report import BrokerChange, FileChange, ImportReport
from broker_catalog.importers.sources import REGISTRIES, Registry

__all__ = [
    "FORMATS",
    "REGISTRIES",
    "BrokerChange",
    "FileChange",
    "HeldBack",
    "ImportReport",
    "ParsedFile",
    "Registry",
    "RowProblem",
    "import_registry",
    "parse_registry",
]

"""Corporate families whose registrants stay separate records linked by ``parent``.

Decision: one record per registrant. TransUnion files under eight entities in the 2025 CPPA
registry (all giving transunion.com) and LexisNexis Risk Solutions under several, but each
entity registers, answers the FCRA/GLBA questions and reports its request counts on its own,
and an opt-out filed with one does not reach the others. Merging them would blur exactly what
a person needs to know, so they stay apart and point at the operating company with ``parent``.

The table is deliberately short and written by hand: a parent link is a claim about ownership,
and no registry states it. Keys are :func:`names.name_key` values.
"""

from __future__ import annotations

#: member name key -> parent name key
PARENTS: dict[str, str] = {
    # TransUnion's registrants; Trans Union LLC is the consumer reporting agency itself.
    "transunioncontentsolutions": "transunion",
    "transuniondigital": "transunion",
    "transunionriskandalternativedatasolutions": "transunion",
    "transunioninteractive": "transunion",
    "truoptikdata": "transunion",
    "trusignal": "transunion",
    "neustar": "transunion",
    # LexisNexis Risk Solutions' Florida entity (formerly Seisint/Accurint).
    "lexisnexisrisksolutionsfl": "lexisnexisrisksolutions",
    # eXelate files separately but sells as Nielsen Marketing Cloud.
    "exelate": "nielsen",
}

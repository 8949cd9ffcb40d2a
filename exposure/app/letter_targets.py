"""What a person may send letters to, and which identity fields those letters need.

The default targets come from one pure rule (exposure.engine.targets.letter_targets); this adds
what a surface offers beyond them, and the details the chosen brokers need.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.schema import IdentityField, Likelihood
from exposure.engine.result import Audit
from exposure.engine.targets import letter_targets

# Fields a person types for letters, in the order forms show them. Numbers we never store (SSN,
# licence, advertising ID) and enclosures are left blank on the printed letter.
TYPED_FIELDS = (
    IdentityField.FULL_NAME,
    IdentityField.FORMER_NAMES,
    IdentityField.POSTAL_ADDRESS,
    IdentityField.EMAIL,
    IdentityField.PHONE,
    IdentityField.DATE_OF_BIRTH,
)
OPTIONAL_FIELDS = frozenset({IdentityField.FORMER_NAMES})


def request_candidates(audit: Audit, catalog: Catalog) -> list[str]:
    """What a person may choose from: the plan's letter brokers first, then every other likely
    or possible broker that can be written to."""
    planned = letter_targets(audit)
    chosen = set(planned)
    others = [
        b.id
        for b in audit.brokers
        if b.id not in chosen
        and b.likelihood in (Likelihood.LIKELY, Likelihood.POSSIBLE)
        and has_route(catalog, b.id)
    ]
    return planned + others


def has_route(catalog: Catalog, broker_id: str) -> bool:
    broker = catalog.by_id[broker_id]
    opt = broker.opt_out
    return broker.legal.fcra == "yes" or (opt is not None and opt.available in ("yes", "partial"))


def needed_identity(catalog: Catalog, broker_ids: list[str]) -> list[IdentityField]:
    """The identity fields the chosen brokers need, in form order, plus what every letter
    needs to be answered: the person's name (for the sender block and the signature) and one
    reply address. When no broker needs a postal address or an e-mail, the form asks for the
    e-mail, which tells a broker less than where the person lives."""
    from exposure.letters.identity import needed_fields

    wanted = {f for b in broker_ids for f in needed_fields(catalog.by_id[b])}
    if IdentityField.PAST_ADDRESSES in wanted:
        wanted.add(IdentityField.POSTAL_ADDRESS)
    if broker_ids:
        wanted.add(IdentityField.FULL_NAME)
        if not wanted & {IdentityField.POSTAL_ADDRESS, IdentityField.EMAIL}:
            wanted.add(IdentityField.EMAIL)
    return [f for f in TYPED_FIELDS if f in wanted]

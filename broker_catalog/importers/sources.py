"""The registries an import can read, and the exact ``Source`` each one is cited as.

Every imported fact cites one of these sources, so a reader can go back to the filing. The
``precedence`` orders them for conflicts: when two filings disagree about the same field, the
newer filing wins, and between filings of the same year the official registry beats a copy or a
derived data set. An older filing only fills gaps, so importing files in any order converges.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from broker_catalog.schema import Source

State = Literal["CA", "VT", "OR", "TX"]


@dataclass(frozen=True, slots=True)
class Registry:
    """One importable file format and what it is evidence of."""

    fmt: str
    source: Source
    state: State
    year: int
    rank: int  # tie-break between filings of the same year: higher is more authoritative
    is_registry: bool  # False for data sets about registrants that are not a registry themselves

    @property
    def precedence(self) -> tuple[int, int]:
        return (self.year, self.rank)


CA_CPPA_2025 = Registry(
    fmt="ca-cppa",
    source=Source(
        id="ca-cppa-registry-2025",
        url="https://cppa.ca.gov/data_broker_registry/",
        publisher="California Privacy Protection Agency",
        title="Data Broker Registry (2025 filings)",
        published="2025",
    ),
    state="CA",
    year=2025,
    rank=3,
    is_registry=True,
)

VT_2021 = Registry(
    fmt="vt",
    source=Source(
        id="vt-registry-2021",
        url="https://bizfilings.vermont.gov/online/DatabrokerInquire/DataBrokerSearch",
        publisher="Vermont Secretary of State",
        title="Data Broker Registry (2021 filings)",
        published="2021",
    ),
    state="VT",
    year=2021,
    rank=1,
    is_registry=True,
)

CA_AG_2021 = Registry(
    fmt="ca-ag",
    source=Source(
        id="ca-ag-registry-2021",
        url="https://github.com/the-markup/investigation-data-broker-lobbying",
        publisher="The Markup (copy of the California Attorney General's registry)",
        title="California data broker registry, 2020-2021",
        published="2021",
    ),
    state="CA",
    year=2021,
    rank=0,
    is_registry=True,
)

OPT_OUT_PAGES_2025 = Registry(
    fmt="opt-out-pages",
    source=Source(
        id="markup-opt-out-pages-2025",
        url="https://github.com/the-markup/investigation-data-broker-opt-out-pages",
        publisher="The Markup",
        title="Data broker opt-out pages (2025)",
        published="2025",
    ),
    state="CA",
    year=2025,
    rank=2,
    is_registry=False,
)

REGISTRIES: dict[str, Registry] = {
    r.fmt: r for r in (CA_CPPA_2025, VT_2021, CA_AG_2021, OPT_OUT_PAGES_2025)
}
BY_SOURCE_ID: dict[str, Registry] = {r.source.id: r for r in REGISTRIES.values()}

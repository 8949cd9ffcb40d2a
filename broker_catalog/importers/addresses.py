"""Postal addresses as lines a letter can be addressed with.

Each registry stores addresses differently: the CPPA file in separate columns, Vermont as one
comma-separated string, and the Attorney General's export with the lines run together without
any separator ("2655 Warrenville RdSuite 200Downers Grover, IL 60515United States"). Where the
lines cannot be told apart reliably the address is kept as one line: a run-together line is
still correct, a wrong split is not.
"""

from __future__ import annotations

import re

from broker_catalog.importers import cells

COUNTRIES = (
    "United States of America", "United States", "USA", "U.S.A.", "US", "Canada",
    "United Kingdom", "UK", "Germany", "France", "Netherlands", "Ireland", "Israel", "India",
    "Singapore", "Australia", "New Zealand", "Spain", "Italy", "Japan", "Switzerland",
    "Sweden", "Denmark", "Belgium", "Luxembourg", "Poland", "Brazil", "Mexico", "UAE",
    "United Arab Emirates", "Hong Kong", "China", "Estonia", "Finland", "Norway", "Austria",
)  # fmt: skip

_ZIP = r"\d{5}(?:\s*-\s*\d{4})?"
_CITY_LINE = re.compile(rf"^(?P<city>.+?),+\s*(?P<state>[A-Z]{{2}}),?\s+(?P<zip>{_ZIP})$")
_UNIT = (
    r"(?:Suite|Ste\b\.?|Floor|Fl\b\.?|Unit|Apt\b\.?|P\.?\s?O\.?\s?Box|Building|Bldg|Tower|Room|#)"
)
_GLUED_UNIT = re.compile(rf"(?<=[A-Za-z0-9.)])(?={_UNIT})")
_GLUE = re.compile(r"(?<=[a-z0-9.)])(?=[A-Z])")


def _cleaned(value: str) -> str | None:
    return None if cells.is_blank(value) else cells.clean(value)


def from_parts(street: str, city: str, state: str, postcode: str, country: str) -> tuple[str, ...]:
    """Lines from separate columns: street, "City, ST 12345", country. Blank parts are left out."""
    street_line = _cleaned(street)
    place = ", ".join(p for p in (_cleaned(city), _cleaned(state)) if p)
    code = _cleaned(postcode)
    if code and code.isdigit() and 3 <= len(code) < 5 and (_cleaned(state) or "").isalpha():
        code = code.zfill(5)  # a spreadsheet stored the ZIP as a number and lost leading zeros
    place_line = f"{place} {code}".strip() if code else place
    lines = [street_line, place_line, _cleaned(country)]
    return tuple(" ".join(line.split()) for line in lines if line)


def from_free_text(value: str) -> tuple[str, ...]:
    """An address typed as free text: one line per non-empty line of the answer."""
    text = _cleaned(value)
    if text is None:
        return ()
    return tuple(line.strip(" ,") for line in text.split("\n") if line.strip(" ,"))


def from_commas(value: str) -> tuple[str, ...]:
    """Vermont's "street, city, ST, zip, country" as lines; other shapes stay one line."""
    text = _cleaned(value)
    if text is None:
        return ()
    parts = [p.strip() for p in cells.one_line(text).split(",") if p.strip()]
    if len(parts) >= 5 and re.fullmatch(_ZIP, parts[-2]) and re.fullmatch(r"[A-Z]{2}", parts[-3]):
        postcode = re.sub(r"\s*-\s*", "-", parts[-2])
        return (", ".join(parts[:-4]), f"{parts[-4]}, {parts[-3]} {postcode}", parts[-1])
    return (cells.one_line(text),)


def from_run_together(value: str) -> tuple[str, ...]:
    """Split the Attorney General's run-together address where the joins are unambiguous.

    The country is peeled off the end, then "City, ST 12345"; the city starts where a lower-case
    letter or digit runs straight into a capital. Street and suite are split only before a known
    unit word ("Suite", "Ste", "Floor", "#"), because capitals inside names ("McDonald") would
    otherwise be split too.
    """
    text = _cleaned(value)
    if text is None:
        return ()
    rest = cells.one_line(text)
    country = ""
    for name in sorted(COUNTRIES, key=len, reverse=True):
        if rest.endswith(name) and len(rest) > len(name):
            rest, country = rest[: -len(name)].rstrip(" ,"), name
            break
    lines: list[str] = []
    head = rest
    glues = list(_GLUE.finditer(rest))
    for glue in reversed(glues):
        match = _CITY_LINE.match(rest[glue.start() :])
        if match:
            head = rest[: glue.start()]
            postcode = re.sub(r"\s+", "", match["zip"])
            lines = [f"{match['city'].strip()}, {match['state']} {postcode}"]
            break
    street = [p.strip(" ,") for p in _GLUED_UNIT.split(head) if p.strip(" ,")]
    if not lines:
        street = [head.strip(" ,")] if head.strip(" ,") else []
    result = [*street, *lines, *([country] if country else [])]
    return tuple(line for line in result if line)

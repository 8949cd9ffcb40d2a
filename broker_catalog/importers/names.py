"""Company names: the matching key, the stable id, and trade names hidden in a name cell.

Registries spell one company many ways ("ACXIOM LLC", "Acxiom LLC", "Trans Union  LLC" with two
spaces, "MCH, Inc. (DBA: MCH Strategic Data)"). Matching compares a key that ignores case,
punctuation, spacing, accents, a leading "The" and trailing legal forms; ids are slugs of the
same words so that a broker's id can be guessed from its name and never depends on file order
unless two names collide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from broker_catalog.importers import cells

#: Legal-form words dropped from the end of a name ("Acme Data Co., Inc." -> "acme data").
LEGAL_FORMS = frozenset(
    {
        "inc", "incorporated", "llc", "lc", "llp", "lllp", "lp", "pllc", "ltd", "limited",
        "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "sa", "sas", "sarl",
        "bv", "nv", "pty", "pte", "pvt", "srl", "ulc", "pc", "oy", "ab", "as", "spa", "kk",
    }
)  # fmt: skip

_DBA = re.compile(
    r"\s*(?:\(\s*)?\b(?:doing business as|formerly(?: known as)?|d[./]?b[./]?a|[af][./]?k[./]?a)"
    r"(?![A-Za-z0-9])\.?\s*:?\s*",
    re.IGNORECASE,
)
_GROUP_TAIL = re.compile(
    r",?\s+(?:and|&)\s+(?:its\s+)?(?:subsidiaries|affiliates)(?:\s*(?:/|and)\s*affiliates)?\s*$",
    re.IGNORECASE,
)
_INCORPORATION = re.compile(
    r",?\s+an?\s+[A-Za-z ]{2,30}?\s+(?:corporation|limited liability company|company|"
    r"partnership)\s*$",
    re.IGNORECASE,
)
_FORMERLY = re.compile(r"^(?:formerly|f/k/a|fka|previously)\b\s*:?\s*", re.IGNORECASE)
#: Dotted initials ("L.L.C.", "S.A.", "R. R.") are read as one word.
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.\s?){2,}")
_MAX_SLUG = 80


def split_name(cell: str) -> tuple[str, tuple[str, ...]]:
    """Split a name cell into the legal name and any trade names written into it.

    "Exponential Interactive, Inc. doing business as VDX.tv" -> ("Exponential Interactive, Inc.",
    ("VDX.tv",)). A trailing "and its subsidiaries/affiliates" stays in the legal name as filed.
    """
    name = cells.one_line(cell)
    parts = _DBA.split(name, maxsplit=1)
    if len(parts) == 2 and parts[0].strip(" ,") and parts[1].strip(" ()"):
        legal = parts[0].strip(" ,")
        brand = _tidy(parts[1])
        if brand and not _only_legal_form(brand):
            return legal, (brand,)
    return name, ()


def split_brands(cell: str) -> tuple[str, ...]:
    """Trade names from a DBA cell: comma, semicolon or line separated, "formerly" stripped.

    A comma before a legal form does not split ("L2, Inc" is one name), and "X DBA Y" yields
    both X and Y.
    """
    if cells.is_blank(cell):
        return ()
    pieces: list[str] = []
    for chunk in re.split(
        r"[\n;]|,(?!\s*(?:inc|llc|ltd|corp|co|lp|llp)\b\.?)", cells.clean(cell), flags=re.IGNORECASE
    ):
        for part in _DBA.split(chunk):
            brand = _tidy(_FORMERLY.sub("", _tidy(part)))
            if brand and not cells.is_blank(brand) and not _only_legal_form(brand):
                pieces.append(brand)
    return tuple(dict.fromkeys(pieces))


def _tidy(text: str) -> str:
    """Strip separators, and brackets or quotes only where they are left unbalanced."""
    text = text.strip(" ,")
    for opening, closing in (("(", ")"), ("\u201c", "\u201d")):
        if text.count(opening) != text.count(closing):
            text = text.strip(opening + closing + " ")
    if text.count('"') % 2:
        text = text.strip('" ')
    return text.strip(" ,")


def _only_legal_form(brand: str) -> bool:
    tokens = re.sub(r"[^a-z]+", " ", brand.lower()).split()
    return bool(tokens) and all(t in LEGAL_FORMS for t in tokens)


def words(name: str) -> list[str]:
    """The words that identify a company, lower-case ASCII, legal forms and "the" removed."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = _INCORPORATION.sub("", _GROUP_TAIL.sub("", ascii_name))
    text = _INITIALS.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    text = text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    tokens = re.sub(r"[^a-z0-9]+", " ", text).split()
    while len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in LEGAL_FORMS:
        tokens.pop()
    return tokens


def name_key(name: str) -> str:
    """Matching key: the identifying words run together, so "Trans Union" equals "TransUnion"."""
    return "".join(words(name))


def slug(name: str) -> str:
    """A readable id for a new record. Names with no ASCII letters get a hash-based id."""
    base = "-".join(words(name))
    if len(base) > _MAX_SLUG:
        base = base[:_MAX_SLUG].rsplit("-", 1)[0]
    if len(base) < 2:
        digest = hashlib.sha256(cells.one_line(name).encode()).hexdigest()[:10]
        base = f"broker-{base}-{digest}" if base else f"broker-{digest}"
    return base


def with_suffix(base: str, n: int) -> str:
    """The ``n``-th candidate id for ``base`` (n = 1 is ``base`` itself), kept within 80 chars."""
    if n == 1:
        return base
    tail = f"-{n}"
    return base[: _MAX_SLUG - len(tail)].rstrip("-") + tail

"""Turn one registry cell into a catalog value, or say exactly what was expected instead.

Registry answers are free text typed by brokers into web forms: "N/A", "n/a" and "NA" all mean
nothing was said, e-mails are obfuscated, websites lack a scheme. Each function here returns
``None`` for an empty answer and raises :class:`CellError` (naming what was expected) for an
answer it cannot read, so the caller can report the row and column instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from broker_catalog.schema import Tri

#: Answers that mean "nothing was said"; compared after stripping and case-folding.
BLANKS = frozenset(
    {"", "n/a", "na", "n.a.", "n/a.", "none", "null", "-", "--", "not applicable", "nan", "#n/a"}
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_EMAIL_LIKE = re.compile(r"[^\s,;:<>()\[\]\"']+@[^\s,;:<>()\[\]\"']+")
_AT = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.IGNORECASE)
_DOT = re.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_TLD = re.compile(r"^[a-z]{2,63}$")
_PHONE = re.compile(
    r"^\+?[0-9][0-9A-Z ().-]{6,20}(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$", re.IGNORECASE
)
_INT = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$|^[0-9]+$")
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})


class CellError(ValueError):
    """A cell holds something other than what its column asks for."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def clean(value: str) -> str:
    """Normalise line ends and invisible characters; keep paragraph breaks a person wrote.

    Control and zero-width characters are dropped because they can hide text from a reviewer
    (and some are not allowed in TOML); non-breaking spaces become spaces.
    """
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\u00a0", " "))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(value: str) -> str:
    """Collapse all whitespace, for names and other single-line values."""
    return " ".join(clean(value).split())


def is_blank(value: str) -> bool:
    return one_line(value).casefold().rstrip(".") in BLANKS or one_line(value).casefold() in BLANKS


def text(value: str) -> str | None:
    """Free text (a statement, a note) as filed, or ``None`` when the broker said nothing.

    Only line ends, invisible characters and the outer whitespace are normalised: statements
    are quoted, so the broker's own spacing stays.
    """
    if is_blank(value):
        return None
    quoted = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", quoted).strip() or None


def yes_no(value: str) -> Tri:
    """A Yes/No answer. Anything else is an error rather than a guess."""
    if is_blank(value):
        return "unknown"
    word = one_line(value).casefold().rstrip(".!")
    if word in _YES:
        return "yes"
    if word in _NO:
        return "no"
    raise CellError("Yes or No")


def email(value: str) -> str | None:
    """The first well-formed e-mail address in the cell, de-obfuscated (``name [at] domain``)."""
    if is_blank(value):
        return None
    plain = _DOT.sub(".", _AT.sub("@", one_line(value))).replace("mailto:", "")
    for found in _EMAIL_LIKE.findall(plain):
        candidate = str(found).strip(".")
        if _EMAIL.match(candidate):
            return candidate
    raise CellError("an e-mail address like name@example.org")


def phone(value: str) -> str | None:
    if is_blank(value):
        return None
    number = one_line(value)
    if not _PHONE.match(number):
        raise CellError("a phone number like 800-555-0100")
    return number


def first_https_url(value: str) -> str | None:
    """The first address of a cell that lists several websites ("a.com; b.com" or "a or b")."""
    if is_blank(value):
        return None
    first = re.split(r"[;,\s]+(?:or\s+)?", one_line(value), maxsplit=1)[0]
    return https_url(first)


def https_url(value: str) -> str | None:
    """An https URL with a well-formed host; a bare domain or an http:// link is upgraded.

    A website is identity, not a link we ask a person to type secrets into, so upgrading the
    scheme is safe; anything without a plain host name (user info, spaces, an IP literal,
    ``javascript:``) is refused rather than repaired.
    """
    if is_blank(value):
        return None
    raw = one_line(value)
    if " " in raw or "\\" in raw or any(ord(ch) > 127 for ch in raw):
        raise CellError("a web address like https://example.com/")
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme.lower() not in ("http", "https") or parts.username or parts.password:
        raise CellError("a web address like https://example.com/")
    host = (parts.hostname or "").rstrip(".")
    if not is_host(host):
        raise CellError("a web address like https://example.com/")
    try:
        port = parts.port
    except ValueError:
        raise CellError("a web address like https://example.com/") from None
    netloc = host if port is None else f"{host}:{port}"
    url = f"https://{netloc}{parts.path or '/'}"
    if parts.query:
        url += f"?{parts.query}"
    if parts.fragment:
        url += f"#{parts.fragment}"
    return url


def is_host(host: str) -> bool:
    """A DNS host name with at least two labels and an alphabetic top-level domain."""
    labels = host.lower().split(".")
    return (
        len(labels) >= 2
        and len(host) <= 253
        and all(_HOST_LABEL.match(label) for label in labels)
        and bool(_TLD.match(labels[-1]))
    )


def count(value: str) -> int | None:
    """A whole number of requests (``1,234`` is accepted; ``12.5`` and ``-1`` are not)."""
    if is_blank(value):
        return None
    number = one_line(value)
    if not _INT.match(number):
        raise CellError("a whole number")
    return int(number.replace(",", ""))


def days(value: str) -> float | None:
    """A number of days, possibly fractional (medians often are)."""
    if is_blank(value):
        return None
    number = one_line(value).replace(",", "")
    try:
        result = float(number)
    except ValueError:
        raise CellError("a number of days") from None
    if not 0 <= result <= 10_000 or result != result:
        raise CellError("a number of days between 0 and 10000")
    return result


def flag(value: str) -> Tri:
    """A TRUE/FALSE column of a data set (as opposed to a broker's own Yes/No answer)."""
    return yes_no(value)

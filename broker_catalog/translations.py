"""Catalog text in other languages, kept beside the English and checked against it.

The person-facing text of the catalog (questions, answer labels, category names, law summaries,
and every person-facing field of a broker record) is translated in ``i18n/<language>/``, one
file per English file::

    i18n/es/facts.toml            i18n/es/categories.toml       i18n/es/messages.toml
    i18n/es/groups.toml           i18n/es/brokers/<id>.toml     i18n/es/laws/<id>.toml
    i18n/es/government/<id>.toml

Each file is a list of ``[[text]]`` entries: the ``field`` it translates (``summary``,
``holdings[0].what``, ``housing.choices.owner.label``…), ``en``, the fingerprint of the English
text it was translated from, and ``text``, the translation. When the English changes, its
fingerprint no longer matches: the translation is *stale*, and :meth:`CatalogText.text` shows
the current English with a visible marker instead of an outdated translation.

Loading is all or nothing, like the catalog's: every file is checked, every problem is collected
with its file, line and field (never the text itself, which may be long or not yet reviewed),
and either a complete :class:`CatalogText` comes back or a :class:`CatalogError`.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from broker_catalog.catalog import Catalog
from broker_catalog.errors import CatalogError, Problem
from broker_catalog.government_schema import GovernmentSource
from broker_catalog.laws_schema import Law
from broker_catalog.schema import AlternativeGroup, Broker, Category, LifeFact, Quality

Kind = Literal["facts", "categories", "messages", "groups", "brokers", "laws", "government"]
State = Literal["translated", "stale", "missing"]

LANGUAGES: tuple[str, ...] = ("es",)
"""Languages the catalog is translated into (English is the catalog itself)."""

FALLBACK_MARKER: dict[str, str] = {"es": "[en inglés] "}
"""Put before English shown in place of a missing or stale translation, so it is never hidden."""

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_ENTRY_KEYS = frozenset({"field", "en", "text"})


def fingerprint(english: str) -> str:
    """The fingerprint a translation stores of the English it translates (16 hex digits)."""
    return hashlib.sha256(english.strip().encode("utf-8")).hexdigest()[:16]


def i18n_root(catalog_root: Path, language: str) -> Path:
    return catalog_root / "i18n" / language


# What is translatable: every person-facing text, by field path -----------------------------


def broker_texts(broker: Broker) -> dict[str, str]:
    """field path → English, for every person-facing text of a broker record."""
    out: dict[str, str] = {}
    if broker.summary:
        out["summary"] = broker.summary
    for i, h in enumerate(broker.holdings):
        out[f"holdings[{i}].what"] = h.what
        out[f"holdings[{i}].how"] = h.how
    for i, t in enumerate(broker.government_ties):
        out[f"government_ties[{i}].what"] = t.what
    for i, flow in enumerate(broker.flows):
        out[f"flows[{i}].what"] = flow.what
    opt = broker.opt_out
    if opt is not None:
        for i, m in enumerate(opt.methods):
            if m.covers:
                out[f"opt_out.methods[{i}].covers"] = m.covers
        for i, step in enumerate(opt.steps):
            out[f"opt_out.steps[{i}]"] = step
        if opt.cannot_opt_out != "unknown":
            out["opt_out.cannot_opt_out"] = opt.cannot_opt_out
        for i, alt in enumerate(opt.alternatives):
            out[f"opt_out.alternatives[{i}]"] = alt
    return out


def fact_texts(facts: Iterable[LifeFact]) -> dict[str, str]:
    """``<fact>.topic|question|why|because`` and ``<fact>.choices.<value>.label|because``."""
    out: dict[str, str] = {}
    for f in facts:
        out[f"{f.id}.topic"] = f.topic
        out[f"{f.id}.question"] = f.question
        out[f"{f.id}.why"] = f.why
        if f.because:
            out[f"{f.id}.because"] = f.because
        for c in f.choices:
            out[f"{f.id}.choices.{c.value}.label"] = c.label
            if c.because:
                out[f"{f.id}.choices.{c.value}.because"] = c.because
    return out


def category_texts(categories: Iterable[Category]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in categories:
        out[f"{c.id}.name"] = c.name
        out[f"{c.id}.description"] = c.description
        out[f"{c.id}.why_it_matters"] = c.why_it_matters
    return out


def message_texts(messages: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """``<section>.<code>`` → the English template (``messages.toml``)."""
    return {
        f"{section}.{code}": t for section, codes in messages.items() for code, t in codes.items()
    }


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def group_texts(groups: Iterable[AlternativeGroup]) -> dict[str, str]:
    """``<group>.name`` and ``<group>.explanation`` of the "one of these" groups."""
    out: dict[str, str] = {}
    for g in groups:
        out[f"{g.id}.name"] = g.name
        out[f"{g.id}.explanation"] = g.explanation
    return out


def government_texts(source: GovernmentSource) -> dict[str, str]:
    """A government data source's person-facing text (the agency's name stays in English)."""
    out = {"programme": source.programme, "shares": source.shares, "status": source.status}
    if source.legal_basis != "unknown":
        out["legal_basis"] = source.legal_basis
    for i, event in enumerate(source.history):
        out[f"history[{i}].what"] = event.what
    for i, lever in enumerate(source.levers):
        out[f"levers[{i}].text"] = lever.text
    return out


def law_texts(law: Law) -> dict[str, str]:
    """The law's name (shown as a gloss: legal names stay in English) and its summaries."""
    out = {"name": law.name}
    for name in ("agent_rules", "verification", "notes"):
        value = getattr(law, name)
        if value:
            out[name] = value
    return out


def is_researched(broker: Broker) -> bool:
    """Records whose person-facing text must be fully translated: reviewed ones."""
    return broker.quality.rank >= Quality.VERIFIED.rank or bool(broker.holdings)


# The loaded translations ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    source: str  # the fingerprint of the English it was translated from


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a set of English texts has a current translation."""

    total: int = 0
    translated: int = 0
    stale: int = 0

    @property
    def missing(self) -> int:
        return self.total - self.translated - self.stale

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else round(100 * self.translated / self.total, 1)

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.total + other.total,
            self.translated + other.translated,
            self.stale + other.stale,
        )

    def as_dict(self) -> dict[str, int | float]:
        return {
            "fields": self.total,
            "translated": self.translated,
            "stale": self.stale,
            "missing": self.missing,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class CatalogText:
    """Catalog text in one language, with English (marked) wherever a translation is not current.

    English needs no files: every lookup returns the catalog's own text.
    """

    language: str
    entries: Mapping[tuple[Kind, str], Mapping[str, Entry]] = field(default_factory=dict)
    by_source: Mapping[str, str] = field(default_factory=dict)  # English fingerprint → text

    def __call__(self, english: str) -> str:
        """Any catalog sentence in this language, found by its English text's fingerprint.

        What the renderers call (:class:`exposure.render.wording.Wording` takes it as
        ``catalog_text``): a stale translation has another fingerprint, so it is never found,
        and the English comes back behind the marker.
        """
        if self.language == "en":
            return english
        found = self.by_source.get(fingerprint(english))
        if found is not None:
            return found
        return FALLBACK_MARKER.get(self.language, "[en] ") + english

    def messages(self, english: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
        """The message templates in this language; an untranslated or stale one stays English,
        marked."""
        return {
            section: {
                code: self.text("messages", "", f"{section}.{code}", template)
                for code, template in codes.items()
            }
            for section, codes in english.items()
        }

    def state(self, kind: Kind, record: str, path: str, english: str) -> State:
        if self.language == "en":
            return "translated"
        entry = self.entries.get((kind, record), {}).get(path)
        if entry is None:
            return "missing"
        return "translated" if entry.source == fingerprint(english) else "stale"

    def text(self, kind: Kind, record: str, path: str, english: str) -> str:
        """The translation of ``english``, or ``english`` itself behind a visible marker."""
        if self.language == "en":
            return english
        entry = self.entries.get((kind, record), {}).get(path)
        if entry is not None and entry.source == fingerprint(english):
            return entry.text
        return FALLBACK_MARKER.get(self.language, "[en] ") + english

    # Shorthands for the places that show catalog text.

    def broker(self, broker: Broker, path: str) -> str:
        return self.text("brokers", broker.id, path, broker_texts(broker)[path])

    def fact(self, fact: LifeFact, path: str) -> str:
        """``path`` relative to the fact: ``question``, ``why``, ``choices.owner.label``…"""
        full = f"{fact.id}.{path}"
        return self.text("facts", "", full, fact_texts([fact])[full])

    def category(self, category: Category, path: str) -> str:
        full = f"{category.id}.{path}"
        return self.text("categories", "", full, category_texts([category])[full])

    def law_name(self, law: Law) -> str:
        """The legal name in English with its translation as a gloss: ``Act (Ley …)``."""
        if self.language == "en" or self.state("laws", law.id, "name", law.name) != "translated":
            return law.name
        return f"{law.name} ({self.text('laws', law.id, 'name', law.name)})"

    def coverage(self, kind: Kind, record: str, texts: Mapping[str, str]) -> Coverage:
        states = [self.state(kind, record, p, en) for p, en in texts.items()]
        return Coverage(len(states), states.count("translated"), states.count("stale"))


def english() -> CatalogText:
    return CatalogText("en")


def coverage_report(catalog: Catalog, text: CatalogText) -> dict[str, object]:
    """Per-part coverage and staleness, for ``exposure catalog stats`` and the coverage test."""
    researched = Coverage()
    other = Coverage()
    stale_records: list[str] = []
    for broker in catalog.brokers:
        found = text.coverage("brokers", broker.id, broker_texts(broker))
        if is_researched(broker):
            researched += found
        else:
            other += found
        if found.stale:
            stale_records.append(f"brokers/{broker.id}")
    facts = text.coverage("facts", "", fact_texts(catalog.facts))
    categories = text.coverage("categories", "", category_texts(catalog.categories))
    from broker_catalog.messages import english as english_messages

    messages = text.coverage("messages", "", message_texts(english_messages()))
    laws = Coverage()
    for law in catalog.laws:
        found = text.coverage("laws", law.id, law_texts(law))
        laws += found
        if found.stale:
            stale_records.append(f"laws/{law.id}")
    if facts.stale:
        stale_records.append("facts")
    if categories.stale:
        stale_records.append("categories")
    if messages.stale:
        stale_records.append("messages")
    groups = text.coverage("groups", "", group_texts(catalog.groups))
    if groups.stale:
        stale_records.append("groups")
    government = Coverage()
    for source in catalog.government:
        found = text.coverage("government", source.id, government_texts(source))
        government += found
        if found.stale:
            stale_records.append(f"government/{source.id}")
    return {
        "language": text.language,
        "facts": facts.as_dict(),
        "categories": categories.as_dict(),
        "messages": messages.as_dict(),
        "groups": groups.as_dict(),
        "government": government.as_dict(),
        "laws": laws.as_dict(),
        "researched_brokers": researched.as_dict(),
        "other_brokers": other.as_dict(),
        "stale_files": stale_records,
    }


# Loading and checking ------------------------------------------------------------------------


def translation_files(catalog_root: Path, language: str) -> list[Path]:
    base = i18n_root(catalog_root, language)
    names = ("facts.toml", "categories.toml", "messages.toml", "groups.toml")
    fixed = [p for p in (base / n for n in names) if p.is_file()]
    folders = ("brokers", "laws", "government")
    return fixed + [p for f in folders for p in sorted((base / f).glob("*.toml"))]


def english_for(catalog: Catalog, kind: Kind, record: str) -> dict[str, str] | None:
    if kind == "facts":
        return fact_texts(catalog.facts)
    if kind == "categories":
        return category_texts(catalog.categories)
    if kind == "messages":
        from broker_catalog.messages import english

        return message_texts(english())
    if kind == "groups":
        return group_texts(catalog.groups)
    if kind == "government":
        source = next((g for g in catalog.government if g.id == record), None)
        return None if source is None else government_texts(source)
    if kind == "brokers":
        return broker_texts(catalog.by_id[record]) if record in catalog.by_id else None
    law = next((law for law in catalog.laws if law.id == record), None)
    return None if law is None else law_texts(law)


def _where(path: Path, base: Path) -> tuple[Kind, str]:
    rel = path.relative_to(base)
    folders: dict[str, Kind] = {"brokers": "brokers", "laws": "laws", "government": "government"}
    if rel.parent.name in folders:
        return folders[rel.parent.name], path.stem
    files: dict[str, Kind] = {"facts": "facts", "messages": "messages", "groups": "groups"}
    return files.get(path.stem, "categories"), ""


def _line_of(lines: list[str], field_path: str, nth: int) -> int | None:
    wanted = re.compile(rf'^\s*field\s*=\s*["\']{re.escape(field_path)}["\']')
    hits = [i + 1 for i, line in enumerate(lines) if wanted.match(line)]
    return hits[nth] if nth < len(hits) else None


def _entry_lines(lines: list[str]) -> list[int]:
    return [i + 1 for i, line in enumerate(lines) if re.match(r"^\s*\[\[\s*text\s*\]\]", line)]


def _check_file(
    path: Path,
    kind: Kind,
    record: str,
    catalog: Catalog,
    problems: list[Problem],
    strict: bool = True,
) -> dict[str, Entry]:
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, "", f"not UTF-8 text ({exc.reason})"))
        return {}
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        problems.append(Problem(path, "", "invalid TOML", line))
        return {}
    english = english_for(catalog, kind, record)
    if english is None:
        if strict:
            problems.append(Problem(path, "", f"no {kind[:-1]} record '{record}' in the catalog"))
        return {}
    lines = raw.splitlines()
    unknown_top = sorted(set(data) - {"text"})
    if unknown_top:
        problems.append(
            Problem(path, unknown_top[0], "unknown key; expected only [[text]] entries")
        )
    items = data.get("text", [])
    if not isinstance(items, list):
        problems.append(Problem(path, "text", "expected [[text]] entries"))
        return {}
    headers = _entry_lines(lines)
    out: dict[str, Entry] = {}
    seen: dict[str, int] = {}
    for n, item in enumerate(items):
        header = headers[n] if n < len(headers) else None
        if not isinstance(item, dict):
            problems.append(Problem(path, f"text[{n}]", "expected a table", header))
            continue
        name = item.get("field")
        label = name if isinstance(name, str) and name else f"text[{n}]"
        nth = seen.get(label, 0)
        seen[label] = nth + 1
        line = _line_of(lines, label, nth) or header
        extra = sorted(set(item) - _ENTRY_KEYS)
        absent = sorted(_ENTRY_KEYS - set(item))
        if extra:
            problems.append(Problem(path, label, f"unknown key(s): {', '.join(extra)}", line))
        if absent:
            problems.append(Problem(path, label, f"missing key(s): {', '.join(absent)}", line))
        if extra or absent or not isinstance(name, str):
            continue
        source, text = item["en"], item["text"]
        if name not in english:
            problems.append(Problem(path, name, "not a person-facing text of this record", line))
        elif nth:
            problems.append(Problem(path, name, "translated twice in this file", line))
        elif not isinstance(source, str) or not _FINGERPRINT.match(source):
            problems.append(
                Problem(
                    path, name, "'en' must be the 16-hex-digit fingerprint of the English", line
                )
            )
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(path, name, "'text' must be a non-empty string", line))
        elif len(text) > 4000:
            problems.append(Problem(path, name, "'text' is longer than 4000 characters", line))
        elif (
            kind == "messages"
            and source == fingerprint(english[name])  # a stale entry is shown as English anyway
            and placeholders(text) != placeholders(english[name])
        ):
            wanted = ", ".join(sorted(placeholders(english[name]))) or "none"
            problems.append(
                Problem(path, name, f"the template's {{names}} must be: {wanted}", line)
            )
        else:
            # kept as written: a template may start with a space (" In one group…")
            out[name] = Entry(text if kind == "messages" else text.strip(), source)
    return out


def load_catalog_text(
    catalog: Catalog, language: str, catalog_root: Path | None = None, *, strict: bool = True
) -> CatalogText:
    """Every translation file of ``language``, checked against ``catalog``; all or nothing.

    ``strict=False`` skips files for records the catalog does not have (the shipped translations
    used with another catalog, as ``--catalog DIR`` does) instead of reporting them."""
    if language == "en":
        return english()
    if language not in LANGUAGES:
        raise ValueError(f"the catalog is not translated into {language!r}")
    if catalog_root is None:
        from broker_catalog.loader import default_root

        catalog_root = default_root()
    base = i18n_root(catalog_root, language)
    problems: list[Problem] = []
    entries: dict[tuple[Kind, str], Mapping[str, Entry]] = {}
    for path in translation_files(catalog_root, language):
        kind, record = _where(path, base)
        entries[(kind, record)] = _check_file(path, kind, record, catalog, problems, strict)
    if problems:
        raise CatalogError(problems)
    by_source: dict[str, str] = {}
    for (kind, record), found in entries.items():
        texts = english_for(catalog, kind, record) or {}
        for field_path, entry in found.items():
            if field_path in texts and entry.source == fingerprint(texts[field_path]):
                by_source.setdefault(entry.source, entry.text)
    return CatalogText(language, entries, by_source)


# Writing (for translators and maintainers) ---------------------------------------------------


def _toml_string(value: str) -> str:
    if "\n" not in value:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    escaped = value.replace("\\", "\\\\").replace('"""', '\\"""')
    return f'"""\n{escaped}"""'


def render_file(english_file: str, texts: Mapping[str, str], translated: Mapping[str, str]) -> str:
    """A translation file: entries in the English file's order, each fingerprinted."""
    out = [
        f"# Spanish for broker_catalog/{english_file}. Terms follow docs/es/glosario.md.",
        "# 'en' is the fingerprint of the English text translated; when the English changes, the",
        "# translation is stale and English is shown, marked, until it is translated again.",
    ]
    for path, english_text in texts.items():
        if path in translated:
            out += [
                "",
                "[[text]]",
                f"field = {_toml_string(path)}",
                f'en = "{fingerprint(english_text)}"',
                f"text = {_toml_string(translated[path])}",
            ]
    return "\n".join(out) + "\n"

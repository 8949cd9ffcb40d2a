"""The lawyer-readable table of every letter template under every law, for docs/letters.md.

Generated from the law table and the templates (``python -m exposure.regenerate``), so what a
clinic lawyer reviews is exactly what the letters cite: for each law, the section each request
kind stands on, its deadline, the extra clauses that go in and when, and the sources.
"""

from __future__ import annotations

from broker_catalog.catalog import Catalog
from broker_catalog.laws_schema import Law
from exposure.letters.regime import (
    FCRA_KINDS,
    FCRA_LAW,
    KINDS,
    RIGHT_FOR,
    deadline_for,
    section_for,
)

WHEN = {
    "fcra_nationwide": "to a nationwide bureau",
    "fcra_nationwide_specialty": "to a nationwide specialty agency",
    "fcra_other": "to any other agency",
    "registered_here": "to a broker registered in the person's state",
    "precise_geolocation": "to a broker that reports selling precise geolocation",
}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _deadline(law: Law, kind: str) -> str:
    deadline = deadline_for(law, kind)  # type: ignore[arg-type]
    if deadline is None:
        return "none (voluntary)"
    unit = "business days" if deadline.business_days else "days"
    more = f" + {deadline.extension_days}" if deadline.extension_days else ""
    return f"{deadline.days}{more} {unit}"


def _rows(catalog: Catalog) -> list[str]:
    rows = []
    laws = sorted(catalog.laws, key=lambda law: (law.kind != "federal_fcra", law.id))
    for law in laws:
        if law.kind == "route":
            continue
        for kind in KINDS:
            if law.kind == "federal_fcra":
                if FCRA_LAW.get(kind) != law.id:
                    continue
                template = f"{kind}-fcra"
            elif kind in FCRA_KINDS:
                continue
            elif law.kind == "none":
                template = f"{kind}-none"
            elif any(r in law.rights for r in RIGHT_FOR[kind]):
                template = f"{kind}-state"
            else:
                continue
            section = section_for(law, kind) if law.kind != "none" else "none"
            extra = []
            gives_opt_out = any(r in law.rights for r in RIGHT_FOR["opt_out"])
            if kind == "delete" and law.kind == "state_privacy" and gives_opt_out:
                extra.append(f"with an opt-out under {section_for(law, 'opt_out')}")
            if kind in ("delete", "opt_out") and law.opt_out_unverified is not None:
                extra.append(f"opt-out needs no verification: {law.opt_out_unverified.cite}")
            routes = [
                r for r in catalog.laws if r.kind == "route" and set(r.states) & set(law.states)
            ]
            for source in (law, *routes):
                for clause in source.clauses:
                    if kind in clause.kinds:
                        when = ", ".join(WHEN[w] for w in clause.when) or "always"
                        extra.append(f"{clause.cite} ({when})")
            wording = law.wording.get(kind)
            if wording:
                extra.append(f'reaches "{wording.replace("$broker", "[broker]")}"')
            states = ", ".join(law.states) or "all"
            rows.append(
                f"| `{template}` | {_cell(law.short_name)} ({states}) | {_cell(section)} | "
                f"{_deadline(law, kind)} | {_cell('; '.join(extra)) or '-'} |"
            )
    return rows


def _sources(catalog: Catalog) -> list[str]:
    lines = []
    for law in sorted(catalog.laws, key=lambda law: law.id):
        cited = ", ".join(f"[{_cell(s.publisher)}]({s.url})" for s in law.sources)
        lines.append(
            f"- **{_cell(law.short_name)}** (`{law.id}`, verified {law.verified}): {cited}"
        )
    return lines


def markdown(catalog: Catalog) -> str:
    head = [
        "| template | law (states) | section cited | deadline | also in the letter |",
        "|---|---|---|---|---|",
    ]
    return "\n".join(
        [
            *head,
            *_rows(catalog),
            "",
            "Sources of each law record (every citation above comes from one of these records):",
            "",
            *_sources(catalog),
        ]
    )

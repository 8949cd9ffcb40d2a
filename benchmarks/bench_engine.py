"""Exposure-engine benchmarks, reported as ratios against a baseline timed in the same run.

    python benchmarks/bench_engine.py            # print the table
    python benchmarks/bench_engine.py --write    # also update docs/performance.md

Baseline: the straightforward rule, walking the pydantic models of every holding of every
broker, flows and groups included, and rating registry-only brokers from their filings
(exposure.engine.walk), which is what the engine would do without its compiled scorer.
Targets (issues 4 and 14): one profile against the full catalog, all 847 brokers, in ≤ 10 ms
in-process (the full explained audit); 10,000 generated profiles in ≤ 5 s (scored per broker
and category without reasons, as workshop tallies need).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.results import median_time, publish  # noqa: E402
from broker_catalog import Catalog, load_catalog  # noqa: E402
from broker_catalog.schema import AnswerKind  # noqa: E402
from exposure.engine import audit, likelihoods  # noqa: E402
from exposure.engine.walk import walk  # noqa: E402
from exposure.profile.files import demo_profile  # noqa: E402
from exposure.profile.model import UNKNOWN, Answer, Profile  # noqa: E402

TODAY = dt.date(2026, 12, 6)


def random_profiles(catalog: Catalog, count: int, seed: int = 7) -> list[Profile]:
    """Answer sets drawn from each question's own answers, 'I don't know' included."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    states = sorted(catalog.fact_by_id["state"].allowed_values())
    profiles = []
    for _ in range(count):
        facts: dict[str, Answer] = {}
        for fact in catalog.facts:
            values = [c.value for c in fact.choices]
            if fact.kind is AnswerKind.YES_NO:
                facts[fact.id] = rng.choice(["yes", "no", UNKNOWN])
            elif fact.kind is AnswerKind.CHOICE:
                facts[fact.id] = rng.choice([*values, UNKNOWN])
            elif fact.kind is AnswerKind.STATE:
                facts[fact.id] = rng.choice(states)
            else:
                pool = states if fact.kind is AnswerKind.STATES else values
                facts[fact.id] = rng.sample(pool, rng.randint(0, min(3, len(pool))))
        profiles.append(Profile(facts=facts))
    return profiles


def model_walk(catalog: Catalog, profile: Profile) -> dict[str, object]:
    return dict(walk(catalog, profile))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--profiles", type=int, default=10_000)
    args = parser.parse_args()

    catalog = load_catalog()
    profile = demo_profile()
    audit(profile, catalog, today=TODAY)  # compile once, as a running app would
    many = random_profiles(catalog, args.profiles)
    sample = many[:200]

    walk_one = median_time(lambda: model_walk(catalog, profile), 30)
    audit_one = median_time(lambda: audit(profile, catalog, today=TODAY), 30)
    score_one = median_time(lambda: likelihoods(catalog, profile.facts), 30)
    walk_sample = median_time(lambda: [model_walk(catalog, p) for p in sample], 3)
    start = time.perf_counter()
    for p in many:
        likelihoods(catalog, p.facts)
    scored = time.perf_counter() - start
    walk_all = walk_sample / len(sample) * len(many)

    researched = len(catalog.researched)
    estimated = audit(profile, catalog, today=TODAY).counts
    rows = [
        ("one profile: model walk, likelihoods only (baseline)", walk_one * 1000, "ms", 1.0),
        ("one profile: full explained audit", audit_one * 1000, "ms", audit_one / walk_one),
        (
            "one profile: compiled scorer, likelihoods only",
            score_one * 1000,
            "ms",
            score_one / walk_one,
        ),
        (
            f"{len(many):,} profiles: model walk (baseline, from {len(sample)})",
            walk_all,
            "s",
            1.0,
        ),
        (f"{len(many):,} profiles: compiled scorer", scored, "s", scored / walk_all),
    ]
    table = ["| what | time | ratio to baseline |", "|---|---:|---:|"]
    table += [
        f"| {what} | {value:.2f} {unit} | {ratio:.2f}x |" for what, value, unit, ratio in rows
    ]
    note = (
        f"Shipped catalog: {len(catalog)} brokers, {researched} researched; the engine "
        f"estimates {estimated.estimated} of them ({estimated.researched} from researched "
        f"records, {estimated.registry_filing} from registry filings), with data flows, "
        "'one of these' groups and government data sources."
    )
    publish("engine", table, note=note, write=args.write)


if __name__ == "__main__":
    main()

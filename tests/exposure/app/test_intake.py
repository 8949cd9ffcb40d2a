"""The live intake counts a roomful submitting at once exactly once each, writes the workshop
file once for many of them, and reports nobody counted before their count is on disk."""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_catalog import load_catalog
from exposure.app import intake
from exposure.app.letters import draft_letters
from exposure.limits import MAX_PARTICIPANTS
from exposure.profile.model import Profile
from exposure.workshop import session
from tests.exposure.app.people import random_person

CATALOG = load_catalog(use_cache=False)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> intake.Intake:
    path = tmp_path_factory.mktemp("intake") / "w.json"
    session.start(path, name="Props", threshold=5, today=TODAY)
    return intake.Intake(path, CATALOG, today=TODAY)


TODAY = dt.date(2026, 11, 22)
STATES = ["CA", "TX", "NY", "VA", "IL", "unknown"]


def person(rng: random.Random) -> Profile:
    return random_person(rng, CATALOG, STATES)


def test_a_room_submitting_at_once_is_counted_once_each_with_few_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.json"
    session.start(path, name="Room", threshold=5, today=TODAY)
    room_intake = intake.Intake(path, CATALOG, today=TODAY)
    rng = random.Random(3)  # noqa: S311 - reproducible test data
    room = [person(rng) for _ in range(30)]
    for p in room:
        room_intake.estimate(p)  # the estimates are ready: what is left is counting
    writes = []
    real_save = session.save

    def slow_save(where: Path, tallies: session.Tallies) -> None:
        writes.append(tallies.participants)
        time.sleep(0.05)  # a slow disk: others finish while this write is under way
        real_save(where, tallies)

    monkeypatch.setattr(session, "save", slow_save)
    start = threading.Barrier(len(room))
    returned = []
    seen_on_disk = []
    lock = threading.Lock()
    letters = []

    def submit(profile: Profile) -> None:
        start.wait()
        counted = room_intake.count(profile)
        with lock:
            returned.append(1)
            letters.append(counted.letters)
            # counted means on disk: the file holds at least everyone told so far
            seen_on_disk.append((len(returned), session.load(path).participants))

    threads = [threading.Thread(target=submit, args=(p,)) for p in room]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = session.load(path)
    assert final.participants == len(room)
    assert final.letters == sum(letters)
    assert all(on_disk >= told for told, on_disk in seen_on_disk)
    assert len(writes) < len(room) / 2  # one write counted many: a group commit


def test_counting_one_by_one_gives_the_same_file_as_workshop_add(tmp_path: Path) -> None:
    rng = random.Random(5)  # noqa: S311 - reproducible test data
    room = [person(rng) for _ in range(6)]
    live_path, add_path = tmp_path / "live.json", tmp_path / "add.json"
    session.start(live_path, name="Same", threshold=5, today=TODAY)
    added = session.start(add_path, name="Same", threshold=5, today=TODAY)
    one_by_one = intake.Intake(live_path, CATALOG, today=TODAY)
    for p in room:
        one_by_one.count(p)
        brokers = session.tally(added, p, CATALOG, today=TODAY)
        added.letters += len(draft_letters(p, CATALOG, brokers, today=TODAY, blanks=True).letters)
    assert session.load(live_path).to_json() == added.to_json()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6))
def test_letters_are_counted_as_drafting_them_finds(live: intake.Intake, seed: int) -> None:
    """Counting a participant's letters without drafting each one gives the number drafting
    them would: a letter with blank identity lines depends on the broker and home state only."""
    profile = person(random.Random(seed))  # noqa: S311 - generated test data
    result = live.estimate(profile)
    counts, brokers = live.tally_one(profile, result)
    drafted = draft_letters(profile, CATALOG, brokers, today=TODAY, blanks=True)
    assert counts.letters == len(drafted.letters)


def test_the_same_answers_are_estimated_once(live: intake.Intake) -> None:
    profile = person(random.Random(9))  # noqa: S311 - reproducible test data
    again = Profile(facts=dict(profile.facts))
    assert live.estimate(again) is live.estimate(profile)


def test_a_full_workshop_refuses_with_its_own_error_and_counts_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    tallies = session.start(path, name="Full", threshold=5, today=TODAY)
    tallies.participants = MAX_PARTICIPANTS
    session.save(path, tallies)
    full = intake.Intake(path, CATALOG, today=TODAY)
    assert full.full()
    with pytest.raises(intake.Full):
        full.count(person(random.Random(1)))  # noqa: S311 - reproducible test data
    assert session.load(path).participants == MAX_PARTICIPANTS
    session.close(path, TODAY)
    with pytest.raises(session.WorkshopError) as closed:
        full.count(person(random.Random(1)))  # noqa: S311 - reproducible test data
    assert not isinstance(closed.value, intake.Full)

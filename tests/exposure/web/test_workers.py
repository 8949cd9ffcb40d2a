"""Submissions worked on every core: worker processes forked from the server share what it
loaded, take a roomful's answers together, count each participant once, and never outlive the
server, however it ends."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from exposure.cli.main import main
from exposure.web.workers import Workers, can_fork
from exposure.workshop import session
from tests.exposure.web.support import ANSWERS, FORM, TODAY, cpu_ticks, field, gone, serving

pytestmark = pytest.mark.skipif(not can_fork(), reason="worker processes are forked on Linux")


class Loaded:
    """Stands for the catalog: something the server holds in memory that could not travel
    through a pipe (a lock cannot be pickled)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.value = "loaded once, in the server"


def describe(loaded: Loaded, n: int) -> tuple[int, str, int]:
    return os.getpid(), loaded.value, n


async def run_all(workers: Workers, count: int) -> list[tuple[int, str, int]]:
    return list(await asyncio.gather(*(workers.run(n) for n in range(count))))


def wait_until_gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not all(gone(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_task_runs_in_the_workers_on_what_the_server_had_loaded() -> None:
    workers = Workers(functools.partial(describe, Loaded()), 2)
    try:
        results = asyncio.run(run_all(workers, 8))
    finally:
        workers.stop()
    assert [n for _pid, _value, n in results] == list(range(8))  # each answer to its asker
    assert {value for _pid, value, _n in results} == {"loaded once, in the server"}
    assert os.getpid() not in {pid for pid, _value, _n in results}


def test_ctrl_c_in_the_terminal_is_left_to_the_server() -> None:
    """Ctrl+C reaches every process in the terminal's group: the workers let the server stop
    them instead of each printing a traceback."""
    workers = Workers(functools.partial(describe, Loaded()), 2)
    try:
        pids = {pid for pid, _value, _n in asyncio.run(run_all(workers, 8))}
        for pid in pids:
            os.kill(pid, signal.SIGINT)
        time.sleep(0.3)
        assert not any(gone(pid) for pid in pids)
        assert len(asyncio.run(run_all(workers, 4))) == 4
    finally:
        workers.stop()


def test_workers_end_when_their_server_is_killed() -> None:
    code = (
        "import functools, os, time; from exposure.web.workers import Workers;"
        "w = Workers(functools.partial(os.getpid), 2); print('ready', flush=True);"
        "time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    children: list[int] = []
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        tasks = Path(f"/proc/{proc.pid}/task")
        children = [int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()]
        assert len(children) == 2
        proc.kill()  # no handler of the server's runs
        proc.wait(10)
        assert wait_until_gone(children)
    finally:
        for pid in [proc.pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


# The serve command --------------------------------------------------------------------------


STATES = ["CA", "TX", "NY", "IL", "FL", "VA", "WA", "AZ", "GA", "OH", "MI", "NC"]


def submit(join: str, n: int = 0) -> str:
    """Participant ``n`` answers (each from another state, so no two pages are alike): what
    their page was (its heading, or the status)."""
    answers = [(k, STATES[n % len(STATES)] if k == "state" else v) for k, v in ANSWERS]
    with httpx.Client(timeout=60) as client:
        token = field(client.get(f"{join}en/").text, "form_token")
        body = urlencode([("form_token", token), *answers])
        page = client.post(f"{join}en/", content=body, headers=FORM)
    heading = re.search(r"<h1>([^<]+)</h1>", page.text)
    return heading.group(1) if page.status_code == 200 and heading else str(page.status_code)


def test_a_roomful_submitting_together_is_worked_by_every_worker_and_counted_once(
    tmp_path: Path,
) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop, "--jobs", "2") as server:
        workers = server.workers()
        assert len(workers) == 2
        before = [cpu_ticks(p) for p in workers]
        with ThreadPoolExecutor(12) as phones:
            statuses = list(phones.map(submit, [server.join] * 12, range(12)))
        worked = [cpu_ticks(p) - b for p, b in zip(workers, before, strict=True)]
        out, err = server.stop()
    assert statuses == ["Your results"] * 12
    assert all(ticks > 0 for ticks in worked), worked
    assert "Stopped. 12 participant(s)" in out
    assert session.load(workshop).participants == 12
    assert "Traceback" not in err
    assert wait_until_gone(workers)


def test_a_worker_killed_mid_workshop_loses_no_participant(tmp_path: Path) -> None:
    """A worker can die (the laptop short of memory, say): the server works the answers
    itself from then on."""
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop, "--jobs", "2") as server:
        assert submit(server.join) == "Your results"
        workers = server.workers()
        os.kill(workers[0], signal.SIGKILL)
        assert wait_until_gone(workers[:1])
        assert [submit(server.join, n) for n in range(1, 4)] == ["Your results"] * 3
        out, err = server.stop()
    assert "Stopped. 4 participant(s)" in out
    assert session.load(workshop).participants == 4
    assert "Traceback" not in err


def test_serving_in_one_process_starts_no_worker(tmp_path: Path) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    with serving(workshop, "--jobs", "0") as server:
        assert server.workers() == []
        assert submit(server.join) == "Your results"
        out, _err = server.stop()
    assert "Stopped. 1 participant(s)" in out


def test_a_negative_number_of_jobs_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop = tmp_path / "w.json"
    session.start(workshop, name="Library", threshold=5, today=TODAY)
    assert main(["workshop", "serve", str(workshop), "--jobs", "-1"]) == 1
    err = capsys.readouterr().err
    assert "--jobs" in err
    assert len(err.strip().splitlines()) == 1

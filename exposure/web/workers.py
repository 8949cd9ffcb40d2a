"""Submissions worked on every core: a few processes forked from the server once the catalog is
loaded, compiled and frozen, so they share it (copy-on-write) instead of loading their own.

One Python process works one submission at a time, whatever its threads do; a roomful pressing
"See my results" together waits on that one core while the machine's others sit idle. The
workers take only the CPU-bound part (read the answers, estimate, tally one, render the page),
which touches no shared state: form tokens, nonces, the print queue and the workshop file stay
in the server process. Answers travel to a worker and the page back through a pipe between
processes on this computer, and are kept by neither.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# The task each worker runs, set in the server just before forking: children inherit it with
# the rest of memory, so only the task's small arguments and result cross the pipe.
_task: Callable[..., Any] | None = None


def _run(*args: Any) -> Any:
    if _task is None:  # pragma: no cover - a worker not forked from a server with a task
        raise RuntimeError("no task in this worker")
    return _task(*args)


def _ready(_n: int) -> int:
    return os.getpid()


def _watch(parent: int) -> None:
    """In each worker: leave Ctrl+C to the server (which stops the workers itself), and end
    when the server has gone, however it went (uvicorn ends on a signal it re-raises, so no
    exit handler of the server's runs to tell the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def available() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Only on Linux: macOS offers fork but its system libraries are not safe after it (Python
    itself starts processes there by spawning), and Windows has none. Spawned workers would
    each load the catalog anew, in their own memory: not worth it on a laptop."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def default_count() -> int:
    """Worker processes to start: one per core when there are several, up to four (measured
    on 2 cores: one worker per core gave the best burst; see docs/performance.md); none where
    forking is not safe, and the server works submissions itself."""
    cores = available()
    return min(cores, 4) if cores > 1 and can_fork() else 0


class Workers:
    """A fixed set of forked worker processes for one task."""

    def __init__(self, task: Callable[..., Any], count: int) -> None:
        global _task
        _task = task
        self.pool = ProcessPoolExecutor(
            count,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_watch,
            initargs=(os.getpid(),),
        )
        # With fork, the pool starts every process at the first submission: do it now, before
        # the server starts its threads, so no worker is forked mid-request.
        list(self.pool.map(_ready, range(count)))
        _task = None

    async def run(self, *args: Any) -> Any:
        """The task's result from a free worker (in the order submissions arrive)."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, _run, *args)

    def stop(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

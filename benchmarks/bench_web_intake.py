"""A workshop room on the web questionnaire: 100 participants submitting at once.

    python benchmarks/bench_web_intake.py            # print the table
    python benchmarks/bench_web_intake.py --write    # also update docs/performance.md

The real server (the same factory as `exposure workshop serve`, on uvicorn) runs in a child
process on 127.0.0.1; this process plays the participants with plain HTTP/1.1 on asyncio
streams (one request per connection, as light as a client can be: see Phones). Each
participant loads the questionnaire, then submits their answers at the same moment as everyone
else; the time of that submission (the results page) is what a person waits for. Baseline,
from the same server in the same run: the language page, a page with no work behind it, asked
for by the same number of clients at once. Then every participant sends their form a second
time (a reload), and the workshop file must still count each of them exactly once. A second
room of as many other participants then submits spread over a minute (uniformly at random),
as a room finishing a questionnaire more likely does. Beside each time: the CPU the server
process (and its workers) used per request, and the machine's load average, since the cores
are shared.

The per-address rate limit is raised for the run, since every simulated phone here shares one
address. The server starts as many worker processes as `workshop serve` does on this machine
(one per core; --workers to choose). Target (from the web intake issue): every participant's
results page in under 1 s on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.results import publish  # noqa: E402
from broker_catalog import load_catalog  # noqa: E402
from exposure.web.workers import default_count  # noqa: E402
from exposure.workshop import session  # noqa: E402

SERVER = """
import sys
from pathlib import Path
from broker_catalog import load_catalog
from exposure.web.app import Secrets, create_app
from exposure.web.security import Limits
from exposure.web.server import server, settle
import socket
secrets = Secrets()
app = create_app(Path(sys.argv[1]), load_catalog(), secrets=secrets,
                 limits=Limits(per_minute=1_000_000), workers=int(sys.argv[2]))
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen(1024)
print(f"http://127.0.0.1:{sock.getsockname()[1]}{secrets.join_path()}", flush=True)
settle()  # as workshop serve does
server(app, "127.0.0.1", 0).run(sockets=[sock])
"""


def answers(rng: random.Random) -> list[tuple[str, str]]:
    catalog = load_catalog()
    states = ["CA", "TX", "NY", "IL", "FL", "VA", "WA", "AZ"]
    pairs: list[tuple[str, str]] = []
    for fact in catalog.facts:
        kind = fact.kind.value
        if kind == "yes_no":
            pairs.append((fact.id, rng.choice(["yes", "no", "unknown"])))
        elif kind == "choice":
            pairs.append((fact.id, rng.choice([c.value for c in fact.choices])))
        elif kind == "state":
            pairs.append((fact.id, rng.choice(states)))
        elif kind == "states":
            pairs += [(fact.id, s) for s in rng.sample(states, rng.randint(0, 2))]
        else:
            chosen = rng.sample([c.value for c in fact.choices], rng.randint(0, 2))
            pairs += [(fact.id, v) for v in chosen] or [(fact.id, "none")]
    return pairs


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and any children of it have used so far, from
    /proc (Linux)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 1)[0]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


@dataclass(frozen=True)
class Phones:
    """The participants' phones: one plain HTTP/1.1 request per connection on asyncio's own
    streams. A real phone's HTTP work happens on the phone; a heavyweight client here (httpx
    spent more CPU per request than the server did) would take the 2 cores the server is
    measured on."""

    host: str
    port: int

    @classmethod
    def of(cls, url: str) -> Phones:
        parts = urlsplit(url)
        return cls(parts.hostname or "127.0.0.1", parts.port or 80)

    async def request(self, method: str, url: str, body: str = "") -> tuple[int, str]:
        path = urlsplit(url).path
        data = body.encode()
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        )
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(head.encode() + data)
            await writer.drain()
            raw = await reader.read(-1)  # to the end: the server closes after answering
        finally:
            writer.close()
        status_line, _, rest = raw.partition(b"\r\n")
        return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2].decode()

    async def timed(self, method: str, url: str, body: str = "") -> float:
        start = time.perf_counter()
        status, _ = await self.request(method, url, body)
        elapsed = time.perf_counter() - start
        if status != 200:
            raise SystemExit(f"{method} {url}: HTTP {status}")
        return elapsed

    async def token(self, url: str) -> str:
        status, text = await self.request("GET", url)
        found = re.search(r'name="form_token" value="([^"]+)"', text)
        assert status == 200
        assert found
        return found.group(1)


async def arriving(phones: Phones, join: str, body: str, delay: float) -> float:
    await asyncio.sleep(delay)
    return await phones.timed("POST", f"{join}en/", body)


async def room(
    join: str, count: int, spread: float, pid: int
) -> tuple[list[float], list[float], list[float], list[float], dict[str, float]]:
    rng = random.Random(19)  # noqa: S311 - reproducible test data
    people = [answers(rng) for _ in range(count)]
    phones = Phones.of(join)
    await phones.request("GET", join)  # warm the server once
    cpu: dict[str, float] = {}
    before = cpu_seconds(pid)
    static = await asyncio.gather(*(phones.timed("GET", join) for _ in range(count)))
    cpu["static"] = cpu_seconds(pid) - before
    tokens = await asyncio.gather(*(phones.token(f"{join}en/") for _ in range(count)))
    bodies = [urlencode([("form_token", t), *p]) for t, p in zip(tokens, people, strict=True)]
    cpu["load"] = float(load_average())
    before, mine = cpu_seconds(pid), time.process_time()
    results = await asyncio.gather(*(phones.timed("POST", f"{join}en/", b) for b in bodies))
    cpu["results"] = cpu_seconds(pid) - before
    cpu["client"] = time.process_time() - mine
    before = cpu_seconds(pid)
    reloads = await asyncio.gather(*(phones.timed("POST", f"{join}en/", b) for b in bodies))
    cpu["reloads"] = cpu_seconds(pid) - before
    # a second room, other people, finishing within ``spread`` seconds of each other
    others = [answers(rng) for _ in range(count)]
    tokens = await asyncio.gather(*(phones.token(f"{join}en/") for _ in range(count)))
    bodies = [urlencode([("form_token", t), *p]) for t, p in zip(tokens, others, strict=True)]
    delays = [rng.uniform(0, spread) for _ in bodies]
    before = cpu_seconds(pid)
    spread_out = await asyncio.gather(
        *(arriving(phones, join, b, d) for b, d in zip(bodies, delays, strict=True))
    )
    cpu["spread"] = cpu_seconds(pid) - before
    return list(static), list(results), list(reloads), list(spread_out), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--spread", type=float, default=60.0)
    parser.add_argument(
        "--workers", type=int, default=default_count(), help="as serve's --jobs (default: its)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workshop = Path(tmp) / "w.json"
        session.start(workshop, name="Bench", threshold=5, today=dt.date.today())
        with subprocess.Popen(
            [sys.executable, "-c", SERVER, str(workshop), str(args.workers)],
            stdout=subprocess.PIPE,
            text=True,
        ) as server:
            assert server.stdout is not None
            join = server.stdout.readline().strip()
            try:
                static, results, reloads, spread, cpu = asyncio.run(
                    room(join, args.participants, args.spread, server.pid)
                )
            finally:
                server.terminate()
        counted = json.loads(workshop.read_text())["participants"]
    expected = 2 * args.participants  # the burst room and the spread-out room
    assert counted == expected, f"counted {counted}, expected {expected}"
    n = args.participants
    rows = [
        (f"language page, {n} at once (baseline)", static, cpu["static"]),
        (f"results page: {n} participants submit at once", results, cpu["results"]),
        (f"the same {n} forms sent again (reloads, not counted)", reloads, cpu["reloads"]),
        (f"results page: {n} more participants over {args.spread:.0f} s", spread, cpu["spread"]),
    ]
    base = p95(static)
    table = [
        "| what | median | p95 | p95 ratio to baseline | slowest | server CPU per request |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for what, times, used in rows:
        table.append(
            f"| {what} | {statistics.median(times) * 1000:.0f} ms | {p95(times) * 1000:.0f} ms "
            f"| {p95(times) / base:.1f}x | {max(times) * 1000:.0f} ms | {used / n * 1000:.1f} ms |"
        )
    note = (
        f"Every one of the {2 * n} submissions was counted exactly once, reloads not at all "
        f"(the file says {counted}). Load average (1 min) as the burst began: {cpu['load']:.2f} "
        f"on {os.cpu_count()} cores; the participants' client runs on the same machine and "
        f"used {cpu['client'] / n * 1000:.1f} ms of CPU per submission of the burst. "
        + (
            f"The server worked answers on {args.workers} worker processes (`workshop serve "
            f"--jobs {args.workers}`, its default on this machine); the CPU column counts them."
            if args.workers
            else "The server worked answers in its own process (`workshop serve --jobs 0`)."
        )
    )
    publish("web intake", table, note=note, write=args.write)


if __name__ == "__main__":
    main()

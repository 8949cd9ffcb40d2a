"""A crash campaign: kill every command that writes at random moments; count what survives.

    python benchmarks/bench_crash_campaign.py --kills 100          # every command
    python benchmarks/bench_crash_campaign.py --kills 20 --only workshop-add

Each command runs as a person runs it (``python -m exposure.cli.main …`` in a subprocess, the
vault key in a real gnome-keyring on a private D-Bus), and is killed with SIGKILL after a random
pause between zero and its own measured running time. After every kill the campaign checks
what the command writes:

- ``profile-save`` (``profile import``, alternating two profiles): the vault opens and holds
  exactly the old or the new profile.
- ``letters-record`` (``letters --record``): the ledger passes SQLite's integrity check and
  holds every request the command reported as recorded; ``requests list`` still works.
- ``requests-mark``: the same, and a status change reported as made is in the history.
- ``requests-followup``: the ledger is intact and every letter file in the folder is whole.
- ``workshop-add``: the workshop file reads, and its count equals the participant folders
  (immediately, or once the next ``workshop add`` has finished an interrupted batch).
- ``workshop-close``: the workshop file reads, closed or not.

A round is *corrupt* when something no longer reads, *lost* when data reported as saved (or
present before) is gone. Stray temporary files (hidden ``.NAME.*.tmp`` left by a kill
between creating and renaming one) are counted too. The figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PROFILE_A = {"facts": {"state": "TX", "utility_gas": "no", "phone_plan": "postpaid"}}
PROFILE_B = {"facts": {"state": "NM", "utility_gas": "yes", "phone_plan": "prepaid"}}
CSV = "state,utility_electric,phone_plan\nTX,yes,postpaid\nCA,no,prepaid\nNM,yes,\n"


@dataclass
class Tally:
    kills: int = 0
    while_running: int = 0
    finished_first: int = 0
    corrupt: int = 0
    lost: int = 0
    stray_tmp: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Campaign:
    def __init__(self, home: Path, env: dict[str, str], seed: int) -> None:
        self.home = home
        self.vault = home / "vault"
        self.env = {**os.environ, **env, "EXPOSURE_VAULT": str(self.vault),
                    "EXPOSURE_CACHE_DIR": str(home / "cache")}  # fmt: skip
        self.rng = random.Random(seed)  # noqa: S311 - reproducible kill points

    # --- running the CLI ---------------------------------------------------------------------

    def cli(self, *argv: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "exposure.cli.main", *map(str, argv)],
            capture_output=True, text=True, cwd=REPO, env=self.env, check=False, timeout=300,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip

    def timed(self, *argv: str | Path) -> float:
        """Run a command to completion (for setup); returns how long it took."""
        start = time.perf_counter()
        done = self.cli(*argv)
        if done.returncode != 0:
            raise SystemExit(f"setup failed: {argv}: {done.stderr}")
        return time.perf_counter() - start

    def kill(self, argv: list[str | Path], duration: float, tally: Tally) -> str:
        """Start the command and SIGKILL it after a random pause; returns what it printed.

        A pause longer than the run lets the command finish: that round is run again (up to
        ten times), so every counted kill hit a running command.
        """
        for _ in range(10):
            writer = subprocess.Popen(
                [sys.executable, "-m", "exposure.cli.main", *map(str, argv)],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                text=True, cwd=REPO, env=self.env,
            )  # fmt: skip
            time.sleep(self.rng.uniform(0, duration))
            running = writer.poll() is None
            writer.send_signal(signal.SIGKILL)
            out, _ = writer.communicate(timeout=30)
            tally.finished_first += not running
            if running:
                break
        tally.kills += 1
        tally.while_running += running
        return out

    # --- checks ------------------------------------------------------------------------------

    def ledger_ok(self) -> tuple[bool, int, set[tuple[int, str]]]:
        """(integrity ok, number of requests, (request, status) events)."""
        path = self.vault / "ledger.sqlite3"
        if not path.exists():
            return True, 0, set()
        db = sqlite3.connect(path)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = int(db.execute("SELECT COUNT(*) FROM requests").fetchone()[0])
            events = {
                (int(r), str(s)) for r, s in db.execute("SELECT request_id, status FROM events")
            }
        except sqlite3.DatabaseError:
            return False, 0, set()
        finally:
            db.close()
        return ok, count, events

    def stray(self, *folders: Path) -> int:
        return sum(len(list(f.glob(".*.tmp"))) for f in folders if f.exists())

    # --- the commands ------------------------------------------------------------------------

    def profile_save(self, kills: int) -> Tally:
        tally = Tally()
        files = []
        for name, data in (("a.json", PROFILE_A), ("b.json", PROFILE_B)):
            (self.home / name).write_text(json.dumps(data))
            files.append(self.home / name)
        duration = self.timed("profile", "import", files[0])
        for n in range(kills):
            self.kill(["profile", "import", files[(n + 1) % 2]], duration, tally)
            shown = self.cli("profile", "show", "--json")
            if shown.returncode != 0:
                tally.corrupt += 1
                tally.notes.append(shown.stderr.strip())
                continue
            facts = json.loads(shown.stdout)["facts"]
            if facts not in (PROFILE_A["facts"], PROFILE_B["facts"]):
                tally.lost += 1
        tally.stray_tmp = self.stray(self.vault)
        return tally

    def letters_record(self, kills: int) -> Tally:
        tally = Tally()
        out = self.home / "letters"
        argv: list[str | Path] = ["letters", "--demo", "--broker", "clearview-ai", "--record",
                                  "--out", out]  # fmt: skip
        duration = self.timed(*argv)
        for _ in range(kills):
            _, before, _ = self.ledger_ok()
            printed = self.kill(argv, duration, tally)
            ok, after, _ = self.ledger_ok()
            recorded = [int(w.strip("#")) for w in printed.split() if w.startswith("#")]
            if not ok or self.cli("requests", "list").returncode != 0:
                tally.corrupt += 1
            elif after < before or (recorded and after < max(recorded)):
                tally.lost += 1
        tally.stray_tmp = self.stray(self.vault, out)
        return tally

    def requests_mark(self, kills: int) -> Tally:
        tally = Tally()
        _, count, _ = self.ledger_ok()
        while count < kills + 1:  # one drafted request per kill
            self.timed("letters", "--demo", "--record", "--out", self.home / "more")
            _, count, _ = self.ledger_ok()
        duration = self.timed("requests", "mark", "1", "sent")
        for n in range(2, kills + 2):
            _, _, before = self.ledger_ok()
            printed = self.kill(["requests", "mark", str(n), "sent"], duration, tally)
            ok, _, after = self.ledger_ok()
            if not ok or self.cli("requests", "show", str(n)).returncode != 0:
                tally.corrupt += 1
            elif not before <= after or ("is now sent" in printed and (n, "sent") not in after):
                tally.lost += 1
        tally.stray_tmp = self.stray(self.vault)
        return tally

    def requests_followup(self, kills: int) -> Tally:
        tally = Tally()
        from exposure.profile.files import demo_profile, profile_to_text

        fictional = self.home / "demo.json"  # the demo's fictional identity: letters need one
        fictional.write_text(profile_to_text(demo_profile(), ".json"))
        self.timed("profile", "import", fictional)
        self.timed("letters", "--demo", "--broker", "clearview-ai", "--record", "--out",
                   self.home / "more")  # fmt: skip
        _, newest, _ = self.ledger_ok()
        self.timed("requests", "mark", str(newest), "sent", "--on", "2025-01-02", "--note", "x")
        out = self.home / "followups"
        argv: list[str | Path] = ["requests", "followup", str(newest), "--out", out]
        duration = self.timed(*argv)
        for _ in range(kills):
            _, _, before = self.ledger_ok()
            self.kill(argv, duration, tally)
            ok, _, after = self.ledger_ok()
            whole = all(
                p.read_bytes().startswith(b"%PDF") and b"%%EOF" in p.read_bytes()[-64:]
                for p in out.glob("*.pdf")
            )
            if not ok or not whole:
                tally.corrupt += 1
            elif not before <= after:
                tally.lost += 1
        tally.stray_tmp = self.stray(out, self.vault)
        return tally

    def workshop_add(self, kills: int) -> Tally:
        from exposure.workshop import batch, session

        tally = Tally()
        workshop, csv, out = self.home / "w.json", self.home / "p.csv", self.home / "w-out"
        csv.write_text(CSV)
        self.timed("workshop", "start", workshop, "--name", "Fictional campaign")
        duration = self.timed("workshop", "add", workshop, "--csv", csv, "--out", out)
        agreed_at_once = 0
        for _ in range(kills):
            before = session.load(workshop).participants
            self.kill(["workshop", "add", workshop, "--csv", csv, "--out", out], duration, tally)
            try:
                counted = session.load(workshop).participants
            except Exception as exc:
                tally.corrupt += 1
                tally.notes.append(type(exc).__name__)
                continue
            folders = len([p for p in out.iterdir() if p.name.startswith("participant-")])
            agreed_at_once += counted == folders
            batch.recover(out, counted)  # what the next 'workshop add' does first
            folders = len([p for p in out.iterdir() if p.name.startswith("participant-")])
            if counted != folders or counted < before:
                tally.lost += 1
        tally.notes.append(f"count and folders agreed at once after {agreed_at_once} kills")
        tally.stray_tmp = self.stray(self.home, out)
        return tally

    def workshop_close(self, kills: int) -> Tally:
        from exposure.workshop import session

        tally = Tally()
        template = self.home / "template.json"
        self.timed("workshop", "start", template, "--name", "Fictional close")
        workshop = self.home / "close.json"
        shutil.copy(template, workshop)
        duration = self.timed("workshop", "close", workshop)
        for _ in range(kills):
            shutil.copy(template, workshop)
            self.kill(["workshop", "close", workshop], duration, tally)
            try:
                session.load(workshop)
            except Exception:
                tally.corrupt += 1
        tally.stray_tmp = self.stray(self.home)
        return tally


SCENARIOS: dict[str, Callable[[Campaign, int], Tally]] = {
    "profile-save": Campaign.profile_save,
    "letters-record": Campaign.letters_record,
    "requests-mark": Campaign.requests_mark,
    "requests-followup": Campaign.requests_followup,
    "workshop-add": Campaign.workshop_add,
    "workshop-close": Campaign.workshop_close,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100, help="kills per command")
    parser.add_argument("--only", choices=SCENARIOS, action="append")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    from tests.conftest import secret_service

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the keyring daemon is stopped
    with secret_service() as env, tempfile.TemporaryDirectory() as tmp:
        campaign = Campaign(Path(tmp), env, args.seed)
        campaign.timed("catalog", "stats")  # build the catalog cache once, as any first run does
        total = Tally()
        for name in args.only or SCENARIOS:
            start = time.perf_counter()
            tally = SCENARIOS[name](campaign, args.kills)
            tally.seconds = time.perf_counter() - start
            print(
                f"{name:<18} {tally.kills:>4} kills ({tally.while_running} while running, "
                f"{tally.finished_first} reruns) in "
                f"{tally.seconds:>4.0f} s: {tally.corrupt} corrupt, {tally.lost} lost, "
                f"{tally.stray_tmp} stray temporary files"
                + (f"; {'; '.join(tally.notes[-3:])}" if tally.notes else ""),
                flush=True,
            )
            for attr in ("kills", "while_running", "corrupt", "lost", "stray_tmp"):
                setattr(total, attr, getattr(total, attr) + getattr(tally, attr))
        print(
            f"{'all':<18} {total.kills:>4} kills ({total.while_running} while running): "
            f"{total.corrupt} corrupt, {total.lost} lost, {total.stray_tmp} stray temporary files"
        )


if __name__ == "__main__":
    main()

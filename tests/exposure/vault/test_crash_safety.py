"""A kill at any moment during a save leaves the old document or the new one, never a broken one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from exposure.vault.store import Vault

PASSPHRASE = "correct horse battery"  # noqa: S105 - a test passphrase
WRITER = """
import sys
from pathlib import Path
from exposure.vault.store import Vault
vault = Vault.open(Path(sys.argv[1]), keyring=None, ask=lambda _: sys.argv[2], notify=print)
versions = [bytes([65 + i]) * 2_000_000 for i in range(3)]
print("ready", flush=True)
i = 0
while True:
    vault.write("profile", versions[i % 3])
    i += 1
"""


def test_killing_a_writer_never_corrupts_the_vault(tmp_path: Path) -> None:
    path = tmp_path / "v"
    answers = iter([PASSPHRASE, PASSPHRASE])
    vault = Vault.open(
        path, keyring=None, ask=lambda _: next(answers), notify=lambda _: None, create=True
    )
    vault.write("profile", b"A" * 2_000_000)
    allowed = {bytes([65 + i]) * 2_000_000 for i in range(3)}
    rng = random.Random(1234)  # noqa: S311 - fixed seed: the same kill points every run
    for _ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        assert vault.read("profile") in allowed
    leftovers = [p.name for p in path.iterdir() if p.name.endswith(".tmp")]
    # A killed writer may leave its temporary file behind; it is never mistaken for the document.
    assert all(name.startswith(".profile.sealed.") for name in leftovers)

"""Which brokers get a letter: the one rule every surface uses (the CLI's default, the terminal
app's pre-selection, the workshop's papers, the demo).

The action plan decides: the brokers of its letter actions, in plan order (most impact first),
so the same profile always gives the same letters in the same order.
"""

from __future__ import annotations

from exposure.engine.result import LETTER_ACTIONS, Audit


def letter_targets(audit: Audit) -> list[str]:
    """Broker ids the action plan sends a letter to, in plan order."""
    out: dict[str, None] = {}
    for action in audit.plan:
        if action.kind in LETTER_ACTIONS:
            out.update(dict.fromkeys(action.brokers))
    return list(out)

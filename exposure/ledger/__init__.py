"""The request ledger: every request, its legal deadline, follow-ups and relisting re-checks."""

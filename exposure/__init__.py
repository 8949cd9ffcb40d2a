"""exposure: see which data brokers likely hold your records, and get out."""

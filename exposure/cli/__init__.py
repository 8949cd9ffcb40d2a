"""The command-line interface: thin, lazy, and the same capabilities as the TUI."""

"""The use cases: each job the CLI, the terminal app and the workshop do, written once."""

"""The terminal app: one Textual app for the whole journey, from questions to written requests.

Only this package imports Textual. The CLI imports :func:`exposure.tui.app.create_app` lazily,
so the catalog, the engine and ``exposure --help`` never pay for it (tests/test_headless_import.py).
"""

"""Turning results into text for terminals and Markdown files (PDF lives elsewhere)."""

"""Opt-out and data-rights requests: choosing the legal ground, drafting (pure), and rendering
to PDF, e-mail, plain text and web-form guides (edges)."""

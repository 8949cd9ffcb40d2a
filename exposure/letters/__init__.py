"""Opt-out and data-rights requests, drafted as data: the legal ground, the text and the
identity fields each broker needs. Pure: PDF and e-mail rendering live in exposure.pdf and
exposure.mail."""

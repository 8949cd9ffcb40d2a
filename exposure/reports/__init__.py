"""PDF reports: for a person, for an advocacy group (aggregate), and handouts."""

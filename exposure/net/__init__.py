"""Network code for keeping the catalog true: registry downloads, the link checker and catalog
updates.

It lives at the edge, apart from the pure catalog code, and is imported only by the commands
that use it, so `exposure --help` never loads httpx. Nothing here ever sends personal data: the
only requests it makes are for catalog URLs, registry files and catalog releases, with no
cookies, no referrer and no credentials from the environment.
"""

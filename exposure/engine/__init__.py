"""The exposure engine: pure functions from life facts and the catalog to an explained estimate.

No disk, network or terminal: everything here can be tested with a profile and a catalog in
memory, and gives the same answer every time.
"""

from exposure.engine.audit import audit

__all__ = ["audit"]

"""The exposure engine: pure functions from life facts and the catalog to an explained estimate.

No disk, network or terminal: everything here can be tested with a profile and a catalog in
memory, and gives the same answer every time. :func:`audit` explains one person's estimate;
:func:`likelihoods` scores many answer sets fast, without reasons (workshop tallies).
"""

from exposure.engine.audit import audit
from exposure.engine.compiled import likelihoods

__all__ = ["audit", "likelihoods"]

"""The application's errors. All derive from one base with a message written for people."""

from __future__ import annotations

from broker_catalog.errors import UserFacingError


class ExposureError(UserFacingError):
    """Something the person can act on went wrong; the CLI prints ``message``, not a traceback."""


class UsageError(ExposureError):
    """The command was asked for something it cannot do (an unknown broker, a missing profile)."""

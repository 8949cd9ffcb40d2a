"""Errors from the network commands, each with a message a maintainer can act on."""

from __future__ import annotations

from exposure.errors import ExposureError


class DownloadError(ExposureError):
    """A file could not be fetched: unreachable, refused, too large, or not what was expected."""


class VerificationError(ExposureError):
    """A downloaded release does not match its published checksum or is not a valid catalog."""

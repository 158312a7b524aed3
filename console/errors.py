"""Errors the services raise; each carries a message an agent can read (Persian)."""

from __future__ import annotations


class ConsoleError(Exception):
    """Base of every error a screen shows to its user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ConsoleError, ValueError):
    """Bad input: nothing was changed."""


class NotFoundError(ConsoleError, LookupError):
    """The thing asked for does not exist (or no longer does)."""


class ConflictError(ConsoleError):
    """Someone else changed it first (a stale edit, a ticket already claimed)."""


class PermissionDeniedError(ConsoleError, PermissionError):
    """The signed-in person's role does not allow this."""

"""Tables of the mail domain; registered on Base.metadata by the import at the end of console.models."""

from __future__ import annotations

from console.models import Base  # noqa: F401

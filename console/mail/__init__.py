"""The mail channel: mail in (parse, guards, threading, tickets) and mail out (the outbox).

``ingest_message`` is the core API the IMAP side calls for each fetched message; it runs in the
caller's transaction. See docs/mail.md.

The names below are imported on first use (PEP 562): a module that needs only a part of the
channel (the ticket pane's :mod:`console.mail.views`) does not load the parser and the rules with
it, which the app would otherwise pay for before its first paint.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.mail.context import ACTIONS, IngestResult
    from console.mail.ingest import RULES, ingest_message

__all__ = ["ACTIONS", "RULES", "IngestResult", "ingest_message"]

_HOMES = {
    "ACTIONS": "console.mail.context",
    "IngestResult": "console.mail.context",
    "RULES": "console.mail.ingest",
    "ingest_message": "console.mail.ingest",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

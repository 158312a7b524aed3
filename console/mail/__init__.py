"""The mail channel: mail in (parse, guards, threading, tickets) and mail out (the outbox).

``ingest_message`` is the core API the IMAP side calls for each fetched message; it runs in the
caller's transaction. See docs/mail.md.
"""

from __future__ import annotations

from console.mail.context import ACTIONS, IngestResult
from console.mail.ingest import RULES, ingest_message

__all__ = ["ACTIONS", "RULES", "IngestResult", "ingest_message"]

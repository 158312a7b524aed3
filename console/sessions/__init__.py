"""Work-session timer services: what pays, start, pause, resume, heartbeat, stop and recovery.

Business rules 3-6, 8 and 9 of docs/rules.md. No Qt; every function takes the database ``session``
first, flushes but never commits, and returns frozen dataclasses. Every moment recorded (start,
pause, heartbeat, stop) is the database server's clock (:func:`console.db.server_now`), never the
PC's; the calendar date of a moment is its Asia/Tehran date.

Transactions and locks (the caller holds the transaction, one per call):

* Calls that write - :func:`start_session`, :func:`pause_session`, :func:`resume_session`,
  :func:`heartbeat`, :func:`stop_session` and :func:`recover_session` - must run inside
  ``unit_of_work(factory, write_lock=True)``. On SQLite that takes the write lock at ``BEGIN``, which
  serialises stops (so no minute is lost or doubled) and keeps a transaction that read first from
  failing half-way with "database is locked". On PostgreSQL the flag does nothing and these services
  lock rows themselves: the ``work_sessions`` row ``FOR UPDATE`` (two PCs cannot stop one session
  twice), then :func:`console.ledger.deduct` locks the customer's package rows ``FOR UPDATE`` in id
  order. Locks are always taken in that order (session row, then packages), so concurrent stops
  queue instead of deadlocking.
* Reads - :func:`quote_session`, :func:`current_session`, :func:`orphaned_sessions` and
  :func:`list_sessions` - need no write lock.

Modules: ``start`` (quote and start), ``timer`` (pause, resume, heartbeat), ``stop`` (stop and
crash recovery, the one path that deducts), ``reads`` (the running session, orphans, lists), ``views``
(the returned dataclasses) and ``checks`` (the lookups and locks they share). Callers import every
public name from ``console.sessions``.

Durations are ``stop - start - paused seconds``. Paused seconds are stored as whole seconds, rounded
up (in the customer's favour), and a duration never goes below zero.
"""

from __future__ import annotations

from console.sessions.reads import current_session, list_sessions, orphaned_sessions
from console.sessions.start import MAX_NOTE, quote_session, start_session
from console.sessions.stop import MAX_REASON, recover_session, stop_session
from console.sessions.timer import heartbeat, pause_session, resume_session
from console.sessions.views import (
    Heartbeat,
    OpenSessionConflictError,
    RunningSession,
    SessionQuote,
    SessionView,
    StoppedSession,
)

__all__ = [
    "MAX_NOTE",
    "MAX_REASON",
    "Heartbeat",
    "OpenSessionConflictError",
    "RunningSession",
    "SessionQuote",
    "SessionView",
    "StoppedSession",
    "current_session",
    "heartbeat",
    "list_sessions",
    "orphaned_sessions",
    "pause_session",
    "quote_session",
    "recover_session",
    "resume_session",
    "start_session",
    "stop_session",
]

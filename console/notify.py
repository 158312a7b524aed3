"""PostgreSQL LISTEN/NOTIFY: every PC hears of a change as soon as it is committed.

Each audit entry sends a NOTIFY on :data:`CHANNEL` (a trigger on ``audit_log``, migration 0003;
delivered by PostgreSQL at commit). A PC runs
:func:`listen` on a thread of its own; each notification only says "look at the change feed now",
so a lost one costs at most the feed's next poll.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

CHANNEL = "support_console_changes"


def supports_listen(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def listen(url: str, on_change: Callable[[], None], stop: threading.Event, timeout: float = 0.5) -> None:
    """Block, calling ``on_change()`` for each notification, until ``stop`` is set.

    Reconnects after a lost connection (the poll covers the gap); returns when ``stop`` is set.
    """
    import psycopg
    from psycopg.conninfo import make_conninfo

    from console.person_sign_in import current_password

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    while not stop.is_set():
        # A person who signed in with ``url`` may have changed their password since: each
        # (re)connection uses the one they have now.
        password = current_password(url)
        now = conninfo if password is None else make_conninfo(conninfo, password=password)
        try:
            with psycopg.connect(now, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                while not stop.is_set():
                    for _note in conn.notifies(timeout=timeout, stop_after=1):
                        if not stop.is_set():
                            on_change()
        except psycopg.Error:
            stop.wait(timeout)  # the database is away: try again shortly

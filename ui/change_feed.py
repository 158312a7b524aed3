"""Follows the shared database's change feed, so that what one PC changes shows on the others.

Every mutation appends to the audit trail; this polls for entries newer than the last one seen (a
cheap indexed query every second, at once on a PostgreSQL NOTIFY) on its own thread, and emits them.
A write made in this app is announced at once by the runner (:meth:`ChangeFeed.announce`, with who
made it); the poll that later finds the same entries does not announce them again. So every change
is announced once, local or remote, through one signal.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from console.audit import Change, changes_since, latest_change_id
from console.db import SessionFactory, unit_of_work
from console.notify import listen, supports_listen


class ChangeFeed(QObject):
    """Polls the audit trail for changes.

    Signals:
        changed(list[Change], object): entries not announced before, oldest first, and the initiator
            (the page or widget whose write made them; None for another PC's or an unknown one).
        reachable(bool): the database became reachable (True) or unreachable (False).
        restored(): the database is back after being away: reload what is on screen.
    """

    changed = Signal(object, object)
    reachable = Signal(bool)
    restored = Signal()
    _polled = Signal(object, object)
    _heard = Signal()

    def __init__(self, factory: SessionFactory, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self._factory = factory
        self._last_id: int | None = None
        self._in_flight = False
        self._again = False
        self._stopped = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="changes")
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._base_interval = interval_ms
        self._down = False
        self._timer.timeout.connect(self.poke)
        self._polled.connect(self._on_polled, Qt.ConnectionType.QueuedConnection)
        self._heard.connect(self.poke, Qt.ConnectionType.QueuedConnection)
        self._listening: threading.Event | None = None
        self._announced: set[int] = set()  # ids announced by :meth:`announce`, above ``_last_id``

    @property
    def ready(self) -> bool:
        """Whether the feed knows where the trail stood when it started (changes after that are seen)."""
        return self._last_id is not None

    def _track_reachability(self, ok: bool) -> None:
        """Back off while the database is away (1, 2, 4 … 30 s); say so once when it returns."""
        was_down = self._down
        self._down = not ok
        if ok:
            if self._timer.interval() != self._base_interval:
                self._timer.setInterval(self._base_interval)
            if was_down:
                self.restored.emit()
        else:
            self._timer.setInterval(min(30_000, max(1000, self._timer.interval() * 2)))
        if was_down != self._down:
            self.reachable.emit(ok)

    @property
    def down(self) -> bool:
        return self._down

    def start(self) -> None:
        self._timer.start()
        self.poke()

    def listen(self, url: str) -> bool:
        """On PostgreSQL, also hear of changes the moment they commit (LISTEN/NOTIFY)."""
        if not supports_listen(url):
            return False
        self._listening = threading.Event()
        thread = threading.Thread(
            target=listen, args=(url, self._on_heard, self._listening), name="listen", daemon=True
        )
        thread.start()
        return True

    def _on_heard(self) -> None:
        """Called on the listener's thread: hand over to the GUI thread, unless shutting down."""
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):  # the feed was deleted as a notification arrived
            self._heard.emit()

    def stop(self) -> None:
        self._stopped = True
        if self._listening is not None:
            self._listening.set()
        self._timer.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def announce(self, changes: Sequence[Change], initiator: object = None) -> None:
        """Announce changes made in this app at once; the next poll skips them.

        Without any (the write's result carried none), look for them now instead.
        """
        if self._stopped:
            return
        last = self._last_id if self._last_id is not None else -1
        fresh = [c for c in changes if c.id > last and c.id not in self._announced]
        if not changes:
            self.poke()
            return
        self._announced.update(c.id for c in fresh)
        if fresh:
            self.changed.emit(fresh, initiator)

    def poke(self) -> None:
        """Look for new changes now (coalesced when a poll is already under way)."""
        if self._stopped:
            return
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        last = self._last_id

        def job() -> None:
            try:
                with unit_of_work(self._factory) as session:
                    if last is None:
                        result: object = latest_change_id(session)
                    else:
                        result = changes_since(session, last)
            except Exception as exc:
                self._polled.emit(None, exc)
            else:
                self._polled.emit(result, None)

        self._pool.submit(job)

    def _on_polled(self, result: object, error: object) -> None:
        self._in_flight = False
        if self._stopped:
            return  # stopped: the screens it would tell may be gone
        self._track_reachability(error is None)
        if error is None:
            if isinstance(result, int):
                self._last_id = result
            elif isinstance(result, list) and result:
                changes: list[Change] = result
                self._last_id = changes[-1].id
                fresh = [c for c in changes if c.id not in self._announced]
                self._announced = {i for i in self._announced if i > self._last_id}
                if fresh:
                    self.changed.emit(fresh, None)
        if self._again:
            self._again = False
            self.poke()

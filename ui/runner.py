"""Runs database work off the GUI thread and hands results back by a queued signal.

Every screen goes through :class:`DbRunner`: ``runner.run(op, on_done)`` calls ``op(session)`` on a
one-worker thread inside one transaction, then calls ``on_done(result)`` on the GUI thread. ``op``
never touches a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from console.db import Session, SessionFactory, is_connection_error, unit_of_work

T = TypeVar("T")
log = logging.getLogger(__name__)


class DbRunner(QObject):
    """One worker thread for database operations.

    Signals:
        failed(Exception): an operation raised and had no error handler of its own.
        connection_state(bool): whether the last operation reached the database.
        busy(bool): whether an operation is under way.
    """

    failed = Signal(object)
    connection_state = Signal(bool)
    busy = Signal(bool)
    _finished = Signal(object, object, object, object)  # on_done, on_error, result, error

    def __init__(self, factory: SessionFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def factory(self) -> SessionFactory:
        return self._factory

    def run(
        self,
        op: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        write_lock: bool = False,
    ) -> None:
        """Run ``op(session)`` in one transaction on the worker; deliver on the GUI thread."""
        if self._closed:
            return  # the app is shutting down: a late timer's request has nowhere to go
        self._pending += 1
        if self._pending == 1:
            self.busy.emit(True)

        def job() -> None:
            try:
                with unit_of_work(self._factory, write_lock=write_lock) as session:
                    result = op(session)
            except Exception as exc:  # handed to the GUI thread, which decides what to show
                self._finished.emit(on_done, on_error, None, exc)
            else:
                self._finished.emit(on_done, on_error, result, None)

        self._pool.submit(job)

    def _deliver(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy.emit(False)
        from console.errors import ConsoleError

        if error is None:
            self.connection_state.emit(True)
            if on_done is not None:
                on_done(result)
            return
        if not isinstance(error, ConsoleError):
            self.connection_state.emit(not is_connection_error(error))
        if on_error is not None:
            on_error(error)
        else:
            log.error("database operation failed: %r", error)
            self.failed.emit(error)

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)

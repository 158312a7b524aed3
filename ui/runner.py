"""Runs database work off the GUI thread and hands results back by a queued signal.

The one path from a click to the database and back (Anki's ``QueryOp`` / ``CollectionOp``):

- ``runner.run(op, on_done, on_error)`` reads: ``op(session)`` runs on a one-worker thread in one
  transaction and ``on_done(result)`` is called on the GUI thread.
- ``runner.mutate(op, on_done, on_error, initiator=…)`` writes: always under the write lock; the
  changes the result carries (:func:`changes_of`) are announced once through :attr:`DbRunner.mutated`
  (the change feed passes them on to every screen, with who made them) after ``on_done``.

Errors are reported one way: to ``on_error`` when the caller gave one, else by :attr:`failed`, which
the main window shows. ``op`` never touches a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from console.audit import Change, Changes
from console.db import Session, SessionFactory, is_connection_error, unit_of_work
from console.errors import ConsoleError

T = TypeVar("T")
C = TypeVar("C", bound=Changes)
log = logging.getLogger(__name__)


def changes_of(result: Changes) -> list[Change]:
    """The audit entries a write's result carries in its ``changes`` (:class:`console.audit.Changes`).

    mypy holds every :meth:`DbRunner.mutate` caller to that shape; a result that still slips through
    without it (an op typed ``Any``) is logged, and the change feed's next poll finds its entries.
    """
    changes = getattr(result, "changes", None)
    if changes is None:
        log.warning("a write's result carries no changes: %s", type(result).__name__)
        return []
    return list(changes)


class Latest:
    """The one stale-result guard: only the answer to the newest request is shown.

    ``guard(on_done, on_error)`` returns the two callbacks of one request; they do nothing once the
    same guard was asked for a newer request's (a slow answer to an earlier filter must not
    overwrite a newer one's).
    """

    def __init__(self) -> None:
        self._generation = 0

    def __call__(
        self, on_done: Callable[[T], None], on_error: Callable[[Exception], None]
    ) -> tuple[Callable[[T], None], Callable[[Exception], None]]:
        self._generation += 1
        mine = self._generation

        def deliver(result: T) -> None:
            if mine == self._generation:
                on_done(result)

        def fail(error: Exception) -> None:
            if mine == self._generation:
                on_error(error)

        return deliver, fail


class DbRunner(QObject):
    """One worker thread for database operations.

    Signals:
        failed(Exception): an operation raised and had no error handler of its own.
        connection_state(bool): whether the last operation reached the database.
        busy(bool): whether an operation is under way.
        mutated(list[Change], object): a write committed these changes; the object is its initiator.
    """

    failed = Signal(object)
    connection_state = Signal(bool)
    busy = Signal(bool)
    mutated = Signal(object, object)
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
    ) -> None:
        """Read: run ``op(session)`` in one transaction on the worker; deliver on the GUI thread."""
        self._submit(op, on_done, on_error, write=False)

    def mutate(
        self,
        op: Callable[[Session], C],
        on_done: Callable[[C], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        initiator: object = None,
    ) -> None:
        """Write: as :meth:`run`, under the write lock; then announce the result's changes.

        Args:
            op: The service call; its result carries what it changed (``changes``, the
                :class:`console.audit.Changes` shape): mypy refuses an op whose result does not.
            on_done: Called with the result on the GUI thread, before the changes are announced.
            on_error: Called with the error instead of :attr:`failed`.
            initiator: Who asked (a page, the session bar): passed on with the changes, so that
                it need not reload twice.
        """

        def done(result: C) -> None:
            if on_done is not None:
                on_done(result)
            self.mutated.emit(changes_of(result), initiator)

        self._submit(op, done, on_error, write=True)

    def _submit(
        self,
        op: Callable[[Session], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[Exception], None] | None,
        *,
        write: bool,
    ) -> None:
        if self._closed:
            return  # the app is shutting down: a late timer's request has nowhere to go
        self._pending += 1
        if self._pending == 1:
            self.busy.emit(True)

        def job() -> None:
            try:
                with unit_of_work(self._factory, write_lock=write) as session:
                    result = op(session)
            except Exception as exc:  # handed to the GUI thread, which decides what to show
                self._finished.emit(on_done, on_error, None, exc)
            else:
                self._finished.emit(on_done, on_error, result, None)

        self._pool.submit(job)

    def _deliver(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        self._pending -= 1
        if self._closed:
            return  # shut down: the widgets that asked may be gone already
        if self._pending == 0:
            self.busy.emit(False)
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

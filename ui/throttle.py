"""The one throttle: many calls within an interval become one call at its end.

A burst of changes (a supervisor's batch, another PC's import) or of keystrokes asks for one reload
per interval, not one per event (after qutebrowser's ``misc/throttle.py``, which throttles in the same
spirit; here the call always comes at the end of the interval, so the last event is never missed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


class Throttle(QObject):
    """Calls ``func`` once, ``delay_ms`` after the first of a burst of calls.

    ``func`` is only connected, never kept in a Python attribute: a page's throttle pointing back at
    the page would make a reference cycle that Python's collector frees at a random later moment,
    after Qt has deleted the widgets (seen as crashes in later tests).

    Signals:
        fire(): the call, at the end of the interval.

    Args:
        func: What to call (no arguments).
        delay_ms: The interval.
        parent: The owner (the timer stops with it).
        quiet: Wait for ``delay_ms`` without a call instead (typing: search once the person pauses).
    """

    fire = Signal()

    def __init__(
        self, func: Callable[[], None], delay_ms: int, parent: QObject | None = None, *, quiet: bool = False
    ) -> None:
        super().__init__(parent)
        self._quiet = quiet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self.fire.connect(func)
        self._timer.timeout.connect(self.fire)

    def __call__(self) -> None:
        if self._quiet or not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether a call is waiting for the end of the interval."""
        return self._timer.isActive()

    def cancel(self) -> None:
        self._timer.stop()

    def flush(self) -> None:
        """Make the waiting call now (if any)."""
        if self._timer.isActive():
            self._timer.stop()
            self.fire.emit()

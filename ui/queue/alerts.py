"""Tray notifications when a ticket of mine, or an unassigned one, nears its deadline."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from console.jalali import format_duration, to_persian_digits
from ui.queue.model import QueueModel

ALERT_BEFORE = 30 * 60.0  # business seconds


class BreachAlerts(QObject):
    """Says once per deadline that a ticket is 30 business minutes from breach.

    Signals:
        alerted(int): the ticket id that was announced.
    """

    alerted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._said: set[tuple[int, float]] = set()
        self._tray: QSystemTrayIcon | None = None
        self.sound = False

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()
        return self._tray

    def check(self, model: QueueModel, agent_id: int) -> list[int]:
        """Announce every newly near-breach ticket of mine or unassigned; return their ids."""
        fresh: list[int] = []
        for due, ticket_id in model.near_deadline(ALERT_BEFORE):
            key = (ticket_id, due)  # per deadline: a new deadline alerts again
            if key in self._said:
                continue
            self._said.add(key)
            fresh.append(ticket_id)
            row = model.row_by_id(ticket_id)
            left = model.left(row) if row is not None else None
            if row is not None and left is not None:
                self._notify(ticket_id, row.subject, left)
        return fresh

    def _notify(self, ticket_id: int, subject: str, left: float) -> None:
        self.alerted.emit(ticket_id)
        tray = self._tray_icon()
        title = self.tr("Ticket #%1 is near its deadline").replace("%1", to_persian_digits(str(ticket_id)))
        text = (
            self.tr("%1 — %2 business time left").replace("%1", subject).replace("%2", format_duration(left))
        )
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        if self.sound:
            QApplication.beep()

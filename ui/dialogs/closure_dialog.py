"""Add an ad-hoc closure: a start and an end on the Tehran clock, and a reason."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from console.calendar_store import MAX_CLOSURE_REASON
from ui.dialogs.time_span import TimeSpanDialog
from ui.widgets import limit_length


class ClosureDialog(TimeSpanDialog):
    """Jalali date-time pickers for the start and the end, and a reason.

    The Add button stays disabled while the end is not after the start (the service checks it too).

    Args:
        start: The start shown at first (aware).
        end: The end shown at first (aware).
        parent: Parent widget.
    """

    def __init__(self, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(start, end, parent)
        self.setWindowTitle(self.tr("Add closure"))
        self.reason_edit = QLineEdit()
        self.reason_limit = limit_length(self.reason_edit, MAX_CLOSURE_REASON)
        self.reason_edit.setPlaceholderText(self.tr("e.g. Government-announced closure"))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow("", self.start_edit.message)
        form.addRow(self.tr("Until"), self.end_edit)
        form.addRow("", self.end_edit.message)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow("", self.reason_limit.message)
        self._lay_out(
            self.tr("Times are on the Tehran clock. The desk counts no business time in between."), form, 460
        )

    def reason(self) -> str:
        return self.reason_edit.text()

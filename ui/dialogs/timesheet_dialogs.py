"""The timesheet page's two dialogs: a rejection's reason, and a correction after approval."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.jalali import format_datetime, format_minutes, to_persian_digits
from console.timesheets import MAX_CORRECTION_MINUTES, MAX_REASON, SessionLine
from ui.dialogs.form import FormDialog
from ui.widgets import limit_length

__all__ = ["CorrectionDialog", "RejectDialog"]


class RejectDialog(FormDialog):
    """Why a supervisor rejects a timesheet period; the reason is required.

    Args:
        agent_name: Whose timesheet.
        period: The period as shown on the page.
        parent: Parent widget.
    """

    def __init__(self, agent_name: str, period: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject timesheet"))
        note = QLabel(
            self.tr("Reject the timesheet of %1 for %2? The agent sees the reason.")
            .replace("%1", agent_name)
            .replace("%2", period)
        )
        note.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_limit = limit_length(self.reason_edit, MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("e.g. Monday's calls are missing"))
        self.ok_button.setText(self.tr("Reject"))
        form = QFormLayout()
        form.addRow(self.tr("Reason for rejecting"), self.reason_edit)
        form.addRow("", self.reason_limit.message)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.watch_fields()
        self.reason_edit.textChanged.connect(lambda _t: self._update())
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason().strip()))

    def reason(self) -> str:
        return self.reason_edit.text()


class CorrectionDialog(FormDialog):
    """A change to a session in an approved period, recorded as a compensating ledger entry.

    The session itself stays as approved; the minutes move the balance of the package it was charged
    to: more minutes are taken from it, fewer give minutes back.

    Args:
        line: The session.
        parent: Parent widget.
    """

    def __init__(self, line: SessionLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.setWindowTitle(self.tr("Correct an approved session"))
        charged = format_minutes(line.package_minutes)
        summary = QLabel(
            self.tr("%1, %2: %3 billable, %4 charged to packages.")
            .replace("%1", line.customer_name)
            .replace("%2", format_datetime(line.started_at))
            .replace("%3", format_minutes(line.billable_minutes or 0))
            .replace("%4", charged)
        )
        summary.setWordWrap(True)
        note = QLabel(
            self.tr(
                "This day is approved, so the session stays as it is. The correction is added to the "
                "ledger of the package the session was charged to: more minutes take from its balance, "
                "fewer give minutes back."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #616161;")
        self.minutes_edit = QSpinBox()
        self.minutes_edit.setRange(-MAX_CORRECTION_MINUTES, MAX_CORRECTION_MINUTES)
        self.minutes_edit.setValue(0)
        self.minutes_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the sign stays in front
        self.effect = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_limit = limit_length(self.reason_edit, MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the call went on after the timer stopped"))
        self.ok_button.setText(self.tr("Record correction"))
        form = QFormLayout()
        form.addRow(self.tr("Minutes (+ more, − fewer)"), self.minutes_edit)
        form.addRow("", self.effect)
        form.addRow(self.tr("Reason for the correction"), self.reason_edit)
        form.addRow("", self.reason_limit.message)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self.watch_fields()
        self.minutes_edit.valueChanged.connect(lambda _v: self._update())
        self.reason_edit.textChanged.connect(lambda _t: self._update())
        self._update()

    def _update(self) -> None:
        delta = self.minutes()
        if delta > 0:
            text = self.tr("%1 more taken from the package").replace("%1", format_minutes(delta))
        elif delta < 0:
            text = self.tr("%1 given back to the package").replace("%1", format_minutes(-delta))
        else:
            text = ""
        self.effect.setText(to_persian_digits(text))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(delta != 0 and bool(self.reason().strip()))

    def minutes(self) -> int:
        return int(self.minutes_edit.value())

    def reason(self) -> str:
        return self.reason_edit.text()

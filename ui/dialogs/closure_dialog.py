"""Add an ad-hoc closure: a start and an end on the Tehran clock, and a reason."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.jalali_widgets import JalaliDateTimeEdit

REASON_MAX = 300  # console.models.Closure.reason


class ClosureDialog(QDialog):
    """Jalali date-time pickers for the start and the end, and a reason.

    The Add button stays disabled while the end is not after the start (the service checks it too).

    Args:
        start: The start shown at first (aware).
        end: The end shown at first (aware).
        parent: Parent widget.
    """

    def __init__(self, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(start, end)
        self._connect_signals()
        self._update()

    def _build_ui(self, start: datetime, end: datetime) -> None:
        self.setWindowTitle(self.tr("Add closure"))
        self.start_edit = JalaliDateTimeEdit(start)
        self.end_edit = JalaliDateTimeEdit(end)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("e.g. Government-announced closure"))
        self.problem = QLabel(self.tr("The end must be after the start."))
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("Until"), self.end_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Times are on the Tehran clock. The desk counts no business time in between."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.start_edit.changed.connect(self._update)
        self.end_edit.changed.connect(self._update)

    def _update(self) -> None:
        valid = self.ends_at() > self.starts_at()
        self.problem.setVisible(not valid)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)

    def starts_at(self) -> datetime:
        return self.start_edit.value()

    def ends_at(self) -> datetime:
        return self.end_edit.value()

    def reason(self) -> str:
        return self.reason_edit.text()

"""Record an outage: start and end on the Tehran clock, one customer or all, a cause, planned or not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.uptime_credits import CAUSE_MAX
from ui.jalali_widgets import JalaliDateTimeEdit


class OutageDialog(QDialog):
    """Jalali date-time pickers for the start and the end, the scope, a cause and the planned flag.

    The Add button stays disabled while the end is not after the start (the service checks it too).

    Args:
        start: The start shown at first (aware).
        end: The end shown at first (aware).
        customers: ``(id, name)`` of every customer, for the scope list (all customers come first).
        parent: Parent widget.
    """

    def __init__(
        self,
        start: datetime,
        end: datetime,
        customers: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build_ui(start, end, customers)
        self._connect_signals()
        self._update()

    def _build_ui(self, start: datetime, end: datetime, customers: Sequence[tuple[int, str]]) -> None:
        self.setWindowTitle(self.tr("Add outage"))
        self.start_edit = JalaliDateTimeEdit(start)
        self.end_edit = JalaliDateTimeEdit(end)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All customers (global outage)"), None)
        for customer_id, name in customers:
            self.scope.addItem(name, customer_id)
        self.cause_edit = QLineEdit()
        self.cause_edit.setMaxLength(CAUSE_MAX)
        self.cause_edit.setPlaceholderText(self.tr("e.g. Data centre network failure"))
        self.planned_check = QCheckBox(self.tr("Planned maintenance"))
        self.problem = QLabel(self.tr("The end must be after the start."))
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        form = QFormLayout()
        form.addRow(self.tr("Start"), self.start_edit)
        form.addRow(self.tr("End"), self.end_edit)
        form.addRow(self.tr("Affected"), self.scope)
        form.addRow(self.tr("Cause"), self.cause_edit)
        form.addRow("", self.planned_check)
        note = QLabel(
            self.tr(
                "Times are on the Tehran clock. Overlapping outages are counted once; planned "
                "maintenance counts only if the policy says so."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)

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

    def customer_id(self) -> int | None:
        """The customer affected, or None for every customer."""
        value = self.scope.currentData()
        return int(value) if value is not None else None

    def set_customer(self, customer_id: int | None) -> None:
        index = self.scope.findData(customer_id)
        if index >= 0:
            self.scope.setCurrentIndex(index)

    def cause(self) -> str:
        return self.cause_edit.text()

    def planned(self) -> bool:
        return self.planned_check.isChecked()

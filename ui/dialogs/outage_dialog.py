"""Record an outage: start and end on the Tehran clock, one customer or all, a cause, planned or not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from console.uptime_credits import MAX_CAUSE
from ui.dialogs.time_span import TimeSpanDialog
from ui.widgets import limit_length


class OutageDialog(TimeSpanDialog):
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
        now: datetime | None = None,
    ) -> None:
        super().__init__(start, end, parent)
        self.now = now  # an unplanned outage cannot have begun after it (None: not checked)
        self.setWindowTitle(self.tr("Add outage"))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All customers (global outage)"), None)
        for customer_id, name in customers:
            self.scope.addItem(name, customer_id)
        self.cause_edit = QLineEdit()
        self.cause_limit = limit_length(self.cause_edit, MAX_CAUSE)
        self.cause_edit.setPlaceholderText(self.tr("e.g. Data centre network failure"))
        self.planned_check = QCheckBox(self.tr("Planned maintenance"))
        self.planned_check.toggled.connect(lambda _on: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Start"), self.start_edit)
        form.addRow("", self.start_edit.message)
        form.addRow(self.tr("End"), self.end_edit)
        form.addRow("", self.end_edit.message)
        form.addRow(self.tr("Affected"), self.scope)
        form.addRow(self.tr("Cause"), self.cause_edit)
        form.addRow("", self.cause_limit.message)
        form.addRow("", self.planned_check)
        self._lay_out(
            self.tr(
                "Times are on the Tehran clock. Overlapping outages are counted once; planned "
                "maintenance counts only if the policy says so."
            ),
            form,
            500,
        )

    def form_problem(self) -> str:
        order = super().form_problem()
        if order:
            return order
        now = getattr(self, "now", None)  # (the base class checks the form before it is set)
        if now is not None and not self.planned() and self.starts_at() > now:
            return self.tr("An outage that has not begun yet can be recorded only as planned maintenance.")
        return ""

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

"""A supervisor records a bought package, or adjusts a balance with a reason (rules 7-8)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from console.jalali import format_date
from console.packages import package_expiry
from ui.jalali_widgets import JalaliDateEdit
from ui.labels import label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PurchaseDialog(QDialog):
    """Kind, hours, Jalali purchase date and reference; shows the validity it gives."""

    def __init__(self, customer_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a package purchase"))
        self.setMinimumWidth(460)
        self.kind = QComboBox()
        self.kind.addItem(label("support"), "support")
        self.kind.addItem(self.tr("Training package"), "training")
        self.hours = QSpinBox()
        self.hours.setRange(0, 10_000)
        self.hours.setValue(10)
        self.hours.setSuffix(" " + self.tr("hours"))
        self.extra_minutes = QSpinBox()
        self.extra_minutes.setRange(0, 59)
        self.extra_minutes.setSuffix(" " + self.tr("minutes"))
        self.purchased_on = JalaliDateEdit(today)
        self.reference = QLineEdit()
        self.reference.setMaxLength(64)
        self.reference.setPlaceholderText(self.tr("Invoice or contract number"))
        self.validity = QLabel()
        self.purchased_on.dateChanged.connect(lambda _d: self._update_validity())
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), QLabel(customer_name))
        form.addRow(self.tr("Package"), self.kind)
        form.addRow(self.tr("Time bought"), self.hours)
        form.addRow("", self.extra_minutes)
        form.addRow(self.tr("Purchase date"), self.purchased_on)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.validity)
        form.addRow(_buttons(self, self.tr("Record")))
        self._update_validity()

    def _update_validity(self) -> None:
        expires = package_expiry(self.purchased_on.value())
        self.validity.setText(
            self.tr("Usable until the end of the day before %1 (one Jalali year).").replace(
                "%1", format_date(expires)
            )
        )

    def minutes(self) -> int:
        return self.hours.value() * 60 + self.extra_minutes.value()


class AdjustDialog(QDialog):
    """A correction to a package's balance: a new ledger entry, never an edit."""

    def __init__(self, package_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjust a balance"))
        self.setMinimumWidth(460)
        self.minutes = QSpinBox()
        self.minutes.setRange(-100_000, 100_000)
        self.minutes.setSuffix(" " + self.tr("minutes"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Package"), QLabel(package_text))
        form.addRow(self.tr("Add (+) or take (−)"), self.minutes)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(_buttons(self, self.tr("Record")))

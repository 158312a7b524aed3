"""A supervisor records a bought package, or adjusts a balance with a reason (rules 7-8)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from console.jalali import format_date, format_minutes
from console.packages import package_expiry
from ui.dialogs.form import FormDialog
from ui.jalali_widgets import JalaliDateEdit
from ui.labels import label
from ui.widgets import limit_length

MAX_REFERENCE = 64  # console.ledger.record_purchase
MAX_REASON = 500  # console.ledger.MAX_TEXT


def _lay_out(dialog: FormDialog, form: QFormLayout) -> None:
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(dialog.problem)
    layout.addWidget(dialog.buttons)
    dialog.watch_fields()


class PurchaseDialog(FormDialog):
    """Kind, hours, Jalali purchase date and reference; shows the validity it gives.

    OK is refused while the date does not exist (30 Esfand of a common year) or the reference is
    too long; the field says why.
    """

    def __init__(self, customer_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a package purchase"))
        self.setMinimumWidth(460)
        self.ok_button.setText(self.tr("Record"))
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
        self.today = today
        self.purchased_on = JalaliDateEdit(today)
        self.reference = QLineEdit()
        self.reference_limit = limit_length(self.reference, MAX_REFERENCE)
        self.reference.setPlaceholderText(self.tr("Invoice or contract number"))
        self.validity = QLabel()
        self.purchased_on.dateChanged.connect(lambda _d: self._update_validity())
        self.purchased_on.dateChanged.connect(lambda _d: self.show_problems())
        self.purchased_on.validity_changed.connect(lambda _t: self._update_validity())
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(customer_name))
        form.addRow(self.tr("Package"), self.kind)
        form.addRow(self.tr("Time bought"), self.hours)
        form.addRow("", self.extra_minutes)
        form.addRow(self.tr("Purchase date"), self.purchased_on)
        form.addRow("", self.purchased_on.message)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow("", self.reference_limit.message)
        form.addRow(self.validity)
        _lay_out(self, form)
        self._update_validity()

    def _update_validity(self) -> None:
        if self.purchased_on.error():
            self.validity.setText("")
            return
        expires = package_expiry(self.purchased_on.value())
        self.validity.setText(
            self.tr("Usable until the end of the day before %1 (one Jalali year).").replace(
                "%1", format_date(expires)
            )
        )

    def form_problem(self) -> str:
        if self.minutes() <= 0:
            return self.tr("Enter the time bought.")
        if not self.purchased_on.error() and package_expiry(self.purchased_on.value()) <= self.today:
            # Recorded, it would be forfeited at once, and ledger entries are never undone.
            return (
                self.tr(
                    "A package bought on %1 is no longer usable from %2: check the date. A package the "
                    "customer held before the console is brought in with the customer import."
                )
                .replace("%1", format_date(self.purchased_on.value()))
                .replace("%2", format_date(package_expiry(self.purchased_on.value())))
            )
        return ""

    def minutes(self) -> int:
        return self.hours.value() * 60 + self.extra_minutes.value()


class AdjustDialog(FormDialog):
    """A correction to a package's balance: a new ledger entry, never an edit.

    Args:
        package_text: The package as the page shows it.
        balance: Its balance in minutes, when known: taking more than it is refused here (an
            adjustment can take a package at most to zero; the service and the database refuse it too).
        parent: Parent widget.
    """

    def __init__(self, package_text: str, parent: QWidget | None = None, balance: int | None = None) -> None:
        super().__init__(parent)
        self._balance = balance
        self.setWindowTitle(self.tr("Adjust a balance"))
        self.setMinimumWidth(460)
        self.ok_button.setText(self.tr("Record"))
        self.minutes = QSpinBox()
        self.minutes.setRange(-100_000, 100_000)
        self.minutes.setSuffix(" " + self.tr("minutes"))
        self.reason = QLineEdit()
        self.reason_limit = limit_length(self.reason, MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        form = QFormLayout()
        form.addRow(self.tr("Package"), QLabel(package_text))
        form.addRow(self.tr("Add (+) or take (−)"), self.minutes)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reason_limit.message)
        _lay_out(self, form)
        self.minutes.valueChanged.connect(
            lambda _v: self.show_problems() if self.problem.isVisible() else None
        )

    def form_problem(self) -> str:
        minutes = self.minutes.value()
        if minutes == 0:
            return self.tr("Enter the minutes to add (+) or take (−).")
        if self._balance is not None and minutes < 0 and self._balance + minutes < 0:
            return self.tr("An adjustment can take the balance at most to zero: it is %1.").replace(
                "%1", format_minutes(self._balance)
            )
        if not self.reason.text().strip():
            return self.tr("Write the reason for the adjustment.")
        return ""

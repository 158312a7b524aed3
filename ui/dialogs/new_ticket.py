"""A new ticket, e.g. written down by an agent during a customer's call."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.customers import CustomerRow
from console.entitlements import CATEGORIES
from ui.labels import label


class NewTicketDialog(QDialog):
    def __init__(self, customers: list[CustomerRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New ticket"))
        self.setMinimumWidth(520)
        self.customer = QComboBox()
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in sorted(customers, key=lambda c: c.name):
            self.customer.addItem(c.name, c.id)
        self.subject = QLineEdit()
        self.subject.setMaxLength(300)
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(label(code), code)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("What the customer asked for"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Message"), self.body)
        form.addRow(buttons)

    def values(self) -> tuple[int | None, str, str, str]:
        """(customer id, subject, category, message); the service validates them."""
        index = self.customer.findText(self.customer.currentText())
        customer_id = self.customer.itemData(index) if index >= 0 else None
        return customer_id, self.subject.text(), self.category.currentData(), self.body.toPlainText()

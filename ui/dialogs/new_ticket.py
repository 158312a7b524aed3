"""A new ticket, e.g. written down by an agent during a customer's call."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from console.customers import CustomerRow
from console.entitlements import CATEGORIES
from console.tickets import MAX_BODY, MAX_SUBJECT
from ui.dialogs.form import FormDialog
from ui.labels import label
from ui.widgets import limit_length


class NewTicketDialog(FormDialog):
    """Customer, subject, category and the first message; a subject or message past its limit is
    refused where it is typed (never cut)."""

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
        self.subject_limit = limit_length(self.subject, MAX_SUBJECT)
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(label(code), code)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("What the customer asked for"))
        self.body_limit = limit_length(self.body, MAX_BODY)
        self.ok_button.setText(self.tr("Create"))
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow("", self.subject_limit.message)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Message"), self.body)
        form.addRow("", self.body_limit.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.watch_fields()

    def values(self) -> tuple[int | None, str, str, str]:
        """(customer id, subject, category, message); the service validates them."""
        index = self.customer.findText(self.customer.currentText())
        customer_id = self.customer.itemData(index) if index >= 0 else None
        return customer_id, self.subject.text(), self.category.currentData(), self.body.toPlainText()

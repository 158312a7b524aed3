"""Link a mail from an unknown sender to a customer, optionally adding the sender as a contact.

The sender's address goes to one of the customer's contacts (any agent may add an address), or, for
supervisors, to a new contact (only supervisors create contacts: console.customers.create_contact).
The page fills the chosen customer's contacts (:meth:`LinkMailDialog.set_contacts`) when the
customer changes (:attr:`LinkMailDialog.customer_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.customers import ContactView, CustomerRow
from console.jalali import format_datetime
from console.mail.unmatched import UnmatchedMail
from ui.dialogs.form import FormDialog


class LinkMailDialog(FormDialog):
    """The customer is picked as in the new-ticket dialog (a searchable list of names).

    Signals:
        customer_changed(int): a customer from the list was chosen (its id).
    """

    customer_changed = Signal(int)

    def __init__(
        self,
        mail: UnmatchedMail,
        customers: list[CustomerRow],
        can_create_contact: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.can_create_contact = can_create_contact
        self.setWindowTitle(self.tr("Link mail to a customer"))
        self.setMinimumWidth(520)
        self.ok_button.setText(self.tr("Open ticket"))
        # name and address apart (no brackets: right to left they would point the wrong way)
        sender = f"{mail.from_name}، {mail.from_address}" if mail.from_name else mail.from_address
        about = QLabel(
            self.tr("From %1, arrived %2:\n%3")
            .replace("%1", sender)
            .replace("%2", format_datetime(mail.received_at))
            .replace("%3", mail.subject or self.tr("(no subject)"))
        )
        about.setWordWrap(True)
        self.customer = QComboBox()
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in sorted(customers, key=lambda c: c.name):
            self.customer.addItem(c.name, c.id)
        self.customer.setCurrentIndex(-1)
        self.add_contact = QCheckBox(self.tr("Add the sender as a contact of this customer"))
        self.add_contact.setChecked(can_create_contact)
        self.contact = QComboBox()
        self.contact_name = QLineEdit(mail.from_name)
        self.contact_name.setPlaceholderText(self.tr("The contact's name"))
        self.add_contact.toggled.connect(lambda _on: self._enable())
        self.contact.currentIndexChanged.connect(lambda _i: self._enable())
        self.customer.currentIndexChanged.connect(self._customer_chosen)
        self.set_contacts([])
        note = QLabel(self.tr("The ticket's response deadline counts from when the mail arrived."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow("", self.add_contact)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("New contact's name"), self.contact_name)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.watch_fields()

    def _customer_chosen(self) -> None:
        self.set_contacts([])
        if (customer := self.customer_id()) is not None:
            self.customer_changed.emit(customer)

    def set_contacts(self, contacts: list[ContactView]) -> None:
        """The chosen customer's active contacts to add the sender's address to."""
        self.contact.clear()
        if self.can_create_contact:
            self.contact.addItem(self.tr("A new contact"), None)
        for c in contacts:
            if c.active:
                self.contact.addItem(c.name, c.id)
        self._enable()

    def _enable(self) -> None:
        on = self.add_contact.isChecked()
        self.contact.setEnabled(on)
        self.contact_name.setEnabled(on and self.contact_id() is None and self.can_create_contact)

    def contact_id(self) -> int | None:
        """The existing contact chosen, or None for a new one (or none at all)."""
        value = self.contact.currentData()
        return int(value) if value is not None else None

    def customer_id(self) -> int | None:
        index = self.customer.findText(self.customer.currentText())
        value = self.customer.itemData(index) if index >= 0 else None
        return int(value) if value is not None else None

    def form_problem(self) -> str:
        if self.customer_id() is None:
            return self.tr("Choose a customer from the list.")
        if self.add_contact.isChecked() and self.contact_id() is None and not self.can_create_contact:
            return self.tr("Choose one of the customer's contacts, or do not add the sender.")
        return ""

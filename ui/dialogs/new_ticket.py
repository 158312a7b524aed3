"""A new ticket, e.g. written down by an agent during a customer's call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from console.customers import ContactView, CustomerRow
from console.entitlements import CATEGORIES
from console.tickets import MAX_BODY, MAX_SUBJECT
from ui.dialogs.form import FormDialog
from ui.labels import label
from ui.widgets import limit_length

#: asks for a customer's active contacts and hands them, when they arrive, to the callback
ContactsLoader = Callable[[int, Callable[[int, list[ContactView]], None]], None]


class NewTicketDialog(FormDialog):
    """Customer, the contact who wrote or called, subject, category and the first message; a subject
    or message past its limit is refused where it is typed (never cut).

    The contacts are those of the customer chosen, loaded by ``load_contacts`` each time the customer
    changes (off the GUI thread); "— no contact —" is always there and is the default.
    """

    def __init__(
        self,
        customers: list[CustomerRow],
        parent: QWidget | None = None,
        load_contacts: ContactsLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_contacts = load_contacts
        self.setWindowTitle(self.tr("New ticket"))
        self.setMinimumWidth(520)
        self.customer = QComboBox()
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in sorted(customers, key=lambda c: c.name):
            self.customer.addItem(c.name, c.id)
        self.contact = QComboBox()
        self.contact.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_contacts([])
        self.customer.currentIndexChanged.connect(self._customer_changed)
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
        form.addRow(self.tr("Contact"), self.contact)
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
        self._customer_changed()
        # Once a problem was shown, it goes away as soon as the field is put right.
        for changed in (self.customer.editTextChanged, self.subject.textChanged, self.body.textChanged):
            changed.connect(self._recheck)

    def _recheck(self, *_args: object) -> None:
        if self.problem.isVisible():
            self.show_problems()

    def form_problem(self) -> str:
        """A customer of the list, a subject and a message (the service checks them again)."""
        if self._chosen_customer() is None:
            return self.tr("Choose one of the customers in the list.")
        if not self.subject.text().strip():
            return self.tr("Write the ticket's subject.")
        if not self.body.toPlainText().strip():
            return self.tr("Write what the customer asked for.")
        return ""

    def values(self) -> tuple[int | None, str, str, str]:
        """(customer id, subject, category, message); the service validates them."""
        index = self.customer.findText(self.customer.currentText())
        customer_id = self.customer.itemData(index) if index >= 0 else None
        return customer_id, self.subject.text(), self.category.currentData(), self.body.toPlainText()

    def contact_id(self) -> int | None:
        """The contact chosen, or None for "— no contact —"."""
        value = self.contact.currentData()
        return value if isinstance(value, int) else None

    def _chosen_customer(self) -> int | None:
        index = self.customer.findText(self.customer.currentText())
        value = self.customer.itemData(index) if index >= 0 else None
        return value if isinstance(value, int) else None

    def _customer_changed(self, _index: int = -1) -> None:
        self._fill_contacts([])
        customer_id = self._chosen_customer()
        if customer_id is not None and self._load_contacts is not None:
            self._load_contacts(customer_id, self.set_contacts)

    def set_contacts(self, customer_id: int, contacts: list[ContactView]) -> None:
        """The contacts of ``customer_id`` arrived; shown only if that customer is still chosen."""
        if customer_id == self._chosen_customer():
            self._fill_contacts(contacts)

    def _fill_contacts(self, contacts: list[ContactView]) -> None:
        self.contact.clear()
        self.contact.addItem(self.tr("— no contact —"), None)
        for c in contacts:
            if c.active:
                self.contact.addItem(c.name + (f" ({c.role})" if c.role else ""), c.id)
        self.contact.setEnabled(bool(contacts))

"""A customer's details, a contact, an address added to a contact (rule 11), and the month of a
statement PDF.

The forms check what they can as it is typed (a phone number or email that cannot be one, an end
before the start), with the same functions the services use; the services check again and their
refusal keeps the dialog open with what was typed (``ui.dialogs.form.open_form``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.customers import ContactView, CustomerDetail
from console.jalali import PERSIAN_MONTHS, add_jalali_years, jalali_year_month, to_persian_digits
from console.normalize import normalize_email, normalize_phone
from ui.dialogs.form import FormDialog
from ui.jalali_widgets import JalaliDateEdit
from ui.widgets import limit_length

MAX_CODE, MAX_NAME, MAX_URL, MAX_NOTES, MAX_ROLE = 32, 200, 300, 4000, 100  # console.customers.common
LTR = Qt.LayoutDirection.LeftToRight


def _lay_out(dialog: FormDialog, form: QFormLayout) -> None:
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(dialog.problem)
    layout.addWidget(dialog.buttons)
    dialog.watch_fields()


def _ltr(edit: QLineEdit | QPlainTextEdit) -> QLineEdit | QPlainTextEdit:
    """Codes, addresses and numbers read left to right, whatever the layout."""
    edit.setLayoutDirection(LTR)
    return edit


def lines_of(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class CustomerDialog(FormDialog):
    """Code, name, the crmonline instance's address, subscription start and end (Jalali), notes."""

    def __init__(
        self, today: date, detail: CustomerDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New customer") if detail is None else self.tr("Edit customer"))
        self.setMinimumWidth(520)
        self.ok_button.setText(self.tr("Save"))
        self.code = QLineEdit(detail.code if detail else "")
        _ltr(self.code)
        self.code_limit = limit_length(self.code, MAX_CODE)
        self.name = QLineEdit(detail.name if detail else "")
        self.name_limit = limit_length(self.name, MAX_NAME)
        self.instance_url = QLineEdit(detail.instance_url if detail else "")
        _ltr(self.instance_url)
        self.instance_url.setPlaceholderText("name.crmonline.ir")
        self.url_limit = limit_length(self.instance_url, MAX_URL)
        start = detail.subscription_start if detail and detail.subscription_start else today
        end = detail.subscription_end if detail and detail.subscription_end else add_jalali_years(start, 1)
        self.has_subscription = QCheckBox(self.tr("Has a subscription"))
        self.has_subscription.setChecked(
            bool(detail and (detail.subscription_start or detail.subscription_end))
        )
        self.subscription_start = JalaliDateEdit(start)
        self.subscription_end = JalaliDateEdit(end)
        self.notes = QPlainTextEdit(detail.notes if detail else "")
        self.notes.setFixedHeight(80)
        self.notes_limit = limit_length(self.notes, MAX_NOTES)
        self.contact_name = QLineEdit()
        self.contact_name.setPlaceholderText(self.tr("The person the office talks to"))
        self.emails = QPlainTextEdit()
        self.phones = QPlainTextEdit()
        for edit in (self.emails, self.phones):
            _ltr(edit)
            edit.setFixedHeight(56)
            edit.textChanged.connect(self.show_problems)
        for line in (self.code, self.name):
            line.textChanged.connect(lambda _t: self.show_problems())
        self.has_subscription.toggled.connect(self._subscription_toggled)
        self.subscription_start.dateChanged.connect(lambda _d: self.show_problems())
        self.subscription_end.dateChanged.connect(lambda _d: self.show_problems())
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow("", self.code_limit.message)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_limit.message)
        form.addRow(self.tr("crmonline address"), self.instance_url)
        form.addRow("", self.url_limit.message)
        form.addRow("", self.has_subscription)
        form.addRow(self.tr("Subscription from"), self.subscription_start)
        form.addRow("", self.subscription_start.message)
        form.addRow(self.tr("Subscription until"), self.subscription_end)
        form.addRow("", self.subscription_end.message)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.notes_limit.message)
        if detail is None:  # the first contact; later ones from the contacts list
            form.addRow(self.tr("Contact"), self.contact_name)
            form.addRow(self.tr("Emails (one a line)"), self.emails)
            form.addRow(self.tr("Phones (one a line)"), self.phones)
        _lay_out(self, form)
        on = self.has_subscription.isChecked()
        self.subscription_start.setEnabled(on)
        self.subscription_end.setEnabled(on)

    def _subscription_toggled(self, on: bool) -> None:
        self.subscription_start.setEnabled(on)
        self.subscription_end.setEnabled(on)
        self.show_problems()

    def form_problem(self) -> str:
        if not self.code.text().strip():
            return self.tr("The code is needed.")
        if not self.name.text().strip():
            return self.tr("The name is needed.")
        if (
            self.has_subscription.isChecked()
            and not self.subscription_start.error()
            and (
                not self.subscription_end.error()
                and self.subscription_end.value() <= self.subscription_start.value()
            )
        ):
            return self.tr("The subscription must end after it starts.")
        return address_problem(self.emails, self.phones)

    def subscription(self) -> tuple[date | None, date | None]:
        if not self.has_subscription.isChecked():
            return None, None
        return self.subscription_start.value(), self.subscription_end.value()


def address_problem(emails: QPlainTextEdit, phones: QPlainTextEdit) -> str:
    """The first line that is not an email address or a phone number (the core's Persian words)."""
    for line in lines_of(emails):
        try:
            normalize_email(line)
        except ValueError as exc:
            return str(exc)
    for line in lines_of(phones):
        try:
            normalize_phone(line)
        except ValueError as exc:
            return str(exc)
    return ""


class ContactDialog(FormDialog):
    """A contact's name, role, email addresses and phone numbers (one a line), and whether active."""

    def __init__(
        self, customer_name: str, contact: ContactView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact") if contact is None else self.tr("Edit contact"))
        self.setMinimumWidth(480)
        self.ok_button.setText(self.tr("Save"))
        self.name = QLineEdit(contact.name if contact else "")
        self.name_limit = limit_length(self.name, MAX_NAME)
        self.role = QLineEdit(contact.role if contact else "")
        self.role.setPlaceholderText(self.tr("e.g. office manager, IT"))
        self.role_limit = limit_length(self.role, MAX_ROLE)
        self.emails = QPlainTextEdit("\n".join(contact.emails) if contact else "")
        self.phones = QPlainTextEdit("\n".join(contact.phones) if contact else "")
        for edit in (self.emails, self.phones):
            _ltr(edit)
            edit.setFixedHeight(72)
            edit.textChanged.connect(self.show_problems)
        self.name.textChanged.connect(lambda _t: self.show_problems())
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(contact.active if contact else True)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(customer_name))
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_limit.message)
        form.addRow(self.tr("Job title"), self.role)
        form.addRow("", self.role_limit.message)
        form.addRow(self.tr("Emails (one a line)"), self.emails)
        form.addRow(self.tr("Phones (one a line)"), self.phones)
        if contact is not None:
            form.addRow("", self.active)
        _lay_out(self, form)

    def form_problem(self) -> str:
        if not self.name.text().strip():
            return self.tr("The name is needed.")
        return address_problem(self.emails, self.phones)


class AddressDialog(FormDialog):
    """An email address or a phone number added to a contact (agents may: they learn it on a ticket)."""

    def __init__(self, contact: ContactView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an email or phone"))
        self.setMinimumWidth(420)
        self.ok_button.setText(self.tr("Add"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        for edit in (self.email, self.phone):
            _ltr(edit)
            edit.textChanged.connect(lambda _t: self.show_problems())
        self.phone.setPlaceholderText(to_persian_digits("0912 345 6789"))
        self.email.setPlaceholderText("name@example.ir")
        form = QFormLayout()
        form.addRow(self.tr("Contact"), QLabel(contact.name))
        form.addRow(self.tr("Email address"), self.email)
        form.addRow(self.tr("Phone number"), self.phone)
        _lay_out(self, form)

    def form_problem(self) -> str:
        email, phone = self.email.text().strip(), self.phone.text().strip()
        if not email and not phone:
            return self.tr("Type an email address or a phone number.")
        try:
            if email:
                normalize_email(email)
            if phone:
                normalize_phone(phone)
        except ValueError as exc:
            return str(exc)
        return ""


class StatementDialog(FormDialog):
    """Which Jalali month's statement to save as a PDF (the month just ended first), and whether to
    open it once saved. A month that has not begun has no statement; the month running gives what
    is recorded so far."""

    def __init__(self, customer_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statement PDF"))
        self.setMinimumWidth(420)
        self.ok_button.setText(self.tr("Choose where to save…"))
        self.current = jalali_year_month(today)
        year, month = self.current
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)  # the month just ended
        self.month_combo = QComboBox()
        self.month_combo.addItems(list(PERSIAN_MONTHS))
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin = QSpinBox()
        self.year_spin.setLocale(QLocale("fa_IR"))
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setRange(1390, 1500)
        self.year_spin.setValue(year)
        self.open_after = QCheckBox(self.tr("Open the PDF once it is saved"))
        self.month_combo.currentIndexChanged.connect(lambda _i: self.show_problems())
        self.year_spin.valueChanged.connect(lambda _v: self.show_problems())
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(customer_name))
        form.addRow(self.tr("Month"), self.month_combo)
        form.addRow(self.tr("Year"), self.year_spin)
        form.addRow("", self.open_after)
        _lay_out(self, form)

    def month(self) -> tuple[int, int]:
        return self.year_spin.value(), self.month_combo.currentIndex() + 1

    def form_problem(self) -> str:
        if self.month() > self.current:
            return self.tr("That month has not begun: it has no statement yet.")
        return ""

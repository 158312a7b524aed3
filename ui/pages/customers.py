"""Customers: who they are, their contacts, packages, balances and ledger (rules 7, 8 and 11), the
notices the office server sent them, and a month's statement as a PDF on demand (issue 15).

Everyone reads; supervisors create, edit and deactivate customers and contacts, import the office's
files and record purchases and adjustments; agents may add an email or phone to a contact. The
services check the role whatever the screen shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.audit import Changes, Created
from console.customers import (
    ContactView,
    CustomerDetail,
    CustomerRow,
    add_contact_address,
    create_contact,
    create_customer,
    customer_detail,
    list_customers,
    set_customer_active,
    update_contact,
    update_customer,
)
from console.customers.importing import apply_import, dry_run_import, read_tables
from console.db import Session, is_connection_error
from console.errors import ValidationError
from console.jalali import PERSIAN_MONTHS, format_date, format_minutes, to_persian_digits
from console.ledger import adjust_balance, record_purchase
from console.office import NoticeView, customer_notices
from console.office.statements import statement_pdf
from ui.context import AppContext
from ui.dialogs.customer_dialogs import (
    AddressDialog,
    ContactDialog,
    CustomerDialog,
    StatementDialog,
    lines_of,
)
from ui.dialogs.form import FormDialog, open_form
from ui.dialogs.import_customers import ImportCustomersDialog
from ui.dialogs.package_dialogs import AdjustDialog, PurchaseDialog
from ui.file_dialogs import save_file_dialog
from ui.labels import label
from ui.pages.base import Page
from ui.pages.customer_models import (
    ContactTableModel,
    CustomerTableModel,
    LedgerTableModel,
    PackageTableModel,
    _date_or_dash,
)
from ui.pages.office_notices import NoticeTableModel
from ui.widgets import heading, make_table, section_title


class CustomersPage(Page):
    entities = frozenset({"customer", "contact", "customer_import", "package", "ledger", "session"})
    slug = "customers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._selected: int | None = None
        self._detail: CustomerDetail | None = None
        self.prompt: Any = None
        self._build_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Customers")

    def _button(self, text: str, supervisors_only: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.setVisible(self.ctx.agent.is_supervisor or not supervisors_only)
        return button

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, code, contact, phone or email…"))
        self.search.setClearButtonEnabled(True)
        self.new_button = self._button(self.tr("New customer…"))
        self.import_button = self._button(self.tr("Import…"))
        self.model = CustomerTableModel(self)
        self.table = make_table(self.model)
        self.table.sortByColumn(CustomerTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.empty = QLabel()
        self.empty.setObjectName("emptyNote")
        self.empty.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.new_button)
        tools.addWidget(self.import_button)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)

        self.heading = heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        # the instance's address is data: a read-only field, left to right, that can be copied
        self.instance_url = QLineEdit()
        self.instance_url.setReadOnly(True)
        self.instance_url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.instance_url.setFrame(False)
        self.instance_label = QLabel(self.tr("Customer's system:"))
        self.edit_button = self._button(self.tr("Edit…"))
        self.statement_button = self._button(self.tr("Statement PDF…"), supervisors_only=False)
        self.statement_status = QLabel()
        self.statement_status.setObjectName("statementStatus")
        self.statement_status.setWordWrap(True)
        self.statement_status.hide()
        self.active_button = self._button(self.tr("Deactivate"))
        self.contacts_model = ContactTableModel(self)
        self.contacts = make_table(self.contacts_model)
        self.new_contact_button = self._button(self.tr("New contact…"))
        self.edit_contact_button = self._button(self.tr("Edit contact…"))
        self.address_button = self._button(self.tr("Add email or phone…"), supervisors_only=False)
        self.packages_model = PackageTableModel(self)
        self.packages = make_table(self.packages_model)
        self.ledger_model = LedgerTableModel(self)
        self.ledger = make_table(self.ledger_model)
        self.ledger.sortByColumn(LedgerTableModel.COL_AT, Qt.SortOrder.DescendingOrder)
        self.notices_model = NoticeTableModel(self)
        self.notices = make_table(self.notices_model)
        self.notices.sortByColumn(NoticeTableModel.COL_AT, Qt.SortOrder.DescendingOrder)
        self.no_notices = QLabel(self.tr("The office server has sent this customer no notice yet."))
        self.no_notices.setObjectName("emptyNote")
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.ledger, self.tr("Ledger"))
        notices_tab = QWidget()
        notices_layout = QVBoxLayout(notices_tab)
        notices_layout.setContentsMargins(0, 0, 0, 0)
        notices_layout.addWidget(self.notices, 1)
        notices_layout.addWidget(self.no_notices)
        self.history_tabs.addTab(notices_tab, self.tr("Notices sent"))
        self.purchase_button = self._button(self.tr("Record purchase…"))
        self.adjust_button = self._button(self.tr("Adjust balance…"))
        for button in self._detail_buttons():
            button.setEnabled(False)

        detail = QFrame()
        detail.setObjectName("detailPane")
        d = QVBoxLayout(detail)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.statement_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.active_button)
        d.addLayout(top)
        d.addWidget(self.summary)
        d.addWidget(self.statement_status)
        about_bar = QHBoxLayout()
        about_bar.addWidget(self.about, 3)
        about_bar.addWidget(self.instance_label)
        about_bar.addWidget(self.instance_url, 2)
        d.addLayout(about_bar)
        contact_bar = QHBoxLayout()
        contact_bar.addWidget(section_title(self.tr("Contacts")), 1)
        contact_bar.addWidget(self.new_contact_button)
        contact_bar.addWidget(self.edit_contact_button)
        contact_bar.addWidget(self.address_button)
        d.addLayout(contact_bar)
        d.addWidget(self.contacts, 2)
        package_bar = QHBoxLayout()
        package_bar.addWidget(section_title(self.tr("Packages")), 1)
        package_bar.addWidget(self.purchase_button)
        package_bar.addWidget(self.adjust_button)
        d.addLayout(package_bar)
        d.addWidget(self.packages, 2)
        d.addWidget(self.history_tabs, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _detail_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.statement_button,
            self.edit_button,
            self.active_button,
            self.new_contact_button,
            self.edit_contact_button,
            self.address_button,
            self.purchase_button,
            self.adjust_button,
        )

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.packages.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.adjust_button.setEnabled(
                self.packages_model.row_at(cur.row()) is not None
            )
        )
        self.contacts.selectionModel().currentRowChanged.connect(lambda _c, _p: self._contact_buttons())
        self.new_button.clicked.connect(self.new_customer)
        self.import_button.clicked.connect(self.import_files)
        self.edit_button.clicked.connect(self.edit_customer)
        self.active_button.clicked.connect(self.toggle_active)
        self.new_contact_button.clicked.connect(self.new_contact)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.address_button.clicked.connect(self.add_address)
        self.purchase_button.clicked.connect(self.record_purchase)
        self.adjust_button.clicked.connect(self.adjust_balance)
        self.statement_button.clicked.connect(self.ask_statement_month)

    # --- reading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.ctx.today()
        text = self.search.text()
        self.load(
            lambda s: list_customers(s, today, text, include_inactive=True), self._show_rows, key="rows"
        )

    def _show_rows(self, rows: list[CustomerRow]) -> None:
        self.model.set_rows(rows)
        searched = self.search.text().strip()
        if searched:
            note = self.tr("No customer matches «%1».").replace("%1", searched)
        elif self.ctx.agent.is_supervisor:
            note = self.tr(
                "No customer yet. Add one with «New customer…», or bring in the office's list with «Import…»."
            )
        else:
            note = self.tr("No customer yet: a supervisor adds them.")
        self.empty.setText(note)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not rows)
        target = self._selected
        for n, row in enumerate(self.model.rows()):
            if row.id == target or (target is None and n == 0):
                self.table.setCurrentIndex(self.model.index(n, 0))
                break
        if self._selected is not None:
            self._load_detail(self._selected)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.id != self._selected:
            self._selected = row.id
            self._load_detail(row.id)

    def select_customer(self, customer_id: int) -> None:
        self._selected = customer_id
        self.refresh()

    def _load_detail(self, customer_id: int) -> None:
        today = self.ctx.today()

        def read(s: Session) -> tuple[CustomerDetail, list[NoticeView]]:
            return customer_detail(s, customer_id, today), customer_notices(s, customer_id)

        self.load(read, self._show_detail, key="detail")

    def _show_detail(self, result: tuple[CustomerDetail, list[NoticeView]]) -> None:
        d, notices = result
        if d.id != self._selected:
            return
        if self._detail is None or self._detail.id != d.id:
            self.statement_status.hide()  # what was said of another customer's statement
        self._detail = d
        self.heading.setText(f"{d.name} ({to_persian_digits(d.code)})")
        valid_support = sum(p.balance for p in d.packages if p.valid and p.kind == "support")
        valid_training = sum(p.balance for p in d.packages if p.valid and p.kind == "training")
        parts = [
            self.tr("Support left: %1").replace("%1", format_minutes(valid_support)),
            self.tr("Training left: %1").replace("%1", format_minutes(valid_training)),
        ]
        if d.overage_minutes:
            parts.append(self.tr("Extra billable: %1").replace("%1", format_minutes(d.overage_minutes)))
        if not d.active:
            parts.append(self.tr("Inactive"))
        self.summary.setText("  •  ".join(parts))
        about = [
            self.tr("Subscription: %1 to %2")
            .replace("%1", _date_or_dash(d.subscription_start))
            .replace("%2", _date_or_dash(d.subscription_end)),
        ]
        self.instance_url.setText(d.instance_url or "—")
        if d.notes:
            about.append(self.tr("Notes: %1").replace("%1", d.notes))
        self.about.setText("  •  ".join(about))
        self.contacts_model.set_rows(d.contacts)
        self.packages_model.set_rows(d.packages)
        self.ledger_model.set_rows(d.ledger)
        self.notices_model.set_rows(notices)
        self.no_notices.setVisible(not notices)
        self.history_tabs.setTabText(
            1,
            self.tr("Notices sent (%1)").replace("%1", to_persian_digits(str(len(notices))))
            if notices
            else self.tr("Notices sent"),
        )
        self.active_button.setText(self.tr("Deactivate") if d.active else self.tr("Reactivate"))
        for button in (
            self.statement_button,
            self.edit_button,
            self.active_button,
            self.new_contact_button,
            self.purchase_button,
        ):
            button.setEnabled(True)
        self.adjust_button.setEnabled(False)
        self._contact_buttons()

    def _contact(self) -> ContactView | None:
        return self.contacts_model.row_at(self.contacts.currentIndex().row())

    def _contact_buttons(self) -> None:
        chosen = self._contact() is not None
        self.edit_contact_button.setEnabled(chosen)
        self.address_button.setEnabled(chosen)

    # --- writing: every form stays open with what was typed when the service refuses it ------------
    def _form(self, dialog: FormDialog, op: Callable[[FormDialog], Callable[[Session], Changes]]) -> None:
        open_form(self, dialog, lambda done, failed: self.mutate(op(dialog), done, failed))

    def new_customer(self) -> None:
        me = self.ctx.agent.id

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, CustomerDialog)
            start, end = f.subscription()
            values: dict[str, Any] = {
                "code": f.code.text(),
                "name": f.name.text(),
                "instance_url": f.instance_url.text(),
                "notes": f.notes.toPlainText(),
                "subscription_start": start,
                "subscription_end": end,
                "contact_name": f.contact_name.text(),
                "emails": lines_of(f.emails),
                "phones": lines_of(f.phones),
            }

            def write(s: Session) -> Created:
                created = create_customer(s, actor_id=me, **values)
                self._selected = created.id
                return created

            return write

        self._form(CustomerDialog(self.ctx.today(), None, self), op)

    def edit_customer(self) -> None:
        d, me = self._detail, self.ctx.agent.id
        if d is None:
            return

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, CustomerDialog)
            start, end = f.subscription()
            changes = {
                "code": f.code.text(),
                "name": f.name.text(),
                "instance_url": f.instance_url.text(),
                "notes": f.notes.toPlainText(),
                "subscription_start": start,
                "subscription_end": end,
            }
            return lambda s: update_customer(s, actor_id=me, customer_id=d.id, **changes)

        self._form(CustomerDialog(self.ctx.today(), d, self), op)

    def toggle_active(self) -> None:
        d, me = self._detail, self.ctx.agent.id
        if d is not None:
            self.mutate(lambda s: set_customer_active(s, actor_id=me, customer_id=d.id, active=not d.active))

    def new_contact(self) -> None:
        d, me = self._detail, self.ctx.agent.id
        if d is None:
            return

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, ContactDialog)
            name, role, emails, phones = f.name.text(), f.role.text(), lines_of(f.emails), lines_of(f.phones)
            return lambda s: create_contact(
                s, actor_id=me, customer_id=d.id, name=name, role=role, emails=emails, phones=phones
            )

        self._form(ContactDialog(d.name, None, self), op)

    def edit_contact(self) -> None:
        d, contact, me = self._detail, self._contact(), self.ctx.agent.id
        if d is None or contact is None:
            return

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, ContactDialog)
            name, role, emails, phones = f.name.text(), f.role.text(), lines_of(f.emails), lines_of(f.phones)
            active = f.active.isChecked()
            return lambda s: update_contact(
                s,
                actor_id=me,
                contact_id=contact.id,
                name=name,
                role=role,
                emails=emails,
                phones=phones,
                active=active,
            )

        self._form(ContactDialog(d.name, contact, self), op)

    def add_address(self) -> None:
        contact, me = self._contact(), self.ctx.agent.id
        if contact is None:
            return

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, AddressDialog)
            email, phone = f.email.text().strip() or None, f.phone.text().strip() or None
            return lambda s: add_contact_address(
                s, actor_id=me, contact_id=contact.id, email=email, phone=phone
            )

        self._form(AddressDialog(contact, self), op)

    def import_files(self) -> None:
        me = self.ctx.agent.id

        def check(paths: list[Path], done: Any, failed: Any) -> None:
            today = self.ctx.today()
            self.ctx.runner.run(
                lambda s: dry_run_import(s, actor_id=me, tables=read_tables(paths), today=today), done, failed
            )

        def apply(paths: list[Path], done: Any, failed: Any) -> None:
            today = self.ctx.today()
            names = " ".join(p.name for p in paths)
            self.mutate(
                lambda s: apply_import(s, actor_id=me, tables=read_tables(paths), today=today, source=names),
                done,
                failed,
            )

        self.open_prompt(ImportCustomersDialog(check, apply, self), None)

    def record_purchase(self) -> None:
        d, me = self._detail, self.ctx.agent.id
        if d is None:
            return
        today = self.ctx.today()

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, PurchaseDialog)
            kind, minutes = f.kind.currentData(), f.minutes()
            bought, reference = f.purchased_on.value(), f.reference.text()
            return lambda s: record_purchase(
                s,
                actor_id=me,
                customer_id=d.id,
                kind=kind,
                minutes=minutes,
                purchased_on=bought,
                reference=reference,
                today=today,
            )

        self._form(PurchaseDialog(d.name, today, self), op)

    def adjust_balance(self) -> None:
        package, me = self.packages_model.row_at(self.packages.currentIndex().row()), self.ctx.agent.id
        if package is None:
            return
        text = (
            f"{label(package.kind)} — {format_date(package.purchased_on)} ({format_minutes(package.balance)})"
        )

        def op(f: FormDialog) -> Callable[[Session], Changes]:
            assert isinstance(f, AdjustDialog)
            minutes, reason = f.minutes.value(), f.reason.text()
            return lambda s: adjust_balance(
                s, actor_id=me, package_id=package.id, minutes=minutes, reason=reason
            )

        self._form(AdjustDialog(text, self, balance=package.balance), op)

    # --- the statement of a Jalali month, as a PDF ---------------------------------------------------
    def ask_statement_month(self) -> None:
        """Which month, then where to save it (Qt's own Persian file dialog)."""
        d = self._detail
        if d is None:
            return
        dialog = StatementDialog(d.name, self.ctx.today(), self)

        def chosen() -> None:
            (year, month), open_after = dialog.month(), dialog.open_after.isChecked()
            self.ask_statement_path(d.id, d.code, year, month, open_after)

        self.open_prompt(dialog, chosen)

    def ask_statement_path(
        self, customer_id: int, code: str, year: int, month: int, open_after: bool
    ) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        safe_code = re.sub(r"[^\w.-]", "_", code)  # a code is data: no path separators in a name
        name = f"statement-{safe_code}-{year:04d}-{month:02d}.pdf"
        dialog = save_file_dialog(
            self, self.tr("Save statement"), str(Path(folder) / name), self.tr("PDF file (*.pdf)"), "pdf"
        )
        dialog.fileSelected.connect(
            lambda path: self.save_statement(customer_id, year, month, path, open_after=open_after)
        )
        self.open_prompt(dialog, None)

    def save_statement(
        self, customer_id: int, year: int, month: int, path: str | Path, *, open_after: bool = False
    ) -> None:
        """Build the statement on the runner's thread, write it to ``path``, and open it if asked."""
        target = Path(path)
        month_name = to_persian_digits(f"{PERSIAN_MONTHS[month - 1]} {year}")

        def say(text: str) -> None:
            self.statement_status.setText(text)
            self.statement_status.setToolTip(str(target))
            self.statement_status.setVisible(bool(text))

        def write(pdf: bytes) -> None:
            try:
                target.write_bytes(pdf)
            except OSError:
                say("")  # the system's own reason is English: say it in Persian, with the place
                text = self.tr(
                    "The statement was not saved: «%1» cannot be written (the folder is missing or "
                    "not writable, or the disk is full)."
                ).replace("%1", str(target))
                self.show_error_box(ValidationError(text))
                return
            say(self.tr("The statement of %1 was saved.").replace("%1", month_name))
            if open_after and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.resolve()))):
                say(
                    self.tr("The statement of %1 was saved; no program here opens PDF files.").replace(
                        "%1", month_name
                    )
                )

        def failed(error: Exception) -> None:
            if is_connection_error(error):  # said where the statement was asked for
                say(
                    self.tr("The statement of %1 was not made: the database cannot be reached.").replace(
                        "%1", month_name
                    )
                )
                return
            say("")
            self.show_error_box(error)

        say(self.tr("Building the statement of %1…").replace("%1", month_name))
        # the runner itself, not load(): every failure, a lost database too, comes back here
        self.ctx.runner.run(lambda s: statement_pdf(s, customer_id, year, month), write, failed)

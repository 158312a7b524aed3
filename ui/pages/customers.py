"""Customers: each customer's packages, balances, expiry and ledger (rules 7-8 of docs/rules.md)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.customers import (
    CustomerDetail,
    CustomerRow,
    LedgerView,
    PackageView,
    customer_detail,
    list_customers,
)
from console.db import Session
from console.jalali import format_date, format_datetime, format_minutes, to_persian_digits
from console.ledger import adjust_balance, record_purchase
from ui.context import AppContext
from ui.dialogs.package_dialogs import AdjustDialog, PurchaseDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table, section_title

WARN = QColor("#c62828")
SOON = QColor("#ef6c00")
MUTED = QColor("#757575")


def _date_or_dash(d: date | None) -> str:
    return format_date(d) if d else "—"


class CustomerTableModel(RowTableModel[CustomerRow]):
    COL_CODE, COL_NAME, COL_SUPPORT, COL_TRAINING, COL_EXPIRY, COL_SUBSCRIPTION = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Code"), lambda r: to_persian_digits(r.code), align=CENTER),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Support left"),
            lambda r: format_minutes(r.support_minutes),
            lambda r: r.support_minutes,
            CENTER,
            color=lambda r: WARN if r.support_minutes <= 0 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Training left"),
            lambda r: format_minutes(r.training_minutes),
            lambda r: r.training_minutes,
            CENTER,
            color=lambda r: MUTED if r.training_minutes <= 0 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Next expiry"),
            lambda r: _date_or_dash(r.next_expiry),
            lambda r: r.next_expiry or date.max,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Subscription end"),
            lambda r: _date_or_dash(r.subscription_end),
            lambda r: r.subscription_end or date.max,
            CENTER,
        ),
    )


class PackageTableModel(RowTableModel[PackageView]):
    COL_KIND, COL_PURCHASED, COL_EXPIRES, COL_DAYS, COL_MINUTES, COL_BALANCE = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Package"), lambda p: label(p.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Purchased"),
            lambda p: format_date(p.purchased_on),
            lambda p: p.purchased_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Expires"),
            lambda p: format_date(p.expires_on),
            lambda p: p.expires_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Days left"),
            lambda p: to_persian_digits(str(p.days_left)) if p.valid else "—",
            lambda p: p.days_left,
            CENTER,
            color=lambda p: MUTED if not p.valid else SOON if p.days_left <= 30 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Bought"),
            lambda p: format_minutes(p.minutes),
            lambda p: p.minutes,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Balance"),
            lambda p: format_minutes(p.balance),
            lambda p: p.balance,
            CENTER,
            color=lambda p: MUTED if not p.valid else None,
        ),
    )


class LedgerTableModel(RowTableModel[LedgerView]):
    COL_AT, COL_KIND, COL_PACKAGE, COL_MINUTES, COL_REASON = range(5)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "When"),
            lambda e: format_datetime(e.created_at),
            lambda e: e.created_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Entry"), lambda e: label(e.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Package no."),
            lambda e: to_persian_digits(str(e.package_id)) if e.package_id else "—",
            lambda e: e.package_id or 0,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Minutes"),
            lambda e: ("+" if e.minutes > 0 else "") + format_minutes(e.minutes),
            lambda e: e.minutes,
            CENTER,
            color=lambda e: WARN if e.minutes < 0 else None,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda e: to_persian_digits(e.reason)),
    )


class CustomersPage(Page):
    entities = frozenset({"customer", "package", "ledger", "session"})
    slug = "customers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._selected: int | None = None
        self.prompt: PurchaseDialog | AdjustDialog | None = None
        self._build_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Customers")

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or code…"))
        self.search.setClearButtonEnabled(True)
        self.model = CustomerTableModel(self)
        self.table = make_table(self.model)
        self.table.sortByColumn(CustomerTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)

        self.heading = heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.packages_model = PackageTableModel(self)
        self.packages = make_table(self.packages_model)
        self.ledger_model = LedgerTableModel(self)
        self.ledger = make_table(self.ledger_model)
        self.ledger.sortByColumn(LedgerTableModel.COL_AT, Qt.SortOrder.DescendingOrder)

        detail = QFrame()
        detail.setObjectName("detailPane")
        d = QVBoxLayout(detail)
        d.addWidget(self.heading)
        d.addWidget(self.summary)
        self.purchase_button = QPushButton(self.tr("Record purchase…"))
        self.adjust_button = QPushButton(self.tr("Adjust balance…"))
        for button in (self.purchase_button, self.adjust_button):
            button.setEnabled(False)
            button.setVisible(self.ctx.agent.is_supervisor)  # the services check the role too
        package_bar = QHBoxLayout()
        package_bar.addWidget(section_title(self.tr("Packages")), 1)
        package_bar.addWidget(self.purchase_button)
        package_bar.addWidget(self.adjust_button)
        d.addLayout(package_bar)
        d.addWidget(self.packages, 2)
        d.addWidget(section_title(self.tr("Ledger")))
        d.addWidget(self.ledger, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.packages.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.adjust_button.setEnabled(
                self.packages_model.row_at(cur.row()) is not None
            )
        )
        self.purchase_button.clicked.connect(self.record_purchase)
        self.adjust_button.clicked.connect(self.adjust_balance)

    def refresh(self) -> None:
        today = self.ctx.today()
        text = self.search.text()
        self.ctx.runner.run(lambda s: list_customers(s, today, text), self._show_rows)

    def _show_rows(self, rows: list[CustomerRow]) -> None:
        self.model.set_rows(rows)
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
        self.ctx.runner.run(lambda s: customer_detail(s, customer_id, today), self._show_detail)

    def _show_detail(self, d: CustomerDetail) -> None:
        if d.id != self._selected:
            return
        self.heading.setText(d.name)
        valid_support = sum(p.balance for p in d.packages if p.valid and p.kind == "support")
        valid_training = sum(p.balance for p in d.packages if p.valid and p.kind == "training")
        parts = [
            self.tr("Support left: %1").replace("%1", format_minutes(valid_support)),
            self.tr("Training left: %1").replace("%1", format_minutes(valid_training)),
            self.tr("Subscription until %1").replace("%1", _date_or_dash(d.subscription_end)),
        ]
        if d.overage_minutes:
            parts.append(self.tr("Extra billable: %1").replace("%1", format_minutes(d.overage_minutes)))
        self.summary.setText("  •  ".join(parts))
        self.packages_model.set_rows(d.packages)
        self.ledger_model.set_rows(d.ledger)
        self._detail = d
        self.purchase_button.setEnabled(True)
        self.adjust_button.setEnabled(False)

    # --- supervisor actions: new ledger entries, never edits ----------------------------------------
    def record_purchase(self) -> None:
        detail = getattr(self, "_detail", None)
        if detail is None:
            return
        dialog = PurchaseDialog(detail.name, self.ctx.today(), self)
        self.prompt = dialog
        dialog.accepted.connect(lambda: self._purchase(dialog, detail.id))
        dialog.open()

    def _purchase(self, dialog: PurchaseDialog, customer_id: int) -> None:
        me, kind, minutes = self.ctx.agent.id, dialog.kind.currentData(), dialog.minutes()
        bought, reference, today = dialog.purchased_on.value(), dialog.reference.text(), self.ctx.today()

        def op(s: Session) -> object:
            return record_purchase(
                s,
                actor_id=me,
                customer_id=customer_id,
                kind=kind,
                minutes=minutes,
                purchased_on=bought,
                reference=reference,
                today=today,
            )

        self.mutate(op)

    def adjust_balance(self) -> None:
        package = self.packages_model.row_at(self.packages.currentIndex().row())
        if package is None:
            return
        text = (
            f"{label(package.kind)} — {format_date(package.purchased_on)} ({format_minutes(package.balance)})"
        )
        dialog = AdjustDialog(text, self)
        self.prompt = dialog
        dialog.accepted.connect(lambda: self._adjust(dialog, package.id))
        dialog.open()

    def _adjust(self, dialog: AdjustDialog, package_id: int) -> None:
        me, minutes, reason = self.ctx.agent.id, dialog.minutes.value(), dialog.reason.text()
        self.mutate(
            lambda s: adjust_balance(s, actor_id=me, package_id=package_id, minutes=minutes, reason=reason)
        )

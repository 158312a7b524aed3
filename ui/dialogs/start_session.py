"""Before a session starts: what it is for, which channel, and what will pay for it (rules 3-5, 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.customers import CustomerRow
from console.db import Session
from console.jalali import format_date, format_minutes, to_persian_digits
from console.sessions import SessionQuote, quote_session
from ui.context import AppContext
from ui.labels import label


class StartSessionDialog(QDialog):
    """Chooses customer, channel, kind and tickets; shows the quote; asks to confirm extra hours.

    Signals:
        quoted(SessionQuote): a new quote arrived (tests wait on it).
    """

    quoted = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        customers: list[CustomerRow],
        customer_id: int | None = None,
        ticket_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ticket_id = ticket_id
        self.quote: SessionQuote | None = None
        self.setWindowTitle(self.tr("Start a session"))
        self.setMinimumWidth(560)
        self._build_ui(customers, customer_id)
        self._connect_signals()
        self._requote = QTimer(self)
        self._requote.setSingleShot(True)
        self._requote.setInterval(150)
        self._requote.timeout.connect(self._ask_quote)
        self._ask_quote()

    def _build_ui(self, customers: list[CustomerRow], customer_id: int | None) -> None:
        self.customer = QComboBox()
        for c in sorted(customers, key=lambda c: c.name):
            self.customer.addItem(c.name, c.id)
        if customer_id is not None:
            self.customer.setCurrentIndex(max(0, self.customer.findData(customer_id)))
        self.channels = QButtonGroup(self)
        channel_row = QHBoxLayout()
        for n, code in enumerate(("phone", "remote", "ticket")):
            button = QRadioButton(label(code))
            button.setProperty("code", code)
            self.channels.addButton(button, n)
            channel_row.addWidget(button)
        self.channels.button(0 if self._ticket_id is None else 2).setChecked(True)
        self.kind = QComboBox()
        self.kind.addItem(label("support"), "support")
        self.kind.addItem(self.tr("Training package"), "training")
        self.tickets = QListWidget()
        self.tickets.setMaximumHeight(140)
        self.quote_label = QLabel(self.tr("Working out what pays…"))
        self.quote_label.setWordWrap(True)
        self.quote_label.setObjectName("quoteLine")
        self.confirm_extra = QCheckBox(self.tr("The customer agrees to pay for extra hours"))
        self.confirm_extra.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start"))
        self.start_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Channel"), channel_row)
        form.addRow(self.tr("Paid from"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Tickets this session covers (gather the customer's questions in one call):"))
        )
        layout.addWidget(self.tickets)
        layout.addWidget(self.quote_label)
        layout.addWidget(self.confirm_extra)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.customer.currentIndexChanged.connect(lambda _i: self._customer_changed())
        self.channels.idToggled.connect(lambda _id, on: self._requote.start() if on else None)
        self.kind.currentIndexChanged.connect(lambda _i: self._requote.start())
        self.tickets.itemChanged.connect(lambda _item: self._requote.start())
        self.confirm_extra.toggled.connect(lambda _on: self._update_start())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _customer_changed(self) -> None:
        self._ticket_id = None
        self.tickets.clear()
        self._requote.start()

    # --- values -----------------------------------------------------------------------------
    def customer_id(self) -> int | None:
        value = self.customer.currentData()
        return int(value) if value is not None else None

    def channel(self) -> str:
        button = self.channels.checkedButton()
        return str(button.property("code")) if button else "phone"

    def ticket_ids(self) -> list[int]:
        ids = []
        for n in range(self.tickets.count()):
            item = self.tickets.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        if not ids and self._ticket_id is not None and self.tickets.count() == 0:
            ids.append(self._ticket_id)
        return ids

    # --- the quote --------------------------------------------------------------------------
    def _ask_quote(self) -> None:
        customer_id = self.customer_id()
        if customer_id is None:
            return
        me, channel, kind, tickets, today = (
            self.ctx.agent.id,
            self.channel(),
            self.kind.currentData(),
            self.ticket_ids(),
            self.ctx.today(),
        )

        def op(s: Session) -> SessionQuote:
            return quote_session(
                s,
                actor_id=me,
                customer_id=customer_id,
                channel=channel,
                kind=kind,
                ticket_ids=tickets,
                today=today,
            )

        self.ctx.runner.run(op, self._show_quote, self._quote_failed)

    def _show_quote(self, quote: SessionQuote) -> None:
        if quote.customer_id != self.customer_id():
            return
        self.quote = quote
        if self.tickets.count() == 0:
            self._fill_tickets(quote)
        text = quote.message
        if quote.billing == "package" and quote.package_expires_on is not None:
            text += "\n" + self.tr("Balance: %1 (package valid until %2)").replace(
                "%1", format_minutes(quote.total_balance_minutes)
            ).replace("%2", format_date(quote.package_expires_on))
        self.quote_label.setText(text)
        self.quote_label.setProperty("extra", quote.needs_confirmation)
        self.confirm_extra.setVisible(quote.needs_confirmation)
        self._update_start()
        self.quoted.emit(quote)

    def _quote_failed(self, error: Exception) -> None:
        self.quote = None
        self.quote_label.setText(getattr(error, "message", str(error)))
        self.confirm_extra.setVisible(False)
        self._update_start()
        self.quoted.emit(None)

    def _fill_tickets(self, quote: SessionQuote) -> None:
        self.tickets.blockSignals(True)
        chosen = {self._ticket_id} if self._ticket_id is not None else set()
        offered = list(quote.other_open_tickets)
        if self._ticket_id is not None and all(t[0] != self._ticket_id for t in offered):
            offered.insert(0, (self._ticket_id, self.tr("this ticket"), ""))
        for tid, subject, category in offered:
            text = f"#{to_persian_digits(str(tid))}  {subject}"
            if category:
                text += f"  ({label(category)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, tid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tid in chosen else Qt.CheckState.Unchecked)
            self.tickets.addItem(item)
        self.tickets.blockSignals(False)

    def _update_start(self) -> None:
        ok = self.quote is not None and (not self.quote.needs_confirmation or self.confirm_extra.isChecked())
        self.start_button.setEnabled(ok)

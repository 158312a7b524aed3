"""Mail from unknown senders (every agent): who wrote, what about, when it arrived; link it to a customer.

Reads :func:`console.mail.unmatched.list_unmatched_mail`; linking is
:func:`console.mail.unmatched.link_unmatched_mail` (the ticket's response deadline counts from the
mail's arrival, rule 11). Mail set aside by the worker is audited (entity ``mail``), as is a link:
the change feed brings both to every PC's page within a second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.customers import ContactView, CustomerRow, list_contacts, list_customers
from console.db import Session
from console.jalali import format_datetime, to_persian_digits
from console.mail.unmatched import LinkedMail, UnmatchedMail, link_unmatched_mail, list_unmatched_mail
from ui.context import AppContext
from ui.dialogs.form import open_form
from ui.dialogs.link_mail_dialog import LinkMailDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table

EXCERPT = 120


def excerpt(text: str, length: int = EXCERPT) -> str:
    """The mail's first words on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def sender(m: UnmatchedMail) -> str:
    """Name and address, isolated (FSI…PDI) so that a Latin name keeps its brackets right to left."""
    text = f"{m.from_name} <{m.from_address}>" if m.from_name else m.from_address
    return f"\u2068{text}\u2069"


class UnmatchedModel(RowTableModel[UnmatchedMail]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Sender"), sender),
        Column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda m: m.subject),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Arrived"),
            lambda m: format_datetime(m.received_at),
            lambda m: m.received_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Attachments"),
            lambda m: to_persian_digits(str(m.attachments)) if m.attachments else "",
            lambda m: m.attachments,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Beginning"), lambda m: excerpt(m.body_text)),
    )


class UnknownSendersPage(Page):
    entities = frozenset({"mail", "customer", "contact"})
    slug = "unknown-senders"
    TITLE = QT_TRANSLATE_NOOP("UnknownSendersPage", "Unknown senders")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.last_ticket: int | None = None
        self._build_ui()

    def _build_ui(self) -> None:
        note = QLabel(
            self.tr(
                "Mail from addresses that are not a contact of any customer waits here. Link it to a "
                "customer to open its ticket; the response deadline counts from the mail's arrival."
            )
        )
        note.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("unknownSummary")
        self.model = UnmatchedModel(self)
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(lambda _i: self.link_selected())
        self.link_button = QPushButton(self.tr("Link to a customer…"))
        self.link_button.clicked.connect(self.link_selected)
        self.link_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.link_button.setEnabled(self.selected_row(self.table, self.model) is not None)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Mail from unknown senders")))
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.load(list_unmatched_mail, self._show)

    def _show(self, rows: list[UnmatchedMail]) -> None:
        self.model.set_rows(rows)
        self.badge_changed.emit(len(rows) or None)
        text = (
            self.tr("%1 mails are waiting.").replace("%1", to_persian_digits(str(len(rows))))
            if rows
            else self.tr("No mail is waiting.")
        )
        if self.last_ticket is not None:
            text += " " + self.tr("Ticket %1 was opened.").replace(
                "%1", to_persian_digits(str(self.last_ticket))
            )
        self.summary.setText(text)
        self.link_button.setEnabled(self.selected_row(self.table, self.model) is not None)
        self.loaded = True

    def link_selected(self) -> None:
        mail = self.selected_row(self.table, self.model)
        if mail is None:
            return
        today = self.ctx.today()
        self.load(
            lambda s: list_customers(s, today), lambda rows: self._ask_link(mail, rows), key="customers"
        )

    def _ask_link(self, mail: UnmatchedMail, customers: list[CustomerRow]) -> None:
        dialog = LinkMailDialog(mail, customers, self.ctx.agent.is_supervisor, self)
        actor = self.ctx.agent.id

        def contacts_of(customer_id: int) -> None:
            def shown(rows: list[ContactView]) -> None:
                if dialog.customer_id() == customer_id:  # not a customer chosen before
                    dialog.set_contacts(rows)

            self.load(lambda s: list_contacts(s, customer_id), shown, key="contacts")

        dialog.customer_changed.connect(contacts_of)

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            customer_id, add, name = (
                dialog.customer_id(),
                dialog.add_contact.isChecked(),
                dialog.contact_name.text(),
            )
            contact_id = dialog.contact_id()
            assert customer_id is not None  # the form refuses OK without one

            def op(s: Session) -> LinkedMail:
                return link_unmatched_mail(
                    s,
                    actor_id=actor,
                    mail_id=mail.id,
                    customer_id=customer_id,
                    add_contact=add,
                    contact_name=name,
                    contact_id=contact_id,
                )

            def linked(result: LinkedMail) -> None:
                self.last_ticket = result.ticket_id
                done(result)

            self.mutate(op, linked, failed)

        open_form(self, dialog, write)

"""The office status page's notice templates: the Persian texts the office server mails, editable.

Each kind of notice (30 and 7 days before a package expires, 80% and 100% of it used, the monthly
statement, a missed response deadline) has a subject and a body with ``{name}`` placeholders. The
dialog shows what each placeholder stands for and a preview filled with sample values; a text naming
a placeholder its kind does not have is refused by the service and the dialog stays open. The tab
also names who is mailed when a ticket misses its response deadline.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.db import Session
from console.jalali import PERSIAN_MONTHS, format_date, format_datetime, format_minutes, format_number
from console.office import (
    TemplateView,
    breach_recipients,
    list_notice_templates,
    set_breach_recipients,
    set_notice_template,
)
from console.office.templates import MAX_BODY, MAX_SUBJECT
from ui.dialogs.form import FormDialog, open_form
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import limit_length, make_table

CONTEXT = "TemplatesTab"

KINDS = {
    "expiry_30": QT_TRANSLATE_NOOP("TemplatesTab", "30 days before a package expires"),
    "expiry_7": QT_TRANSLATE_NOOP("TemplatesTab", "7 days before a package expires"),
    "used_80": QT_TRANSLATE_NOOP("TemplatesTab", "80% of a package used"),
    "used_100": QT_TRANSLATE_NOOP("TemplatesTab", "A package used up (100%)"),
    "statement": QT_TRANSLATE_NOOP("TemplatesTab", "Monthly statement"),
    "breach": QT_TRANSLATE_NOOP("TemplatesTab", "Missed response deadline (to the office)"),
}
MEANINGS = {
    "customer_name": QT_TRANSLATE_NOOP("TemplatesTab", "The customer's name"),
    "customer_code": QT_TRANSLATE_NOOP("TemplatesTab", "The customer's code"),
    "package_kind": QT_TRANSLATE_NOOP("TemplatesTab", "The package's kind (support or training)"),
    "expires_on": QT_TRANSLATE_NOOP("TemplatesTab", "The day the package expires"),
    "balance": QT_TRANSLATE_NOOP("TemplatesTab", "The time left on the package"),
    "minutes": QT_TRANSLATE_NOOP("TemplatesTab", "The package's time when bought"),
    "days_left": QT_TRANSLATE_NOOP("TemplatesTab", "Days until it expires"),
    "used_percent": QT_TRANSLATE_NOOP("TemplatesTab", "How much of the package is used"),
    "month": QT_TRANSLATE_NOOP("TemplatesTab", "The statement's month"),
    "ticket_id": QT_TRANSLATE_NOOP("TemplatesTab", "The ticket's number"),
    "subject": QT_TRANSLATE_NOOP("TemplatesTab", "The ticket's subject"),
    "due": QT_TRANSLATE_NOOP("TemplatesTab", "When the response was due"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def kind_name(kind: str) -> str:
    return _tr(KINDS.get(kind, kind))


def sample_values(kind: str, now: datetime) -> dict[str, str]:
    """What the preview fills the placeholders with (the forms the office server uses)."""
    return {
        "customer_name": _tr(QT_TRANSLATE_NOOP("TemplatesTab", "Sample Company")),
        "customer_code": format_number(1024),
        "package_kind": _tr(QT_TRANSLATE_NOOP("TemplatesTab", "support")),
        "expires_on": format_date(date(2027, 3, 1)),
        "balance": format_minutes(135),
        "minutes": format_minutes(600),
        "days_left": format_number(7 if kind == "expiry_7" else 30),
        "used_percent": format_number(100 if kind == "used_100" else 80) + "٪",
        "month": f"{PERSIAN_MONTHS[7]} {format_number(1405).replace('٬', '')}",
        "ticket_id": format_number(4711),
        "subject": _tr(QT_TRANSLATE_NOOP("TemplatesTab", "The invoice page does not open")),
        "due": format_datetime(now),
    }


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders filled; a name without a value stays as typed; raises
    ValueError for an unpaired brace."""
    out: list[str] = []
    for literal, name, spec, _conv in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, "{" + name + (":" + spec if spec else "") + "}"))
    return "".join(out)


class PlaceholdersModel(RowTableModel[str]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Placeholder"), lambda n: "{" + n + "}"),
        Column(QT_TRANSLATE_NOOP("Columns", "Stands for"), lambda n: _tr(MEANINGS.get(n, n))),
    )


# sorts before every changed text; aware, like the times it is compared with
NEVER = datetime.min.replace(tzinfo=UTC)


class TemplatesModel(RowTableModel[TemplateView]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Notice"), lambda t: kind_name(t.kind)),
        Column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda t: t.subject),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Changed"),
            lambda t: (
                format_datetime(t.updated_at)
                if t.updated_at
                else _tr(QT_TRANSLATE_NOOP("TemplatesTab", "Built-in text"))
            ),
            lambda t: t.updated_at or NEVER,
            CENTER,
        ),
    )


class TemplateDialog(FormDialog):
    """One kind's subject and body, its placeholders and a preview with sample values."""

    def __init__(self, template: TemplateView, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = template.kind
        self.samples = sample_values(template.kind, now)
        self.setWindowTitle(self.tr("Notice text: %1").replace("%1", kind_name(template.kind)))
        self.subject_edit = QLineEdit(template.subject)
        self.subject_limit = limit_length(self.subject_edit, MAX_SUBJECT)
        self.body_edit = QPlainTextEdit(template.body)
        self.body_limit = limit_length(self.body_edit, MAX_BODY)
        self.placeholders = PlaceholdersModel(self)
        self.placeholders.set_rows(list(template.placeholders))
        names = make_table(self.placeholders)
        names.setMaximumHeight(200)
        self.preview = QLabel()
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMinimumHeight(120)
        form = QFormLayout()
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow("", self.subject_limit.message)
        form.addRow(self.tr("Text"), self.body_edit)
        form.addRow("", self.body_limit.message)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Placeholders this notice may use:")))
        right.addWidget(names)
        right.addWidget(QLabel(self.tr("Preview with sample values:")))
        right.addWidget(self.preview, 1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Save"))
        self.subject_edit.textChanged.connect(self.update_preview)
        self.body_edit.textChanged.connect(self.update_preview)
        self.watch_fields()
        self.update_preview()
        self.resize(900, 560)

    def update_preview(self) -> None:
        try:
            subject = fill(self.subject_edit.text(), self.samples)
            body = fill(self.body_edit.toPlainText(), self.samples)
        except ValueError:
            self.preview.setText(self.tr("The text has an unpaired brace: { and } go in pairs."))
            return
        self.preview.setText(self.tr("Subject: %1").replace("%1", subject) + "\n\n" + body)

    def form_problem(self) -> str:
        if not self.subject_edit.text().strip() or not self.body_edit.toPlainText().strip():
            return self.tr("Both the subject and the text are needed.")
        return ""


class RecipientsDialog(FormDialog):
    """The addresses that hear of a missed response deadline, one a line."""

    def __init__(self, emails: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who hears of a missed deadline"))
        self.emails_edit = QPlainTextEdit("\n".join(emails))
        self.emails_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses read left to right
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Email addresses, one a line (none: nobody is mailed):")))
        layout.addWidget(self.emails_edit, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Save"))
        self.resize(520, 320)

    def emails(self) -> list[str]:
        return [line.strip() for line in self.emails_edit.toPlainText().splitlines() if line.strip()]


def _read(session: Session) -> tuple[list[TemplateView], list[str]]:
    return list_notice_templates(session), breach_recipients(session)


class TemplatesTab(QWidget):
    """The six kinds of notice with their current subject; Edit opens :class:`TemplateDialog`."""

    def __init__(self, page: Page, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.actor_id = actor_id
        self.model = TemplatesModel(self)
        self.table = make_table(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.edit_button = QPushButton(self.tr("Edit text…"))
        self.edit_button.clicked.connect(self.edit)
        note = QLabel(
            self.tr(
                "The office server mails these texts; the names in braces are filled in for each customer."
            )
        )
        note.setWordWrap(True)
        self.recipients: list[str] = []
        self.recipients_label = QLabel()
        self.recipients_label.setObjectName("breachRecipients")
        self.recipients_label.setWordWrap(True)
        self.recipients_button = QPushButton(self.tr("Recipients…"))
        self.recipients_button.clicked.connect(self.edit_recipients)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        recipients = QHBoxLayout()
        recipients.addWidget(self.recipients_label, 1)
        recipients.addWidget(self.recipients_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(recipients)
        self._update_buttons()

    def refresh(self) -> None:
        self.page.load(_read, self._show, key="templates")

    def _show(self, result: tuple[list[TemplateView], list[str]]) -> None:
        rows, self.recipients = result
        self.model.set_rows(rows)
        if self.recipients:
            text = self.tr("A missed response deadline is mailed to: %1").replace(
                "%1", "، ".join(self.recipients)
            )
        else:
            text = self.tr("Nobody is mailed when a response deadline is missed.")
        self.recipients_label.setText(text)
        self._update_buttons()

    def edit_recipients(self) -> None:
        dialog = RecipientsDialog(self.recipients, self)
        actor = self.actor_id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            emails = dialog.emails()
            self.page.mutate(lambda s: set_breach_recipients(s, actor_id=actor, emails=emails), done, failed)

        open_form(self.page, dialog, write)

    def selected(self) -> TemplateView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def edit(self) -> None:
        template = self.selected()
        if template is None:
            return
        dialog = TemplateDialog(template, self.page.ctx.clock.now(), self)
        actor, kind = self.actor_id, template.kind

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            subject, body = dialog.subject_edit.text(), dialog.body_edit.toPlainText()
            self.page.mutate(
                lambda s: set_notice_template(s, actor_id=actor, kind=kind, subject=subject, body=body),
                done,
                failed,
            )

        open_form(self.page, dialog, write)

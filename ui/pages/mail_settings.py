"""Mail settings (supervisors): the mailboxes with "test connection", the acknowledgement template and
the limits, and the quarantine of messages that could not be read.

Reads :func:`console.mail.mailboxes.list_mailboxes` (no password: only whether one is stored),
``get_template``, ``mail_limits`` and ``list_quarantine``; writes ``save_mailbox``, ``set_template``
and ``set_mail_limits``. The connection test logs in to both servers off the GUI thread (``load``).
From the quarantine a supervisor takes a message in again (``release_quarantined_mail``: as it is
or in a charset chosen or guessed) or marks it handled (``dismiss_quarantined_mail``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.db import Session
from console.jalali import format_datetime, format_number, to_persian_digits
from console.mail.acknowledge import PLACEHOLDERS, TemplateView, get_template, set_template
from console.mail.connection_check import ConnectionCheck, check_mailbox_connection
from console.mail.mailboxes import (
    MailboxView,
    MailLimits,
    list_mailboxes,
    mail_limits,
    save_mailbox,
    set_mail_limits,
)
from console.mail.quarantine import (
    CHARSETS,
    QuarantinedMail,
    ReleasedMail,
    dismiss_quarantined_mail,
    list_quarantine,
    release_quarantined_mail,
)
from ui.context import AppContext
from ui.dialogs.form import open_form
from ui.dialogs.mailbox_dialog import MailboxDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table

CONNECT_TIMEOUT = 8.0


@dataclass(frozen=True)
class MailSettings:
    mailboxes: list[MailboxView]
    template: TemplateView
    limits: MailLimits
    quarantine: list[QuarantinedMail]


def read_settings(session: Session, actor_id: int) -> MailSettings:
    return MailSettings(
        list_mailboxes(session, actor_id=actor_id),
        get_template(session),
        mail_limits(session),
        list_quarantine(session, actor_id=actor_id),
    )


def _server(host: str, port: int) -> str:
    return f"{host}:{port}"


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("MailSettingsPage", "Yes")
    return QCoreApplication.translate("MailSettingsPage", "No")


def passwords_text(m: MailboxView) -> str:
    """Whether passwords are stored (never the passwords)."""
    if m.imap_password_set and m.smtp_password_set:
        return QCoreApplication.translate("MailSettingsPage", "Both stored")
    if m.imap_password_set or m.smtp_password_set:
        return QCoreApplication.translate("MailSettingsPage", "One stored")
    return QCoreApplication.translate("MailSettingsPage", "None stored")


class MailboxesModel(RowTableModel[MailboxView]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Mailbox"), lambda m: m.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Address"), lambda m: m.address),
        Column(QT_TRANSLATE_NOOP("Columns", "IMAP server"), lambda m: _server(m.imap_host, m.imap_port)),
        Column(QT_TRANSLATE_NOOP("Columns", "SMTP server"), lambda m: _server(m.smtp_host, m.smtp_port)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Passwords"),
            passwords_text,
            align=CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "In use"),
            lambda m: yes_no(m.active),
            align=CENTER,
        ),
    )


class QuarantineModel(RowTableModel[QuarantinedMail]):
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Arrived"),
            lambda q: format_datetime(q.received_at),
            lambda q: q.received_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Mailbox"), lambda q: q.mailbox),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Size (KB)"),
            lambda q: format_number(math.ceil(q.size / 1024)),
            lambda q: q.size,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Why it was set aside"), lambda q: q.reason),
    )


class MailSettingsPage(Page):
    entities = frozenset({"mailbox", "mail_template", "settings", "mail"})
    slug = "mail-settings"
    TITLE = QT_TRANSLATE_NOOP("MailSettingsPage", "Mail")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.last_check: ConnectionCheck | None = None
        self._build_ui()

    def _build_ui(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._mailboxes_tab(), self.tr("Mailboxes"))
        self.tabs.addTab(self._template_tab(), self.tr("Acknowledgement and limits"))
        self.tabs.addTab(self._quarantine_tab(), self.tr("Quarantine"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Mail settings")))
        layout.addWidget(self.tabs, 1)

    def _mailboxes_tab(self) -> QWidget:
        tab = QWidget()
        self.mailboxes_model = MailboxesModel(self)
        self.mailboxes = make_table(self.mailboxes_model)
        self.mailboxes.doubleClicked.connect(lambda _i: self.edit_mailbox())
        self.new_button = QPushButton(self.tr("New mailbox…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.new_button.clicked.connect(self.new_mailbox)
        self.edit_button.clicked.connect(self.edit_mailbox)
        self.test_button.clicked.connect(self.test_connection)
        self.check_result = QLabel()
        self.check_result.setObjectName("checkResult")
        self.check_result.setWordWrap(True)
        note = QLabel(self.tr("Passwords are never shown here, and agents' accounts cannot read them."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.test_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.check_result)
        layout.addWidget(self.mailboxes, 1)
        self.mailboxes.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        return tab

    def _template_tab(self) -> QWidget:
        tab = QWidget()
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(160)
        option = self.body.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.body.document().setDefaultTextOption(option)
        names = "  ".join("{" + p + "}" for p in PLACEHOLDERS)
        hint = QLabel(
            self.tr(
                "Sent once for each new ticket that came by mail. It may use: %1 (the number, its tag, "
                "the subject, the response deadline in Tehran time, the sender's name)."
            ).replace("%1", names)
        )
        hint.setWordWrap(True)
        self.save_template_button = QPushButton(self.tr("Save template"))
        self.save_template_button.clicked.connect(self.save_template)
        template = QGroupBox(self.tr("Acknowledgement of a new ticket"))
        form = QFormLayout(template)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", hint)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_template_button)
        save_row.addStretch(1)
        form.addRow("", save_row)

        self.per_hour = QSpinBox()
        self.per_hour.setRange(0, 100)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, 100)
        self.max_mb.setSuffix(" " + self.tr("MB"))
        for box in (self.per_hour, self.max_mb):
            box.setMinimumWidth(130)
            box.setMaximumWidth(170)
        self.save_limits_button = QPushButton(self.tr("Save limits"))
        self.save_limits_button.clicked.connect(self.save_limits)
        limits = QGroupBox(self.tr("Limits"))
        limits_form = QFormLayout(limits)
        limits_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        limits_form.addRow(self.tr("Acknowledgements to one sender in an hour, at most"), self.per_hour)
        limits_form.addRow(self.tr("Size of one mail, at most"), self.max_mb)
        limits_form.addRow("", self.save_limits_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(template, 1)
        layout.addWidget(limits)
        return tab

    def _quarantine_tab(self) -> QWidget:
        tab = QWidget()
        self.quarantine_model = QuarantineModel(self)
        self.quarantine = make_table(self.quarantine_model)
        note = QLabel(
            self.tr(
                "Messages that could not be read are kept here whole; the worker goes on with the next ones."
            )
        )
        note.setWordWrap(True)
        self.charset = QComboBox()
        for code in CHARSETS:
            self.charset.addItem(code.upper() if code else self.tr("Guess it"), code)
        self.charset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.release_button = QPushButton(self.tr("Take in again"))
        self.release_button.setToolTip(
            self.tr("Take the message in again: as it is, or read in the charset chosen beside.")
        )
        self.dismiss_button = QPushButton(self.tr("Mark handled"))
        self.dismiss_button.setToolTip(self.tr("Handled without a ticket; the message stays kept."))
        self.release_button.clicked.connect(self.release_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.quarantine_result = QLabel()
        self.quarantine_result.setObjectName("quarantineResult")
        self.quarantine_result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Charset")))
        buttons.addWidget(self.charset)
        buttons.addWidget(self.release_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.quarantine_result)
        layout.addWidget(self.quarantine, 1)
        self.quarantine.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        return tab

    # --- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.ctx.agent.id
        self.load(lambda s: read_settings(s, actor), self._show)

    def _show(self, settings: MailSettings) -> None:
        self.mailboxes_model.set_rows(settings.mailboxes)
        self.subject.setText(settings.template.subject)
        self.body.setPlainText(settings.template.body)
        self.per_hour.setValue(settings.limits.acknowledgements_per_hour)
        self.max_mb.setValue(settings.limits.max_message_mb)
        self.quarantine_model.set_rows(settings.quarantine)
        count = len(settings.quarantine)
        title = self.tr("Quarantine")
        self.tabs.setTabText(2, f"{title} ({to_persian_digits(str(count))})" if count else title)
        self._update_buttons()
        self.loaded = True

    def _update_buttons(self) -> None:
        chosen = self.selected_row(self.mailboxes, self.mailboxes_model) is not None
        self.edit_button.setEnabled(chosen)
        self.test_button.setEnabled(chosen)
        if not hasattr(self, "quarantine"):  # called while the first tab is built
            return
        held = self.selected_row(self.quarantine, self.quarantine_model) is not None
        self.release_button.setEnabled(held)
        self.dismiss_button.setEnabled(held)

    # --- mailboxes ---------------------------------------------------------------------------------
    def new_mailbox(self) -> None:
        self._open_mailbox(None)

    def edit_mailbox(self) -> None:
        if (m := self.selected_row(self.mailboxes, self.mailboxes_model)) is not None:
            self._open_mailbox(m)

    def _open_mailbox(self, mailbox: MailboxView | None) -> None:
        dialog = MailboxDialog(mailbox, self)
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            values = dialog.values()
            self.mutate(lambda s: save_mailbox(s, actor_id=actor, **values), done, failed)

        open_form(self, dialog, write)

    def test_connection(self) -> None:
        mailbox = self.selected_row(self.mailboxes, self.mailboxes_model)
        if mailbox is None:
            return
        actor, name = self.ctx.agent.id, mailbox.name
        self.test_button.setEnabled(False)
        self.check_result.setText(self.tr("Connecting to the servers of “%1”…").replace("%1", name))

        def op(s: Session) -> ConnectionCheck:
            return check_mailbox_connection(s, actor_id=actor, name=name, timeout=CONNECT_TIMEOUT)

        def failed(error: Exception) -> None:
            self._update_buttons()
            self.check_result.setText("")
            self.show_error_box(error)

        self.load(op, self._checked, failed, key="check")

    def _checked(self, check: ConnectionCheck) -> None:
        self.last_check = check
        mark = {True: "✔", False: "✘"}
        self.check_result.setText(
            f"{mark[check.imap_ok]} {check.imap_message}\n{mark[check.smtp_ok]} {check.smtp_message}"
        )
        self._update_buttons()

    # --- template and limits -------------------------------------------------------------------
    def save_template(self) -> None:
        actor, subject, body = self.ctx.agent.id, self.subject.text(), self.body.toPlainText()
        self.mutate(lambda s: set_template(s, actor_id=actor, subject=subject, body=body))

    def save_limits(self) -> None:
        actor, per_hour, max_mb = self.ctx.agent.id, self.per_hour.value(), self.max_mb.value()
        self.mutate(
            lambda s: set_mail_limits(
                s, actor_id=actor, acknowledgements_per_hour=per_hour, max_message_mb=max_mb
            )
        )

    # --- quarantine ------------------------------------------------------------------------------
    def release_selected(self) -> None:
        """Take the chosen message in again (with "Guess it": as it is, else in a guessed charset)."""
        held = self.selected_row(self.quarantine, self.quarantine_model)
        if held is None:
            return
        actor, code = self.ctx.agent.id, self.charset.currentData()
        charset = None if not code else str(code)
        self.mutate(
            lambda s: release_quarantined_mail(s, actor_id=actor, quarantine_id=held.id, charset=charset),
            self._released,
        )

    def _released(self, released: ReleasedMail) -> None:
        result = released.result
        if result.ticket_id is not None and result.action in ("new_ticket", "follow_up"):
            text = self.tr("Taken in: ticket %1.").replace("%1", to_persian_digits(str(result.ticket_id)))
        elif result.action == "unmatched":
            text = self.tr("Taken in: it waits among the mail from unknown senders.")
        elif result.action == "duplicate":
            text = self.tr("This message had been taken in already.")
        else:
            text = self.tr("Taken in: it needs no ticket (an automatic reply, a bounce or our own mail).")
        if released.charset:
            text += " " + self.tr("Read as %1.").replace("%1", released.charset)
        self.quarantine_result.setText(text)

    def dismiss_selected(self) -> None:
        held = self.selected_row(self.quarantine, self.quarantine_model)
        if held is None:
            return
        actor = self.ctx.agent.id
        self.mutate(
            lambda s: dismiss_quarantined_mail(s, actor_id=actor, quarantine_id=held.id),
            lambda _c: self.quarantine_result.setText(self.tr("Marked handled; the message stays kept.")),
        )

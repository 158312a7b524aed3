"""A support mailbox's settings (supervisors): its address, IMAP and SMTP servers, and passwords.

A password is never shown back: the fields start empty and say whether one is stored; left blank,
the stored password is kept (``console.mail.mailboxes.save_mailbox`` takes None for "keep").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.jalali import to_latin_digits
from console.mail.mailboxes import MailboxView
from ui.dialogs.form import FormDialog

LTR = Qt.LayoutDirection.LeftToRight
SECURITY = ("ssl", "starttls", "none")
DEFAULT_PORTS = {
    "imap": {"ssl": 993, "starttls": 143, "none": 143},
    "smtp": {"ssl": 465, "starttls": 587, "none": 25},
}


def _ltr(edit: QLineEdit) -> QLineEdit:
    edit.setLayoutDirection(LTR)
    return edit


def port_value(text: str) -> int | None:
    """The port typed (Latin or Persian digits), or None when it is not a number from 1 to 65535."""
    text = to_latin_digits(text.strip())
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if 0 < value < 65536 else None


class _Server:
    """The fields of one server (IMAP or SMTP) in a group box."""

    def __init__(self, dialog: MailboxDialog, kind: str, title: str) -> None:
        self.kind = kind
        self.box = QGroupBox(title)
        self.host = _ltr(QLineEdit())
        self.port = _ltr(QLineEdit())
        self.port.setMaximumWidth(110)
        self.security = QComboBox()
        for code, text in zip(SECURITY, dialog.security_names(), strict=True):
            self.security.addItem(text, code)
        self.user = _ltr(QLineEdit())
        self.password = _ltr(QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self.box)
        form.addRow(QCoreApplication.translate("MailboxDialog", "Server"), self.host)
        row = QHBoxLayout()
        row.addWidget(self.port)
        row.addWidget(self.security, 1)
        form.addRow(QCoreApplication.translate("MailboxDialog", "Port and security"), row)
        form.addRow(QCoreApplication.translate("MailboxDialog", "User name"), self.user)
        form.addRow(QCoreApplication.translate("MailboxDialog", "Password"), self.password)
        self.security.currentIndexChanged.connect(self._default_port)

    def _default_port(self) -> None:
        known = {str(p) for p in DEFAULT_PORTS[self.kind].values()}
        if not self.port.text().strip() or self.port.text().strip() in known:
            self.port.setText(str(DEFAULT_PORTS[self.kind][self.security.currentData()]))

    def fill(self, host: str, port: int, security: str, user: str, password_set: bool, keep: str) -> None:
        self.host.setText(host)
        self.security.setCurrentIndex(max(0, SECURITY.index(security) if security in SECURITY else 0))
        self.port.setText(str(port))
        self.user.setText(user)
        self.password.setPlaceholderText(keep if password_set else "")


class MailboxDialog(FormDialog):
    """New or edit a mailbox; :meth:`values` gives ``save_mailbox``'s keyword arguments."""

    def __init__(self, mailbox: MailboxView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New mailbox") if mailbox is None else self.tr("Edit mailbox"))
        self.setMinimumWidth(680)
        self.ok_button.setText(self.tr("Save"))
        self.name = _ltr(QLineEdit("support" if mailbox is None else mailbox.name))
        self.name.setReadOnly(mailbox is not None)  # the name is the mailbox's key
        self.address = _ltr(QLineEdit())
        self.display_name = QLineEdit()
        self.imap = _Server(self, "imap", self.tr("Incoming mail (IMAP)"))
        self.smtp = _Server(self, "smtp", self.tr("Outgoing mail (SMTP)"))
        self.folder = _ltr(QLineEdit("INBOX"))
        self.poll = QSpinBox()
        self.poll.setRange(5, 3600)
        self.poll.setValue(30)
        self.poll.setSuffix(" " + self.tr("seconds"))
        self.active = QCheckBox(self.tr("Take mail in from this mailbox"))
        self.active.setChecked(True)
        keep = self.tr("Stored")
        if mailbox is None:
            self.imap._default_port()
            self.smtp._default_port()
        else:
            m = mailbox
            self.address.setText(m.address)
            self.display_name.setText(m.display_name)
            self.imap.fill(m.imap_host, m.imap_port, m.imap_security, m.imap_user, m.imap_password_set, keep)
            self.smtp.fill(m.smtp_host, m.smtp_port, m.smtp_security, m.smtp_user, m.smtp_password_set, keep)
            self.folder.setText(m.imap_folder)
            self.poll.setValue(m.poll_seconds)
            self.active.setChecked(m.active)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Sender name"), self.display_name)
        extra = QFormLayout()
        extra.addRow(self.tr("Folder"), self.folder)
        extra.addRow(self.tr("Check every (without IDLE)"), self.poll)
        extra.addRow("", self.active)
        if mailbox is not None:
            kept = QLabel(
                self.tr("A password left blank keeps the stored one; stored passwords are never shown.")
            )
            kept.setWordWrap(True)
            extra.addRow("", kept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        servers = QHBoxLayout()
        servers.addWidget(self.imap.box)
        servers.addWidget(self.smtp.box)
        layout.addLayout(servers)
        layout.addLayout(extra)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.watch_fields()

    def security_names(self) -> tuple[str, str, str]:
        return (self.tr("TLS"), self.tr("STARTTLS"), self.tr("None (unencrypted)"))

    def form_problem(self) -> str:
        for server, what in ((self.imap, "IMAP"), (self.smtp, "SMTP")):
            if not server.host.text().strip():
                return self.tr("Enter the %1 server's address.").replace("%1", what)
            if port_value(server.port.text()) is None:
                return self.tr("The %1 port must be a number from 1 to 65535.").replace("%1", what)
        return ""

    def values(self) -> dict[str, Any]:
        """``save_mailbox``'s arguments; a blank password is None (keep the stored one)."""
        return {
            "name": self.name.text(),
            "address": self.address.text(),
            "display_name": self.display_name.text(),
            "imap_host": self.imap.host.text(),
            "imap_port": port_value(self.imap.port.text()) or 0,
            "imap_security": self.imap.security.currentData(),
            "imap_user": self.imap.user.text(),
            "imap_password": self.imap.password.text() or None,
            "smtp_host": self.smtp.host.text(),
            "smtp_port": port_value(self.smtp.port.text()) or 0,
            "smtp_security": self.smtp.security.currentData(),
            "smtp_user": self.smtp.user.text(),
            "smtp_password": self.smtp.password.text() or None,
            "imap_folder": self.folder.text(),
            "poll_seconds": self.poll.value(),
            "active": self.active.isChecked(),
        }

"""Dialogs for accounts: a new account, and a new password (one's own or someone else's).

They do no database work. OK emits ``submitted`` and the dialog waits, busy, while its page runs the
service; the page then closes it, or shows the service's refusal in it with :meth:`show_error` so that
nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.accounts import MAX_FULL_NAME, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from console.jalali import to_persian_digits
from console.models import ROLES
from console.validation import count_text
from ui.labels import label

_LTR = Qt.LayoutDirection.LeftToRight
ERROR_STYLE = "color: #c62828;"


def password_edit(placeholder: str = "") -> QLineEdit:
    """A masked, left-to-right password field (passwords are typed as they are, not mirrored)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setLayoutDirection(_LTR)
    edit.setMaxLength(MAX_PASSWORD_LENGTH)
    edit.setPlaceholderText(placeholder)
    return edit


MAX_USERNAME = 32  # console.accounts.USERNAME_RE


def username_edit() -> QLineEdit:
    """A left-to-right field for a Latin username (a longer one is refused, never cut)."""
    edit = QLineEdit()
    edit.setLayoutDirection(_LTR)
    return edit


def too_long(what: str, text: str, limit: int) -> str:
    """«what» is longer than ``limit`` characters: the form says so ("" when it is not)."""
    if len(text.strip()) <= limit:
        return ""
    return (
        QCoreApplication.translate("AccountDialogs", "%1 is too long: %2 characters; at most %3.")
        .replace("%1", what)
        .replace("%2", count_text(len(text.strip())))
        .replace("%3", count_text(limit))
    )


class PasswordPair(QWidget):
    """A new password typed twice, with what is wrong with it (the service checks again).

    Signals:
        changed(): either field was edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hint = self.tr("At least %1 characters").replace("%1", to_persian_digits(str(MIN_PASSWORD_LENGTH)))
        self.new_edit = password_edit(hint)
        self.repeat_edit = password_edit()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("New password"), self.new_edit)
        form.addRow(self.tr("Repeat the password"), self.repeat_edit)
        self.new_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.repeat_edit.textChanged.connect(lambda _t: self.changed.emit())

    def password(self) -> str:
        return self.new_edit.text()

    def problem(self) -> str:
        """What stops the password being accepted, or "" (nothing shown before anything is typed)."""
        first, second = self.new_edit.text(), self.repeat_edit.text()
        if not first:
            return ""
        if len(first) < MIN_PASSWORD_LENGTH:
            return self.tr("The password must be at least %1 characters.").replace(
                "%1", to_persian_digits(str(MIN_PASSWORD_LENGTH))
            )
        if second and first != second:
            return self.tr("The two passwords differ.")
        return ""

    def complete(self) -> bool:
        return (
            bool(self.new_edit.text())
            and self.new_edit.text() == self.repeat_edit.text()
            and not (self.problem())
        )


class SubmitDialog(QDialog):
    """A form whose OK hands the values to its page and waits for the outcome.

    Signals:
        submitted(): OK was pressed with a complete form; the page now runs the service.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    def _finish_layout(self, intro: str = "") -> None:
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.update_state()

    # subclasses: what is missing or wrong in the form ("" when it can be sent)
    def form_problem(self) -> str:
        return ""

    def form_complete(self) -> bool:
        return True

    def update_state(self) -> None:
        problem = self.form_problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok_button.setEnabled(not self.busy and self.form_complete() and not problem)

    def _submit(self) -> None:
        if self.busy or not self.ok_button.isEnabled():
            return
        self.set_busy(True)
        self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        """Freeze the form while the page runs the service."""
        self.busy = busy
        for edit in self.findChildren(QLineEdit) + self.findChildren(QComboBox):
            edit.setEnabled(not busy)
        self.update_state()

    def show_error(self, message: str) -> None:
        """The service refused: say why, and let the person correct the form."""
        self.set_busy(False)
        self.problem.setText(message)
        self.problem.setVisible(True)


class NewAccountDialog(SubmitDialog):
    """Username, full name, role and first password of a new account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
        self.ok_button.setText(self.tr("Create account"))
        self.username_edit = username_edit()
        self.username_edit.setPlaceholderText(self.tr("e.g. s.karimi"))
        self.full_name_edit = QLineEdit()  # a longer name is refused in the form, never cut
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(label(role), role)
        self.passwords = PasswordPair()
        self.form.addRow(self.tr("Username"), self.username_edit)
        self.form.addRow(self.tr("Full name"), self.full_name_edit)
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.form.addRow(self.passwords)
        for edit in (self.username_edit, self.full_name_edit):
            edit.textChanged.connect(lambda _t: self.update_state())
        self.passwords.changed.connect(self.update_state)
        self._finish_layout(
            self.tr(
                "The username is what the person types to sign in: 3 to 32 small Latin letters, digits, "
                "dots, dashes or underscores. Give them the first password in person."
            )
        )

    def form_problem(self) -> str:
        return (
            too_long(self.tr("The username"), self.username(), MAX_USERNAME)
            or too_long(self.tr("The full name"), self.full_name(), MAX_FULL_NAME)
            or self.passwords.problem()
        )

    def form_complete(self) -> bool:
        return bool(self.username().strip() and self.full_name().strip()) and self.passwords.complete()

    def username(self) -> str:
        return self.username_edit.text()

    def full_name(self) -> str:
        return self.full_name_edit.text()

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def password(self) -> str:
        return self.passwords.password()


class PasswordDialog(SubmitDialog):
    """A new password: one's own (with the current one), or someone else's reset by a supervisor.

    Args:
        whose: The account's full name, shown in the title when resetting someone else's.
        own: Changing one's own password: the current password is asked for too.
        parent: Parent widget.
    """

    def __init__(self, whose: str = "", *, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own = own
        if own:
            self.setWindowTitle(self.tr("Change my password"))
        else:
            self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", whose))
        self.ok_button.setText(self.tr("Save password"))
        self.current_edit = password_edit()
        self.passwords = PasswordPair()
        if own:
            self.form.addRow(self.tr("Current password"), self.current_edit)
        else:
            self.current_edit.hide()
        self.form.addRow(self.passwords)
        self.current_edit.textChanged.connect(lambda _t: self.update_state())
        self.passwords.changed.connect(self.update_state)
        intro = (
            ""
            if own
            else self.tr("The old password stops working at once. Give the new one to its owner in person.")
        )
        self._finish_layout(intro)

    def form_problem(self) -> str:
        return self.passwords.problem()

    def form_complete(self) -> bool:
        return (not self.own or bool(self.current_edit.text())) and self.passwords.complete()

    def current_password(self) -> str:
        return self.current_edit.text()

    def password(self) -> str:
        return self.passwords.password()

"""Accounts: supervisors create accounts, disable and enable them, reset passwords and change roles.

An agent sees only their own account here, with "change my password". The services check the role
whatever this page shows. Dialogs and questions open window-modal with ``open()`` (never a nested
event loop) and are exposed as ``prompt`` so that tests can drive them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.accounts import (
    AccountView,
    create_account,
    list_accounts,
    my_account,
    reset_password,
    set_active,
    set_password,
    set_role,
)
from console.audit import Change
from console.db import Session
from console.jalali import format_date, format_time
from ui.context import AppContext
from ui.dialogs.account_dialogs import NewAccountDialog, PasswordDialog, SubmitDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label
from ui.pages.base import Page, error_message
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table

CONTEXT = "AccountsPage"
MUTED = QColor("#757575")
WARN = QColor("#c62828")
_ACTIVE = QT_TRANSLATE_NOOP("AccountsPage", "Active")
_DISABLED = QT_TRANSLATE_NOOP("AccountsPage", "Disabled")
_SET = QT_TRANSLATE_NOOP("AccountsPage", "Set")
_NOT_SET = QT_TRANSLATE_NOOP("AccountsPage", "Not set")


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _state(account: AccountView) -> str:
    if not account.active:
        return _tr(_DISABLED)
    if account.locked_until is not None:  # too many wrong passwords: it ends by itself, or with a new one
        return QCoreApplication.translate("AccountsPage", "Locked until %1").replace(
            "%1", format_time(account.locked_until)
        )
    return _tr(_ACTIVE)


class AccountTableModel(RowTableModel[AccountView]):
    COL_USERNAME, COL_NAME, COL_ROLE, COL_STATE, COL_PASSWORD, COL_CREATED = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Username"), lambda a: a.username, align=CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Full name"),
            lambda a: a.full_name,
            color=lambda a: None if a.active else MUTED,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda a: label(a.role), align=CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"),
            lambda a: _state(a),
            lambda a: (not a.active, a.locked_until is None),
            CENTER,
            color=lambda a: None if a.active and a.locked_until is None else WARN,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Password"),
            lambda a: _tr(_SET if a.has_password else _NOT_SET),
            lambda a: a.has_password,
            CENTER,
            color=lambda a: None if a.has_password else WARN,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Created on"),
            lambda a: format_date(a.created_at.date()) if a.created_at else "—",
            lambda a: (a.created_at is None, a.created_at),
            CENTER,
        ),
    )


class AccountsPage(Page):
    entities = frozenset({"agent"})
    slug = "accounts"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.manager = ctx.agent.is_supervisor
        self.prompt: QDialog | None = None  # the dialog or question on screen, if any
        self.loaded = False
        self._build_ui()
        self._connect_signals()
        self._update_buttons()

    def _build_ui(self) -> None:
        self.note = QLabel(
            self.tr("A supervisor manages the accounts. Here you can change your own password.")
        )
        self.note.setStyleSheet("color: #ef6c00;")
        self.note.setWordWrap(True)
        self.note.setVisible(not self.manager)
        self.model = AccountTableModel(self)
        self.table = make_table(self.model, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(
            AccountTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.sortByColumn(AccountTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.new_button = QPushButton(self.tr("New account…"))
        self.active_button = QPushButton(self.tr("Disable account"))
        self.role_button = QPushButton(self.tr("Make supervisor"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.own_password_button = QPushButton(self.tr("Change my password…"))
        for button in (self.new_button, self.active_button, self.role_button, self.reset_button):
            button.setVisible(self.manager)

        row = QHBoxLayout()
        for button in (
            self.new_button,
            self.role_button,
            self.active_button,
            self.reset_button,
            self.own_password_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Accounts")))
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.new_button.clicked.connect(self.new_account)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.toggle_role)
        self.reset_button.clicked.connect(self.reset_selected_password)
        self.own_password_button.clicked.connect(self.change_my_password)

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.ctx.agent.id
        if self.manager:
            self.load(lambda s: list_accounts(s, actor_id=actor), self._show_rows)
        else:
            self.load(lambda s: [my_account(s, actor_id=actor)], self._show_rows)

    def _show_rows(self, rows: list[AccountView]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.loaded = True
        if keep is not None:
            self.select_account(keep.id)
        elif not self.manager:
            self.select_account(self.ctx.agent.id)
        self._update_buttons()

    def select_account(self, account_id: int | None) -> None:
        # Not QTableView.selectRow: right to left it selects nothing (see calendar_settings).
        for n, row in enumerate(self.model.rows()):
            if row.id == account_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.model.index(n, 0), flags)
                return

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # --- actions -------------------------------------------------------------------------------
    def new_account(self) -> None:
        dialog = NewAccountDialog(parent=self)
        actor = self.ctx.agent.id

        def submitted() -> None:
            username, full_name = dialog.username(), dialog.full_name()
            role, password = dialog.role(), dialog.password()
            self._submit(
                dialog,
                lambda s: create_account(
                    s, actor_id=actor, username=username, full_name=full_name, role=role, password=password
                ),
            )

        dialog.submitted.connect(submitted)
        self.open_prompt(dialog, None)

    def change_my_password(self) -> None:
        dialog = PasswordDialog(own=True, parent=self)
        actor = self.ctx.agent.id

        def submitted() -> None:
            current, password = dialog.current_password(), dialog.password()
            self._submit(
                dialog,
                lambda s: set_password(
                    s, actor_id=actor, agent_id=actor, password=password, current_password=current
                ),
                done_message=self.tr("Your password was changed."),
            )

        dialog.submitted.connect(submitted)
        self.open_prompt(dialog, None)

    def reset_selected_password(self) -> None:
        if (account := self.selected()) is None:
            return
        dialog = PasswordDialog(account.full_name, own=False, parent=self)
        actor = self.ctx.agent.id

        def submitted() -> None:
            password = dialog.password()
            self._submit(
                dialog, lambda s: reset_password(s, actor_id=actor, agent_id=account.id, password=password)
            )

        dialog.submitted.connect(submitted)
        self.open_prompt(dialog, None)

    def toggle_active(self) -> None:
        if (account := self.selected()) is None:
            return
        actor, active = self.ctx.agent.id, not account.active
        if active:
            title, text = self.tr("Enable account"), self.tr("Let %1 sign in again?")
            yes = self.tr("Enable")
        else:
            title = self.tr("Disable account")
            text = self.tr(
                "Disable the account of %1? They can no longer sign in; their work stays on record."
            )
            yes = self.tr("Disable")
        self._ask(
            title,
            text.replace("%1", account.full_name),
            yes,
            lambda: self.mutate(lambda s: set_active(s, actor_id=actor, agent_id=account.id, active=active)),
        )

    def toggle_role(self) -> None:
        if (account := self.selected()) is None:
            return
        actor = self.ctx.agent.id
        role = "agent" if account.is_supervisor else "supervisor"
        if role == "supervisor":
            text = self.tr("Make %1 a supervisor? Supervisors manage accounts, the calendar and reviews.")
        else:
            text = self.tr("Make %1 an agent? They lose the supervisor's pages and rights.")
        self._ask(
            self.tr("Change role"),
            text.replace("%1", account.full_name),
            self.tr("Change role"),
            lambda: self.mutate(lambda s: set_role(s, actor_id=actor, agent_id=account.id, role=role)),
        )

    # --- helpers -------------------------------------------------------------------------------
    def _submit(self, dialog: SubmitDialog, op: Callable[[Session], Change], done_message: str = "") -> None:
        """Run the dialog's service; close it when done, or show the refusal in it."""

        def done(_change: object) -> None:
            if self.prompt is dialog:  # else closed meanwhile (and deleted): nothing to update
                dialog.set_busy(False)
                dialog.accept()
            if done_message:
                self._show_message(QMessageBox.Icon.Information, self.tr("Done"), done_message)

        def failed(error: Exception) -> None:
            if self.prompt is dialog:
                dialog.show_error(error_message(error))
            else:
                self.show_error_box(error)

        self.mutate(op, done, failed)

    def _show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, parent=self)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        self.open_prompt(box, None)

    def _ask(self, title: str, text: str, yes_text: str, on_yes: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.finished.connect(lambda _r: on_yes() if box.clickedButton() is yes else None)
        self.open_prompt(box, None)

    def _update_buttons(self) -> None:
        account = self.selected()
        other = account is not None and account.id != self.ctx.agent.id
        self.new_button.setEnabled(self.manager)
        self.active_button.setEnabled(self.manager and other)
        self.role_button.setEnabled(self.manager and other)
        self.reset_button.setEnabled(self.manager and other)
        self.own_password_button.setEnabled(self.loaded)
        if account is not None and not account.active:
            self.active_button.setText(self.tr("Enable account"))
        else:
            self.active_button.setText(self.tr("Disable account"))
        if account is not None and account.is_supervisor:
            self.role_button.setText(self.tr("Make agent"))
        else:
            self.role_button.setText(self.tr("Make supervisor"))

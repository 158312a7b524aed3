"""The office status page's API tokens: create one for an integration (shown once), list, revoke.

The whole token is only in :class:`CreatedToken` (``console.office.create_api_token``); after its
dialog closes nothing on screen, or in the database, holds it again: the list shows each token's
prefix, which is how a request names the token in the server's log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.jalali import format_datetime, format_number
from console.office import CreatedToken, TokenInfo, create_api_token, list_api_tokens, revoke_api_token
from console.office.tokens import MAX_NAME
from ui.dialogs.form import FormDialog, open_form
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import ERROR_COLOR, limit_length, make_table


def _tr(source: str) -> str:
    return QCoreApplication.translate("TokensTab", source)


def _state(t: TokenInfo) -> str:
    return (
        _tr(QT_TRANSLATE_NOOP("TokensTab", "Revoked"))
        if t.revoked_at is not None
        else _tr(QT_TRANSLATE_NOOP("TokensTab", "In use"))
    )


class TokensModel(RowTableModel[TokenInfo]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Integration"), lambda t: t.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Prefix"), lambda t: t.prefix, align=CENTER),
        Column(QT_TRANSLATE_NOOP("Columns", "State"), _state, align=CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Requests a minute"),
            lambda t: format_number(t.rate_per_minute),
            lambda t: t.rate_per_minute,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Created"),
            lambda t: format_datetime(t.created_at),
            lambda t: t.created_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Last used"),
            lambda t: (
                format_datetime(t.last_used_at)
                if t.last_used_at
                else _tr(QT_TRANSLATE_NOOP("TokensTab", "Never"))
            ),
            lambda t: t.last_used_at or t.created_at,
            CENTER,
        ),
    )


class NewTokenDialog(FormDialog):
    """The name of the integration a new token is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New API token"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("For example: customer portal"))
        self.name_limit = limit_length(self.name_edit, MAX_NAME)
        form = QFormLayout()
        form.addRow(self.tr("Integration"), self.name_edit)
        form.addRow("", self.name_limit.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Create"))
        self.watch_fields()

    def form_problem(self) -> str:
        return "" if self.name_edit.text().strip() else self.tr("Write the integration's name.")


class TokenShownDialog(QDialog):
    """The whole token, once: copy it now, it is never shown again."""

    def __init__(self, created: CreatedToken, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The new token"))
        warning = QLabel(
            self.tr(
                "The token for «%1» is below. Copy it now and give it to the integration: "
                "it is not kept and will never be shown again."
            ).replace("%1", created.name)
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(ERROR_COLOR)
        self.secret_edit = QLineEdit(created.secret)
        self.secret_edit.setReadOnly(True)
        self.secret_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.secret_edit.setMinimumWidth(
            self.secret_edit.fontMetrics().horizontalAdvance(created.secret) + 24
        )
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.secret_edit, 1)
        row.addWidget(self.copy_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(row)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.secret_edit.text())
        self.copied.setText(self.tr("Copied."))


class TokensTab(QWidget):
    """The list of API tokens with New and Revoke."""

    def __init__(self, page: Page, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.actor_id = actor_id
        self.model = TokensModel(self)
        self.table = make_table(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.new_button = QPushButton(self.tr("New token…"))
        self.new_button.clicked.connect(self.new_token)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        note = QLabel(
            self.tr(
                "Each integration (the customer portal, a script) gets its own token; "
                "a revoked token is refused from then on."
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def refresh(self) -> None:
        self.page.load(list_api_tokens, self._show, key="tokens")

    def _show(self, rows: list[TokenInfo]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> TokenInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        token = self.selected()
        self.revoke_button.setEnabled(token is not None and token.revoked_at is None)

    def new_token(self) -> None:
        dialog = NewTokenDialog(self)
        actor = self.actor_id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            name = dialog.name_edit.text()

            def created(result: CreatedToken) -> None:
                done(result)
                self.page.open_prompt(TokenShownDialog(result, self), None)

            self.page.mutate(lambda s: create_api_token(s, actor_id=actor, name=name), created, failed)

        open_form(self.page, dialog, write)

    def ask_revoke(self) -> None:
        token = self.selected()
        if token is None or token.revoked_at is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Revoke token"),
            self.tr("Revoke the token of «%1» (%2)? Every request with it is refused from now on.")
            .replace("%1", token.name)
            .replace("%2", token.prefix),
            parent=self,
        )
        yes = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        actor, token_id = self.actor_id, token.id
        box.finished.connect(
            lambda _r: (
                self.page.mutate(lambda s: revoke_api_token(s, actor_id=actor, token_id=token_id))
                if box.clickedButton() is yes
                else None
            )
        )
        self.page.open_prompt(box, None)

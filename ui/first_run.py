"""First start of an installed build: work on a local file, or on the team's shared PostgreSQL server.

Shown when no database has been chosen yet (``console.connection.resolve_startup_database`` returns
``None``), and again, pre-filled, when the saved server's password is not kept on this PC. The choice
goes to a small file in the user's configuration folder; the password to the OS keyring when the PC
has one and the person asks for it, otherwise nowhere (it is asked at each start).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.connection import (
    DEFAULT_PORT,
    LOCAL,
    DatabaseChoice,
    ServerSettings,
    check_connection,
    choice_url,
    keyring_available,
    load_config,
    parse_server_url,
    remember_choice,
    server_settings,
    server_url,
)
from console.errors import ValidationError

_LTR = Qt.LayoutDirection.LeftToRight
_OK_STYLE = "color: #2e7d32; font-weight: bold;"
_ERROR_STYLE = "color: #c62828;"


class _CheckSignals(QObject):
    """Signals:
    done(int, object): the check numbered ``int`` finished: ``None`` or the Persian reason it failed.
    """

    done = Signal(int, object)


class _ConnectionCheck(QRunnable):
    """Runs :func:`console.connection.check_connection` on a pool thread (it may wait seconds)."""

    def __init__(self, number: int, url: str) -> None:
        super().__init__()
        self.signals = _CheckSignals()  # created on the GUI thread: its signal is delivered there
        self._number = number
        self._url = url

    def run(self) -> None:
        try:
            result = check_connection(self._url)
        except Exception as exc:  # check_connection answers in Persian; this is a last resort
            result = repr(exc)
        self.signals.done.emit(self._number, result)


class FirstRunDialog(QDialog):
    """Choose the local database or a shared server; test the connection; save the choice.

    Signals:
        checked(object): a connection test finished: ``None`` when the database answered, else why not.

    Args:
        initial: The saved choice to start from (e.g. a server whose password must be typed), or None.
        keyring_ok: Whether the PC has a keyring (default: ask the ``keyring`` package).
        config_file: Where to save the choice (default: the user's configuration folder).
        parent: Parent widget.
    """

    checked = Signal(object)

    def __init__(
        self,
        initial: DatabaseChoice | None = None,
        *,
        keyring_ok: bool | None = None,
        config_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keyring_ok = keyring_available() if keyring_ok is None else keyring_ok
        self._config_file = config_file
        self._check_number = 0
        self._checks_running = 0
        self._options: dict[str, str] = {}  # URL options (e.g. sslmode) that have no field of their own
        self.saved: DatabaseChoice | None = None
        self._build_ui(initial)
        self._connect_signals()
        self._load(initial)
        self._update()

    def _build_ui(self, initial: DatabaseChoice | None) -> None:
        self.setWindowTitle(self.tr("Choose the database"))
        self.setMinimumWidth(560)
        asking_password = initial is not None and initial.kind == "postgresql"
        intro = QLabel(
            self.tr("Type the shared server's password to start, or change where this PC works.")
            if asking_password
            else self.tr(
                "Support Console keeps its work in a database. Choose where this PC works; "
                "the choice is kept for the next start."
            )
        )
        intro.setWordWrap(True)

        self.local_radio = QRadioButton(self.tr("This PC only (a local file)"))
        local_note = QLabel(
            self.tr("For one person, or to try the console: nothing is shared with other PCs.")
        )
        local_note.setWordWrap(True)
        local_note.setIndent(24)
        self.server_radio = QRadioButton(self.tr("The team's shared server (PostgreSQL)"))
        server_note = QLabel(
            self.tr(
                "Every office PC works on the same tickets and packages. Your IT admin has these details."
            )
        )
        server_note.setWordWrap(True)
        server_note.setIndent(24)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.local_radio)
        self.kind_group.addButton(self.server_radio)

        self.url_edit = self._ltr_edit("postgresql://user@server:5432/console")
        self.host_edit = self._ltr_edit("db.office.lan")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setLayoutDirection(_LTR)
        self.db_edit = self._ltr_edit("console")
        self.user_edit = self._ltr_edit("support")
        self.password_edit = self._ltr_edit("")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep_password = QCheckBox(self.tr("Remember the password in this PC's keyring"))
        self.no_keyring = QLabel(
            self.tr("This PC has no keyring: the password is not saved and is asked at each start.")
        )
        self.no_keyring.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Server URL (optional)"), self.url_edit)
        form.addRow(self.tr("Server address"), self.host_edit)
        form.addRow(self.tr("Server port"), self.port_spin)
        form.addRow(self.tr("Database name"), self.db_edit)
        form.addRow(self.tr("Database user"), self.user_edit)
        form.addRow(self.tr("Database password"), self.password_edit)
        server_box_layout = QVBoxLayout()
        server_box_layout.addLayout(form)
        server_box_layout.addWidget(self.keep_password)
        server_box_layout.addWidget(self.no_keyring)
        self.server_box = QGroupBox(self.tr("Shared server"))
        self.server_box.setLayout(server_box_layout)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.result_label = QLabel()
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start the console"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.local_radio)
        layout.addWidget(local_note)
        layout.addWidget(self.server_radio)
        layout.addWidget(server_note)
        layout.addWidget(self.server_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

    @staticmethod
    def _ltr_edit(placeholder: str) -> QLineEdit:
        """Addresses, names and passwords are Latin text: typed and shown left to right."""
        edit = QLineEdit()
        edit.setLayoutDirection(_LTR)
        edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        edit.setPlaceholderText(placeholder)
        return edit

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind_group.buttonToggled.connect(lambda *_: self._changed())
        self.url_edit.editingFinished.connect(self._apply_url)
        for edit in (self.host_edit, self.db_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(lambda *_: self._changed())
        self.port_spin.valueChanged.connect(lambda *_: self._changed())
        self.test_button.clicked.connect(self.test_connection)

    def _load(self, initial: DatabaseChoice | None) -> None:
        self.keep_password.setChecked(self._keyring_ok)
        if initial is None or initial.kind == "local" or initial.server is None:
            self.local_radio.setChecked(True)
            return
        self.server_radio.setChecked(True)
        self._fill(initial.server, "")
        self.password_edit.setFocus()

    def _fill(self, server: ServerSettings, password: str) -> None:
        self._options = dict(server.options)
        self.host_edit.setText(server.host)
        self.port_spin.setValue(server.port)
        self.db_edit.setText(server.dbname)
        self.user_edit.setText(server.user)
        self.password_edit.setText(password)

    # -- state ------------------------------------------------------------------------------

    def _changed(self) -> None:
        """Any edit makes an earlier test result stale."""
        self._check_number += 1
        self._show("", ok=True)
        self._update()

    def _update(self) -> None:
        server = self.server_radio.isChecked()
        self.server_box.setEnabled(server)
        self.keep_password.setEnabled(server and self._keyring_ok)
        self.keep_password.setVisible(self._keyring_ok)
        self.no_keyring.setVisible(not self._keyring_ok)
        self.test_button.setEnabled(self._checks_running == 0)

    def _show(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)

    def _apply_url(self) -> bool:
        """Fill the fields from a typed or pasted URL; False when there is one and it is not usable."""
        text = self.url_edit.text().strip()
        if not text:
            return True
        try:
            server, password = parse_server_url(text)
        except ValidationError as exc:
            self._show(exc.message, ok=False)
            return False
        self._fill(server, password or self.password_edit.text())
        self.url_edit.clear()  # the fields now hold it; a password in it is not left on screen
        self._changed()
        return True

    # -- what was chosen --------------------------------------------------------------------

    def server(self) -> ServerSettings:
        """The server in the fields; raises :class:`ValidationError` (Persian) when they are incomplete."""
        return server_settings(
            self.host_edit.text(),
            self.port_spin.value(),
            self.db_edit.text(),
            self.user_edit.text(),
            self._options,
        )

    def choice(self) -> DatabaseChoice:
        """The database chosen (where its password is kept is decided when it is saved)."""
        if self.local_radio.isChecked():
            return LOCAL
        return DatabaseChoice("postgresql", self.server())

    def password(self) -> str:
        return self.password_edit.text()

    def database_url(self) -> str:
        """The URL to start on, with the password (never shown or saved)."""
        choice = self.choice()
        if choice.server is None:
            return choice_url(choice)
        return server_url(choice.server, self.password() or None)

    # -- actions ----------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Try the chosen database on a pool thread; the answer comes back through ``checked``.

        For the local file this checks that it can be created and opened in the user's data folder.
        """
        if self.server_radio.isChecked() and not self._apply_url():
            return
        try:
            url = self.database_url()
        except ValidationError as exc:
            self._show(exc.message, ok=False)
            return
        self._check_number += 1
        self._checks_running += 1
        self._show(self.tr("Testing the connection…"), ok=True)
        task = _ConnectionCheck(self._check_number, url)
        task.signals.done.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        QThreadPool.globalInstance().start(task)
        self._update()

    def _checked(self, number: int, error: object) -> None:
        self._checks_running -= 1
        self._update()
        if number != self._check_number:
            return  # the fields changed since: this answer is about something else
        if error is None:
            self._show(self.tr("The database answered: the connection works."), ok=True)
        else:
            self._show(str(error), ok=False)
        self.checked.emit(error)

    def accept(self) -> None:
        if self.server_radio.isChecked() and not self._apply_url():
            return  # the URL says why it cannot be used
        try:
            choice = self.choice()
        except ValidationError as exc:
            self._show(exc.message, ok=False)
            return
        self.saved = remember_choice(
            choice,
            self.password(),
            keep_password=self._keyring_ok and self.keep_password.isChecked(),
            path=self._config_file,
        )
        super().accept()


def ask_database(parent: QWidget | None = None) -> str | None:
    """Show the dialog, pre-filled from the saved choice; the URL to start on, or None when the person quit."""
    dialog = FirstRunDialog(load_config(), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.database_url()

"""First start of an installed build: work on a local file, or on the team's shared PostgreSQL server.

Shown when no database has been chosen yet (``console.connection.resolve_startup_database`` returns
``None``). For the shared server it asks only where the server is: its address, port, database and
how to use TLS (``verify-full`` with the office's CA file, chosen with a file dialog; or ``require``
or ``prefer``). No user and no password: each person signs in to PostgreSQL as themselves in the
sign-in dialog (issue 17), so the saved file holds no credential and nothing goes to the keyring.
"Test connection" says whether the server answers (it asking for a password means it does).

An installation that still shares one database login (before the IT person retired it) ticks
"one shared login"; the user and password fields then appear, and the password goes to the OS
keyring when the PC has one and the person asks for it, otherwise nowhere (asked at each start).
Such a saved choice whose password is not kept shows this dialog again, pre-filled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
    check_server,
    choice_url,
    forget_password,
    keyring_available,
    load_config,
    parse_server_url,
    person_server,
    remember_choice,
    server_settings,
    server_url,
    tls_options,
)
from console.errors import ValidationError
from ui.file_dialogs import save_file_dialog
from ui.i18n import QT_TRANSLATE_NOOP

_LTR = Qt.LayoutDirection.LeftToRight
_OK_STYLE = "color: #2e7d32; font-weight: bold;"
_ERROR_STYLE = "color: #c62828;"
_TLS_FIELDS = ("sslmode", "sslrootcert")
TLS_CHOICES = (
    ("prefer", QT_TRANSLATE_NOOP("FirstRunDialog", "TLS when the server offers it (prefer)")),
    ("require", QT_TRANSLATE_NOOP("FirstRunDialog", "Always TLS, certificate not checked (require)")),
    (
        "verify-full",
        QT_TRANSLATE_NOOP(
            "FirstRunDialog", "TLS, certificate checked with the office's CA file (verify-full)"
        ),
    ),
)


class _CheckSignals(QObject):
    """Signals:
    done(int, object): the check numbered ``int`` finished: ``None`` or the Persian reason it failed.
    """

    done = Signal(int, object)


class _ConnectionCheck(QRunnable):
    """Runs a connection check on a pool thread (it may wait seconds).

    ``check`` answers ``None`` when the database answered, else the Persian reason (like
    :func:`console.connection.check_connection`).
    """

    def __init__(self, number: int, check: Callable[[], str | None]) -> None:
        super().__init__()
        self.signals = _CheckSignals()  # created on the GUI thread: its signal is delivered there
        self._number = number
        self._check = check

    def run(self) -> None:
        try:
            result = self._check()
        except Exception as exc:  # the checks answer in Persian; this is a last resort
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
        self._options: dict[str, str] = {}  # URL options with no field of their own (not TLS's)
        self._person_check = False  # the running test is a person-sign-in server's
        self.saved: DatabaseChoice | None = None
        self.ca_dialog: QFileDialog | None = None  # the CA file chooser, while open
        self._build_ui(initial)
        self._connect_signals()
        self._initial = initial
        self._load(initial)
        self._update()

    def _build_ui(self, initial: DatabaseChoice | None) -> None:
        self.setWindowTitle(self.tr("Choose the database"))
        self.setMinimumWidth(560)
        asking_password = initial is not None and initial.kind == "postgresql" and not initial.person
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

        self.url_edit = self._ltr_edit("postgresql://server:5432/console?sslmode=verify-full")
        self.host_edit = self._ltr_edit("db.office.lan")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setLayoutDirection(_LTR)
        self.db_edit = self._ltr_edit("console")
        self.tls_combo = QComboBox()
        for mode, text in TLS_CHOICES:
            self.tls_combo.addItem(self.tr(text), mode)
        self.ca_edit = self._ltr_edit("office-ca.pem")
        self.ca_button = QPushButton(self.tr("Choose…"))
        self.ca_button.setAutoDefault(False)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        self.ca_row = QWidget()
        self.ca_row.setLayout(ca_row)
        self.person_note = QLabel(
            self.tr(
                "Each person signs in with their own username and password, checked by the server; "
                "this PC keeps only the server's address."
            )
        )
        self.person_note.setWordWrap(True)
        self.shared_login = QCheckBox(
            self.tr("This server still uses one shared database login (older setup)")
        )
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
        form.addRow(self.tr("Encryption (TLS)"), self.tls_combo)
        form.addRow(self.tr("Office CA file"), self.ca_row)
        form.addRow(self.shared_login)
        form.addRow(self.tr("Database user"), self.user_edit)
        form.addRow(self.tr("Database password"), self.password_edit)
        self.form = form
        self.login_box = QWidget()
        login_layout = QVBoxLayout(self.login_box)
        login_layout.setContentsMargins(0, 0, 0, 0)
        login_layout.addWidget(self.keep_password)
        login_layout.addWidget(self.no_keyring)
        server_box_layout = QVBoxLayout()
        server_box_layout.addLayout(form)
        server_box_layout.addWidget(self.person_note)
        server_box_layout.addWidget(self.login_box)
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
        for edit in (self.host_edit, self.db_edit, self.user_edit, self.password_edit, self.ca_edit):
            edit.textEdited.connect(lambda *_: self._changed())
        self.port_spin.valueChanged.connect(lambda *_: self._changed())
        self.tls_combo.currentIndexChanged.connect(lambda *_: self._changed())
        self.shared_login.toggled.connect(lambda *_: self._changed())
        self.ca_button.clicked.connect(self.choose_ca_file)
        self.test_button.clicked.connect(self.test_connection)

    def _load(self, initial: DatabaseChoice | None) -> None:
        self.keep_password.setChecked(self._keyring_ok)
        if initial is None or initial.kind == "local" or initial.server is None:
            self.local_radio.setChecked(True)
            return
        self.server_radio.setChecked(True)
        self.shared_login.setChecked(not initial.person)
        self._fill(initial.server, "")
        self.password_edit.setFocus()

    def _fill(self, server: ServerSettings, password: str) -> None:
        self._options = {k: v for k, v in server.options.items() if k not in _TLS_FIELDS}
        self.host_edit.setText(server.host)
        self.port_spin.setValue(server.port)
        self.db_edit.setText(server.dbname)
        mode = server.options.get("sslmode", "prefer")
        if self.tls_combo.findData(mode) < 0:  # a mode the list does not offer, from a pasted URL
            self.tls_combo.addItem(mode, mode)
        self.tls_combo.setCurrentIndex(self.tls_combo.findData(mode))
        self.ca_edit.setText(server.options.get("sslrootcert", ""))
        if server.user:  # a URL with a user: the older shared login
            self.shared_login.setChecked(True)
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
        shared = self.shared_login.isChecked()
        self.login_box.setVisible(shared)
        for field in (self.user_edit, self.password_edit):  # the older shared login's only
            self.form.setRowVisible(field, shared)
        self.person_note.setVisible(not shared)
        self.keep_password.setEnabled(server and self._keyring_ok)
        self.keep_password.setVisible(self._keyring_ok)
        self.no_keyring.setVisible(not self._keyring_ok)
        verify = str(self.tls_combo.currentData()) in ("verify-full", "verify-ca")
        self.ca_edit.setEnabled(verify)
        self.ca_button.setEnabled(verify)
        self.test_button.setEnabled(self._checks_running == 0)

    def choose_ca_file(self) -> None:
        """The office's CA certificate, chosen with a file dialog (window-modal, ``ca_dialog``)."""
        start = self.ca_edit.text().strip() or str(Path.home())
        dialog = save_file_dialog(
            self,
            self.tr("The office's CA file"),
            start,
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
            "",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Choose"))
        dialog.fileSelected.connect(self._ca_chosen)
        dialog.finished.connect(lambda _r: setattr(self, "ca_dialog", None))
        self.ca_dialog = dialog
        dialog.open()

    def _ca_chosen(self, path: str) -> None:
        if path:
            self.ca_edit.setText(path)
            self._changed()

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
        options = {**self._options, **tls_options(str(self.tls_combo.currentData()), self.ca_edit.text())}
        return server_settings(
            self.host_edit.text(),
            self.port_spin.value(),
            self.db_edit.text(),
            self.user_edit.text() if self.shared_login.isChecked() else "",
            options,
        )

    def person(self) -> bool:
        """Whether people sign in to the chosen server as themselves (no shared login)."""
        return self.server_radio.isChecked() and not self.shared_login.isChecked()

    def choice(self) -> DatabaseChoice:
        """The database chosen (where a shared login's password is kept is decided when it is saved)."""
        if self.local_radio.isChecked():
            return LOCAL
        if self.person():
            return DatabaseChoice("postgresql", person_server(self.server()), "none", "person")
        return DatabaseChoice("postgresql", self.server())

    def password(self) -> str:
        return self.password_edit.text() if self.shared_login.isChecked() else ""

    def database_url(self) -> str:
        """The URL to start on: a shared login's with its password (never shown or saved); a
        person-sign-in server's without any user (the sign-in dialog puts the person's in)."""
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
            choice = self.choice()
        except ValidationError as exc:
            self._show(exc.message, ok=False)
            return
        check: Callable[[], str | None]
        if choice.person and choice.server is not None:
            server = choice.server

            def check() -> str | None:  # no name or password yet: does the server answer at all?
                reachable, message = check_server(server)
                return None if reachable else message

        else:

            def check() -> str | None:
                return check_connection(url)

        self._person_check = choice.person
        self._check_number += 1
        self._checks_running += 1
        self._show(self.tr("Testing the connection…"), ok=True)
        task = _ConnectionCheck(self._check_number, check)
        task.signals.done.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        QThreadPool.globalInstance().start(task)
        self._update()

    def _checked(self, number: int, error: object) -> None:
        self._checks_running -= 1
        self._update()
        if number != self._check_number:
            return  # the fields changed since: this answer is about something else
        if error is None and self._person_check:
            self._show(
                self.tr(
                    "The server answered: it can be reached from this PC. Each person's username and "
                    "password are checked by the server at sign-in."
                ),
                ok=True,
            )
        elif error is None:
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
        old = self._initial
        if self.saved.person and old is not None and old.server is not None and not old.person:
            forget_password(old.server)  # the shared login's password has no use on this PC any more
        super().accept()


def ask_database(parent: QWidget | None = None) -> str | None:
    """Show the dialog, pre-filled from the saved choice; the URL to start on, or None when the person quit."""
    dialog = FirstRunDialog(load_config(), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.database_url()

"""Signing in at start-up: username and password, the first supervisor's password, the demo's list.

Call :func:`sign_in_interactively` after ``setup_application`` and before the main window is built.
The dialogs check nothing themselves: they run :func:`console.accounts.authenticate` (or
:func:`console.accounts.set_first_password`) through the :class:`~ui.runner.DbRunner`, off the GUI
thread, and show a busy state until the answer comes back.

On the shared server where people sign in as themselves (issue 17: the saved settings name no
database user) there is no database to run anything on before signing in: the dialog gets the
server's URL instead of a runner, and :func:`console.person_sign_in.sign_in_as_person` (PostgreSQL
checks the password) runs on a pool thread; accepted, the dialog holds the person's engine
(``signed``) for start-up to build everything on. The first-password flow never runs there.

The demo: its accounts have no password. Passwordless sign-in is asked for
(``allow_passwordless=True``) only when ``demo`` is true, which start-up sets only for the demo
database it builds itself in a local SQLite file (``--demo``, or the smoke test's temporary copy);
never for the shared database or the user's own file. On any other database an account without a
password cannot sign in at all; the first supervisor gets one through :class:`FirstPasswordDialog`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.accounts import authenticate, first_password_account, set_first_password
from console.agents import AgentInfo, ensure_first_supervisor
from console.audit import Change
from console.db import Session
from console.errors import ConflictError, ConsoleError
from console.person_sign_in import PersonSignIn, sign_in_as_person
from ui.dialogs.account_dialogs import ERROR_STYLE, PasswordPair, password_edit, username_edit
from ui.labels import label
from ui.runner import DbRunner

CHOOSE_OTHER = "choose-other"
"""What :func:`sign_in_as_person_interactively` answers when the person asks for another database."""

__all__ = [
    "CHOOSE_OTHER",
    "FirstPasswordDialog",
    "SignInDialog",
    "sign_in_as_person_interactively",
    "sign_in_interactively",
]


@dataclass(frozen=True)
class SignedIn:
    """A sign-in's result as the write path takes it: the account, and no changes to announce."""

    agent: AgentInfo
    changes: tuple[Change, ...] = ()


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter is handled by the fields, not by whichever button has focus
    return button


class _PersonSignals(QObject):
    """Signals:
    done(int, object, object): attempt number, the :class:`PersonSignIn` or None, the error or None.
    """

    done = Signal(int, object, object)


class _PersonAttempt(QRunnable):
    """Signs in at the shared server on a pool thread (connecting may take seconds)."""

    def __init__(self, attempt: int, server_url: str, username: str, password: str) -> None:
        super().__init__()
        self.signals = _PersonSignals()  # created on the GUI thread: its signal is delivered there
        self._args = (attempt, server_url, username, password)

    def run(self) -> None:
        attempt, server_url, username, password = self._args
        try:
            signed = sign_in_as_person(server_url, username, password)
        except Exception as exc:
            self.signals.done.emit(attempt, None, exc)
            return
        self.signals.done.emit(attempt, signed, None)


class _RunnerDialog(QDialog):
    """A dialog that runs one database operation at a time and shows its error in itself."""

    def __init__(self, runner: DbRunner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.agent: AgentInfo | None = None
        self.busy = False
        self._attempt = 0
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        # A label, not an indeterminate QProgressBar: its style animation outlived a dialog deleted
        # right after use and crashed the process at exit (seen with PySide6 6.11.3, offscreen).
        self.busy_label = QLabel(self.tr("Please wait…"))
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setVisible(False)

    def _run(self, op: Callable[[Session], AgentInfo], *, write: bool = False) -> None:
        self._attempt += 1
        attempt = self._attempt
        self.set_busy(True)
        self.show_error("")
        assert self.runner is not None, "no database to run on before a person signs in"
        if write:  # a sign-in's writes (the failure count, a first password) announce nothing
            self.runner.mutate(
                lambda s: SignedIn(op(s)),
                lambda signed: self._done(attempt, signed.agent),
                lambda exc: self._failed(attempt, exc),
            )
        else:
            self.runner.run(
                op, lambda agent: self._done(attempt, agent), lambda exc: self._failed(attempt, exc)
            )

    def _done(self, attempt: int, agent: AgentInfo) -> None:
        if attempt != self._attempt or not self.isVisible():
            return  # closed, or a newer attempt is under way
        self.set_busy(False)
        self.agent = agent
        self.accept()

    def _failed(self, attempt: int, error: Exception) -> None:
        if attempt != self._attempt or not self.isVisible():
            return
        self.set_busy(False)
        self.on_error(error)

    def on_error(self, error: Exception) -> None:
        if isinstance(error, ConsoleError):
            self.show_error(error.message)
        else:
            self.show_error(
                self.tr("The database could not be reached; try again. (%1)").replace(
                    "%1", type(error).__name__
                )
            )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_label.setVisible(busy)


class SignInDialog(_RunnerDialog):
    """Username and password; in the demo, a one-click list of the demo's accounts.

    Args:
        runner: Runs :func:`console.accounts.authenticate` off the GUI thread (None with
            ``person_server``).
        demo: The demo database: accounts without a password sign in without one (see the module).
        demo_accounts: The accounts the demo list offers (ignored unless ``demo``).
        username: Filled in at first (``--agent``, or the last one used).
        person_server: The shared server's URL (no user in it): sign in there as oneself; once
            accepted, ``signed`` holds the person's engine.
        parent: Parent widget.
    """

    def __init__(
        self,
        runner: DbRunner | None,
        *,
        demo: bool = False,
        demo_accounts: Sequence[AgentInfo] = (),
        username: str = "",
        person_server: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.person_server = person_server
        self.signed: PersonSignIn | None = None
        self._pending: list[_PersonAttempt] = []
        self.demo = demo and person_server is None
        self._build_ui(list(demo_accounts) if self.demo else [], username)
        self._connect_signals()
        self._update()

    def _build_ui(self, demo_accounts: list[AgentInfo], username: str) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        title = QLabel(self.tr("Support Console"))
        title.setObjectName("pageHeading")
        self.username_edit = username_edit()
        self.username_edit.setText(username)
        self.password_edit = password_edit()
        self.sign_in_button = _button(self.tr("Sign in"))
        self.quit_button = _button(self.tr("Quit"))
        self.other_button = _button(self.tr("Another database…"))
        self.other_button.setVisible(self.person_server is not None)  # no engine yet: may change
        self.choose_other = False
        self.demo_list = QListWidget()
        self.demo_list.setObjectName("demoAccounts")
        for agent in demo_accounts:
            item = QListWidgetItem(f"{agent.full_name} — {label(agent.role)}")
            item.setData(Qt.ItemDataRole.UserRole, agent.username)
            item.setToolTip(agent.username)
            self.demo_list.addItem(item)

        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addLayout(buttons)
        self.demo_box = QWidget()
        demo_layout = QVBoxLayout(self.demo_box)
        demo_layout.setContentsMargins(0, 8, 0, 0)
        demo_title = QLabel(self.tr("Demo: sign in as…"))
        demo_title.setObjectName("sectionTitle")
        demo_note = QLabel(
            self.tr("The demo's accounts have no password. This list appears only on the demo database.")
        )
        demo_note.setWordWrap(True)
        demo_layout.addWidget(demo_title)
        demo_layout.addWidget(demo_note)
        demo_layout.addWidget(self.demo_list)
        self.demo_box.setVisible(bool(demo_accounts))
        layout.addWidget(self.demo_box)
        self.setMinimumWidth(420)

    def _connect_signals(self) -> None:
        self.username_edit.returnPressed.connect(self._enter_in_username)
        self.password_edit.returnPressed.connect(self.sign_in)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.quit_button.clicked.connect(self.reject)
        self.other_button.clicked.connect(self._choose_other)
        self.username_edit.textChanged.connect(lambda _t: self._update())
        self.demo_list.itemClicked.connect(self._demo_clicked)
        self.demo_list.itemActivated.connect(self._demo_clicked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()

    def _enter_in_username(self) -> None:
        if not self.password_edit.text() and not self.demo:
            self.password_edit.setFocus()
        else:
            self.sign_in()

    def sign_in(self) -> None:
        """Check the typed username and password (Enter in the password field does the same)."""
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if self.busy or not username:
            return
        self._authenticate(username, password)

    def sign_in_as(self, username: str) -> None:
        """The demo's one click: an account without a password, on the demo database only."""
        if self.busy or not self.demo:
            return
        self.username_edit.setText(username)
        self.password_edit.clear()
        self._authenticate(username, "")

    def _demo_clicked(self, item: QListWidgetItem) -> None:
        self.sign_in_as(str(item.data(Qt.ItemDataRole.UserRole)))

    def _authenticate(self, username: str, password: str) -> None:
        if self.person_server is not None:
            self._sign_in_as_person(self.person_server, username, password)
            return
        passwordless = self.demo

        def op(session: Session) -> AgentInfo:
            return authenticate(session, username, password, allow_passwordless=passwordless)

        self._run(op)

    def _choose_other(self) -> None:
        """Close, asking start-up for the first-run dialog (a wrong address, another server)."""
        self.choose_other = True
        self.reject()

    def _sign_in_as_person(self, server_url: str, username: str, password: str) -> None:
        """PostgreSQL checks the name and password; on a pool thread, the dialog busy meanwhile."""
        self._attempt += 1
        self.set_busy(True)
        self.show_error("")
        task = _PersonAttempt(self._attempt, server_url, username, password)
        task.signals.done.connect(self._person_done, Qt.ConnectionType.QueuedConnection)
        self._pending.append(task)  # its signals object must outlive the run
        QThreadPool.globalInstance().start(task)

    def _person_done(self, attempt: int, signed: object, error: object) -> None:
        self._pending = [t for t in self._pending if t._args[0] != attempt]
        if attempt != self._attempt or not self.isVisible():
            if isinstance(signed, PersonSignIn):  # nobody will use it: close its connections
                signed.engine.dispose()
            return
        self.set_busy(False)
        if isinstance(signed, PersonSignIn):
            self.signed = signed
            self.agent = signed.agent
            self.accept()
        elif isinstance(error, Exception):
            self.on_error(error)

    def on_error(self, error: Exception) -> None:
        super().on_error(error)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in (self.username_edit, self.password_edit, self.demo_list):
            w.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self._update()

    def _update(self) -> None:
        self.sign_in_button.setEnabled(not self.busy and bool(self.username_edit.text().strip()))


class FirstPasswordDialog(_RunnerDialog):
    """First run: set the password of the supervisor account created on the empty database.

    Accepted: ``agent`` is that supervisor, signed in. Rejected with ``fall_back`` set: another PC set
    the password first; the caller shows the sign-in dialog instead.

    Args:
        runner: Runs :func:`console.accounts.set_first_password` off the GUI thread.
        account: The supervisor whose password is set.
        parent: Parent widget.
    """

    def __init__(self, runner: DbRunner, account: AgentInfo, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.account = account
        self.fall_back = False
        self.setWindowTitle(self.tr("First start"))
        intro = QLabel(
            self.tr(
                "This database has no supervisor password yet. Choose the password of the supervisor "
                "account “%1” (%2): with it you sign in and create the other accounts. Keep it safe."
            )
            .replace("%1", account.username)
            .replace("%2", account.full_name)
        )
        intro.setWordWrap(True)
        self.passwords = PasswordPair()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(ERROR_STYLE)
        self.hint.setVisible(False)
        self.save_button = _button(self.tr("Set password and sign in"))
        self.quit_button = _button(self.tr("Quit"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Support Console"))
        title.setObjectName("pageHeading")
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.passwords)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.passwords.changed.connect(self._update)
        self.passwords.new_edit.returnPressed.connect(self.passwords.repeat_edit.setFocus)
        self.passwords.repeat_edit.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.quit_button.clicked.connect(self.reject)
        self._update()

    def save(self) -> None:
        if self.busy or not self.passwords.complete():
            return
        password = self.passwords.password()
        self._run(lambda s: set_first_password(s, password=password), write=True)

    def on_error(self, error: Exception) -> None:
        if isinstance(error, ConflictError):  # set on another PC meanwhile: sign in with it
            self.fall_back = True
            self.reject()
            return
        super().on_error(error)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.passwords.setEnabled(not busy)
        self._update()

    def _update(self) -> None:
        problem = self.passwords.problem()
        self.hint.setText(problem)
        self.hint.setVisible(bool(problem))
        self.save_button.setEnabled(not self.busy and self.passwords.complete())


def _prepare(session: Session) -> AgentInfo | None:
    """On an empty database, create the first supervisor; the account whose password is missing."""
    ensure_first_supervisor(session)
    return first_password_account(session)


def _wait_for(runner: DbRunner, op: Callable[[Session], Any], *, write: bool = False) -> tuple[Any, Any]:
    """Run ``op`` through the runner and wait for it (start-up only: no window is open yet)."""
    loop = QEventLoop()
    outcome: list[tuple[Any, Any]] = []

    def done(result: Any) -> None:
        outcome.append((result, None))
        loop.quit()

    def failed(error: Exception) -> None:
        outcome.append((None, error))
        loop.quit()

    (runner.mutate if write else runner.run)(op, done, failed)
    if not outcome:
        loop.exec()
    return outcome[0]


def sign_in_as_person_interactively(
    app: QApplication, server_url: str, *, username: str = ""
) -> PersonSignIn | str | None:
    """The sign-in dialog on a server where people sign in as themselves; None when they quit,
    :data:`CHOOSE_OTHER` when they ask for another database.

    No first-password step (``admin init-server`` created the first supervisor with a password)
    and no demo list. The caller owns the returned engine.
    """
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # closing the dialog must not end the app it precedes
    try:
        dialog = SignInDialog(None, username=username, person_server=server_url)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.signed
        return CHOOSE_OTHER if dialog.choose_other else None
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)


def sign_in_interactively(
    app: QApplication,
    runner: DbRunner,
    demo: bool,
    demo_accounts: list[AgentInfo],
    *,
    username: str = "",
) -> AgentInfo | None:
    """Ask who is using the console; None when they quit.

    On a real database (``demo`` false) this first creates the first supervisor on an empty database
    and, while no supervisor has a password, asks for one (:class:`FirstPasswordDialog`); then it shows
    :class:`SignInDialog`. On the demo database it shows the sign-in dialog with ``demo_accounts`` as
    a one-click list.

    Args:
        app: The application (set up by ``ui.app.setup_application``).
        runner: A runner on the database; the caller shuts it down or hands it on.
        demo: Whether the database is the demo one start-up built (passwordless accounts allowed).
        demo_accounts: For the demo list (``console.accounts.passwordless_accounts``).
        username: Filled in at first.
    """
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # closing the dialog must not end the app it precedes
    try:
        if not demo:
            account, error = _wait_for(runner, _prepare, write=True)
            if error is not None:
                message = error.message if isinstance(error, ConsoleError) else type(error).__name__
                text = QCoreApplication.translate(
                    "SignInDialog", "The database could not be reached; try again. (%1)"
                )
                title = QCoreApplication.translate("SignInDialog", "Sign in")
                QMessageBox(QMessageBox.Icon.Critical, title, text.replace("%1", message)).exec()
                return None
            if account is not None:
                first = FirstPasswordDialog(runner, account)
                if first.exec() == QDialog.DialogCode.Accepted:
                    return first.agent
                if not first.fall_back:
                    return None
                username = username or account.username  # set on another PC meanwhile: sign in with it
        dialog = SignInDialog(runner, demo=demo, demo_accounts=demo_accounts, username=username)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.agent
        return None
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)

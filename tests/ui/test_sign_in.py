"""The sign-in and first-password dialogs, on real databases, with authentication off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import MAX_FAILED_SIGN_INS, authenticate, passwordless_accounts
from console.agents import AgentInfo
from console.db import unit_of_work
from tests.people import Person, add_people
from tests.ui.helpers import english_left
from ui.runner import DbRunner
from ui.sign_in import FirstPasswordDialog, SignInDialog, sign_in_interactively

WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton
ALI_PW = "ali-password-1"


@pytest.fixture
def runner(factory: sessionmaker[Session]) -> Iterator[DbRunner]:
    r = DbRunner(factory)
    yield r
    r.shutdown()


@pytest.fixture
def people(factory: sessionmaker[Session]) -> dict[str, int]:
    return add_people(
        factory,
        boss=Person("مریم احمدی", "supervisor", "boss-pass-1"),
        ali=Person("علی رضایی", "agent", ALI_PW),
        gone=Person("رفته", "agent", "gone-pass-1", active=False),
        demo=Person("سارا محمدی"),
    )


MakeDialog = Callable[..., SignInDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, runner: DbRunner) -> MakeDialog:
    def build(**kwargs: object) -> SignInDialog:
        dialog = SignInDialog(runner, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return build


def test_right_password_signs_in_with_enter(
    qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]
) -> None:
    dialog = make_dialog()
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == dialog.tr("Sign in")
    assert dialog.focusWidget() is dialog.username_edit
    QTest.keyClicks(dialog.username_edit, "ali")
    QTest.keyClick(dialog.username_edit, Qt.Key.Key_Return)  # Enter with no password yet: go on to it
    assert dialog.focusWidget() is dialog.password_edit and dialog.isVisible()
    QTest.keyClicks(dialog.password_edit, ALI_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.agent is not None
    assert (dialog.agent.id, dialog.agent.username) == (people["ali"], "ali")


def test_wrong_password_shows_the_error_in_the_dialog(
    qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]
) -> None:
    dialog = make_dialog(username="ali")
    assert dialog.focusWidget() is dialog.password_edit  # the username is filled in: straight to the password
    QTest.keyClicks(dialog.password_edit, "not-the-password")
    QTest.mouseClick(dialog.sign_in_button, LEFT)
    assert dialog.busy and dialog.busy_label.isVisibleTo(dialog) and not dialog.password_edit.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "نام کاربری یا گذرواژه نادرست است."
    assert dialog.isVisible() and dialog.agent is None and dialog.result() == 0
    assert dialog.password_edit.isEnabled() and dialog.focusWidget() is dialog.password_edit

    # the same message for a username that does not exist
    dialog.username_edit.setText("nobody")
    dialog.error.clear()
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    assert dialog.error.text() == "نام کاربری یا گذرواژه نادرست است."

    # then the right one
    dialog.username_edit.setText("ali")
    dialog.password_edit.setText(ALI_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.sign_in()
    assert dialog.agent is not None and dialog.agent.id == people["ali"]


def test_disabled_account_is_told_so(qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]) -> None:
    dialog = make_dialog(username="gone")
    dialog.password_edit.setText("gone-pass-1")
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    assert "غیرفعال" in dialog.error.text() and dialog.agent is None


def test_five_wrong_passwords_lock_the_account_and_the_dialog_says_until_when(
    qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]
) -> None:
    dialog = make_dialog(username="ali")
    for _ in range(MAX_FAILED_SIGN_INS):
        dialog.error.clear()
        dialog.password_edit.setText("not-the-password")
        dialog.sign_in()
        qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    dialog.error.clear()
    dialog.password_edit.setText(ALI_PW)  # the right one, too late
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    assert "بسته است" in dialog.error.text() and "ساعت" in dialog.error.text()
    assert dialog.agent is None and dialog.isVisible()
    assert not english_left(dialog)


def test_demo_one_click_signs_in_without_a_password(
    qtbot: QtBot, make_dialog: MakeDialog, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        demo_accounts = passwordless_accounts(s)
    assert [a.username for a in demo_accounts] == ["demo"]
    dialog = make_dialog(demo=True, demo_accounts=demo_accounts)
    assert dialog.demo_box.isVisibleTo(dialog) and dialog.demo_list.count() == 1
    item = dialog.demo_list.item(0)
    assert item.text() == "سارا محمدی — کارشناس"
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        QTest.mouseClick(
            dialog.demo_list.viewport(),
            LEFT,
            Qt.KeyboardModifier.NoModifier,
            dialog.demo_list.visualItemRect(item).center(),
        )
    assert dialog.agent is not None and dialog.agent.id == people["demo"]


def test_demo_accounts_with_a_password_still_need_it(
    qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]
) -> None:
    dialog = make_dialog(demo=True, demo_accounts=[])
    assert not dialog.demo_box.isVisibleTo(dialog)
    dialog.username_edit.setText("ali")
    dialog.sign_in()  # no password
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    assert dialog.agent is None


def test_outside_the_demo_there_is_no_list_and_no_passwordless_sign_in(
    qtbot: QtBot, make_dialog: MakeDialog, people: dict[str, int]
) -> None:
    demo = AgentInfo(people["demo"], "demo", "سارا محمدی", "agent", True)
    dialog = make_dialog(demo=False, demo_accounts=[demo])
    assert not dialog.demo_box.isVisibleTo(dialog) and dialog.demo_list.count() == 0
    dialog.sign_in_as("demo")  # ignored outside the demo
    assert not dialog.busy
    dialog.username_edit.setText("demo")
    QTest.keyClick(dialog.username_edit, Qt.Key.Key_Return)  # empty password: only moves the focus
    assert not dialog.busy and dialog.focusWidget() is dialog.password_edit
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error.text()), timeout=WAIT)
    assert dialog.agent is None


def test_first_password_dialog_sets_it_and_signs_in(
    qtbot: QtBot, runner: DbRunner, factory: sessionmaker[Session]
) -> None:
    from console.agents import ensure_first_supervisor

    with unit_of_work(factory) as s:
        admin = ensure_first_supervisor(s)
    dialog = FirstPasswordDialog(runner, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert any(
        "«admin»" in label.text() or "“admin”" in label.text() for label in dialog.findChildren(QLabel)
    )
    dialog.passwords.new_edit.setText("short")
    assert dialog.hint.isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    dialog.passwords.new_edit.setText("first-password")
    dialog.passwords.repeat_edit.setText("first-passwore")
    assert dialog.hint.text() == dialog.passwords.tr("The two passwords differ.")
    assert not dialog.save_button.isEnabled()
    dialog.passwords.repeat_edit.setText("first-password")
    assert dialog.save_button.isEnabled() and not dialog.hint.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        QTest.keyClick(dialog.passwords.repeat_edit, Qt.Key.Key_Return)
    assert dialog.agent is not None and dialog.agent.id == admin.id
    with unit_of_work(factory) as s:
        assert authenticate(s, "admin", "first-password").id == admin.id


def _answer_when_shown(act: Callable[[QDialog], bool]) -> QTimer:
    """Drive the modal dialog ``sign_in_interactively`` opens (its exec() loop runs the timer)."""
    timer = QTimer()
    timer.setInterval(50)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible() and act(dialog):
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_sign_in_interactively_on_a_new_database_asks_for_the_first_password(
    qapp: QApplication, runner: DbRunner, factory: sessionmaker[Session]
) -> None:
    def act(dialog: QDialog) -> bool:
        if not isinstance(dialog, FirstPasswordDialog) or dialog.busy:
            return False
        dialog.passwords.new_edit.setText("first-password")
        dialog.passwords.repeat_edit.setText("first-password")
        dialog.save()
        return True

    timer = _answer_when_shown(act)
    agent = sign_in_interactively(qapp, runner, False, [])
    timer.stop()
    assert agent is not None and agent.username == "admin" and agent.is_supervisor
    assert qapp.quitOnLastWindowClosed()  # restored


def test_sign_in_interactively_in_the_demo_and_quitting(
    qapp: QApplication, runner: DbRunner, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        demo_accounts = passwordless_accounts(s)

    def click_demo(dialog: QDialog) -> bool:
        if isinstance(dialog, SignInDialog):
            dialog.sign_in_as(demo_accounts[0].username)
            return True
        return False

    timer = _answer_when_shown(click_demo)
    agent = sign_in_interactively(qapp, runner, True, demo_accounts)
    timer.stop()
    assert agent is not None and agent.id == people["demo"]

    def quit_(dialog: QDialog) -> bool:
        if isinstance(dialog, SignInDialog):
            assert dialog.username_edit.text() == "ali"
            dialog.quit_button.click()
            return True
        return False

    timer = _answer_when_shown(quit_)
    assert sign_in_interactively(qapp, runner, False, [], username="ali") is None
    timer.stop()

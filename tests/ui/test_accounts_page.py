"""The accounts page: supervisors manage accounts, agents change their own password (real databases)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import (
    MAX_FAILED_SIGN_INS,
    AccountView,
    SignInFailedError,
    authenticate,
    list_accounts,
)
from console.clock import FixedClock
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR
from console.errors import PermissionDeniedError
from console.jalali import format_time
from tests.people import Person, add_people
from tests.ui.helpers import click_row, wait_prompt
from ui.dialogs.account_dialogs import NewAccountDialog, PasswordDialog
from ui.pages.accounts import AccountsPage

WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton
BOSS_PW, ALI_PW = "boss-password-1", "ali-password-1"

MakePage = Callable[[str], AccountsPage]


@pytest.fixture
def people(factory: sessionmaker[Session]) -> dict[str, int]:
    return add_people(
        factory,
        boss=Person("مریم احمدی", "supervisor", BOSS_PW),
        ali=Person("علی رضایی", "agent", ALI_PW),
        sara=Person("سارا محمدی"),
    )


@pytest.fixture
def make_page(open_page, people: dict[str, int]) -> MakePage:  # type: ignore[no-untyped-def]
    def build(who: str) -> AccountsPage:
        page: AccountsPage = open_page(
            AccountsPage,
            people[who],
            clock=FixedClock(FIXED_ANCHOR),
            size=(1100, 600),
            loaded=lambda p: p.loaded,
        )
        return page

    return build


def stored(factory: sessionmaker[Session], actor: int) -> dict[str, AccountView]:
    with unit_of_work(factory) as s:
        return {a.username: a for a in list_accounts(s, actor_id=actor)}


def can_sign_in(factory: sessionmaker[Session], username: str, password: str) -> bool:
    with unit_of_work(factory) as s:
        try:
            authenticate(s, username, password)
        except SignInFailedError:
            return False
    return True


def click_account(page: AccountsPage, username: str) -> AccountView:
    (n,) = [n for n, a in enumerate(page.model.rows()) if a.username == username]
    click_row(page.table, n)
    selected = page.selected()
    assert selected is not None and selected.username == username
    return selected


def answer(qtbot: QtBot, page: AccountsPage, yes: bool) -> None:
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    role = QMessageBox.ButtonRole.AcceptRole if yes else QMessageBox.ButtonRole.RejectRole
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
    QTest.mouseClick(button, LEFT)


def ok(dialog: NewAccountDialog | PasswordDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.isEnabled()
    QTest.mouseClick(button, LEFT)


def test_supervisor_sees_every_account(make_page: MakePage) -> None:
    page = make_page("boss")
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert {a.username for a in page.model.rows()} == {"boss", "ali", "sara"}
    assert not page.note.isVisibleTo(page)
    assert page.new_button.isVisibleTo(page) and page.new_button.isEnabled()
    # nothing selected: nothing to disable, reset or promote
    assert not page.active_button.isEnabled() and not page.reset_button.isEnabled()
    sara = next(a for a in page.model.rows() if a.username == "sara")
    row = page.model.rows().index(sara)
    assert page.model.index(row, page.model.COL_PASSWORD).data() == page.tr("Not set")


def test_create_an_account_through_the_dialog(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    QTest.mouseClick(page.new_button, LEFT)
    dialog = wait_prompt(qtbot, page, NewAccountDialog)
    assert isinstance(dialog, NewAccountDialog)
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.username_edit, "s.karimi")
    dialog.full_name_edit.setText("سمیرا کریمی")  # QTest types ASCII only
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("supervisor"))
    QTest.keyClicks(dialog.passwords.new_edit, "short")
    assert dialog.problem.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    dialog.passwords.new_edit.setText("first-pass-1")
    QTest.keyClicks(dialog.passwords.repeat_edit, "first-pass-1")
    assert not dialog.problem.isVisibleTo(dialog)
    ok(dialog)
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    qtbot.waitUntil(lambda: any(a.username == "s.karimi" for a in page.model.rows()), timeout=WAIT)
    created = stored(factory, people["boss"])["s.karimi"]
    assert (created.full_name, created.role, created.active) == ("سمیرا کریمی", "supervisor", True)
    assert can_sign_in(factory, "s.karimi", "first-pass-1")


def test_refused_account_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    before = stored(factory, people["boss"])
    page.new_account()
    dialog = wait_prompt(qtbot, page, NewAccountDialog)
    assert isinstance(dialog, NewAccountDialog)
    dialog.username_edit.setText("ali")  # taken
    dialog.full_name_edit.setText("علی دیگر")
    dialog.passwords.new_edit.setText("another-pass")
    dialog.passwords.repeat_edit.setText("another-pass")
    ok(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.problem.isVisibleTo(dialog), timeout=WAIT)
    assert "ali" in dialog.problem.text() and "پیش‌تر" in dialog.problem.text()  # the service's Persian
    assert page.prompt is dialog and dialog.isVisible()
    assert dialog.username_edit.isEnabled() and dialog.username_edit.text() == "ali"  # nothing lost
    dialog.username_edit.setText("Bad Name!")
    ok(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and "لاتین" in dialog.problem.text(), timeout=WAIT)
    dialog.reject()
    assert stored(factory, people["boss"]) == before


def test_disable_and_enable_an_account(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    click_account(page, "ali")
    assert page.active_button.isEnabled() and page.active_button.text() == page.tr("Disable account")
    QTest.mouseClick(page.active_button, LEFT)
    answer(qtbot, page, yes=False)  # changed their mind
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    assert stored(factory, people["boss"])["ali"].active

    QTest.mouseClick(page.active_button, LEFT)
    answer(qtbot, page, yes=True)
    qtbot.waitUntil(lambda: not any(a.active for a in page.model.rows() if a.username == "ali"), timeout=WAIT)
    assert not stored(factory, people["boss"])["ali"].active
    assert page.selected() is not None and page.active_button.text() == page.tr("Enable account")
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        authenticate(s, "ali", ALI_PW)

    QTest.mouseClick(page.active_button, LEFT)
    answer(qtbot, page, yes=True)
    qtbot.waitUntil(lambda: all(a.active for a in page.model.rows()), timeout=WAIT)
    assert can_sign_in(factory, "ali", ALI_PW)


def test_reset_a_password(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    click_account(page, "sara")
    QTest.mouseClick(page.reset_button, LEFT)
    dialog = wait_prompt(qtbot, page, PasswordDialog)
    assert isinstance(dialog, PasswordDialog)
    assert not dialog.current_edit.isVisibleTo(dialog)  # a supervisor does not need the old one
    assert "سارا محمدی" in dialog.windowTitle()
    dialog.passwords.new_edit.setText("sara-new-pass")
    dialog.passwords.repeat_edit.setText("sara-new-pass")
    ok(dialog)
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    qtbot.waitUntil(lambda: all(a.has_password for a in page.model.rows()), timeout=WAIT)
    assert can_sign_in(factory, "sara", "sara-new-pass")


def test_change_a_role(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    click_account(page, "ali")
    assert page.role_button.text() == page.tr("Make supervisor")
    QTest.mouseClick(page.role_button, LEFT)
    answer(qtbot, page, yes=True)
    qtbot.waitUntil(lambda: page.role_button.text() == page.tr("Make agent"), timeout=WAIT)
    assert stored(factory, people["boss"])["ali"].role == "supervisor"


def test_own_account_cannot_be_disabled_demoted_or_reset_here(make_page: MakePage) -> None:
    page = make_page("boss")
    click_account(page, "boss")
    assert not page.active_button.isEnabled()
    assert not page.role_button.isEnabled()
    assert not page.reset_button.isEnabled()
    assert page.own_password_button.isEnabled()


def test_agent_sees_only_their_account_and_changes_their_password(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("ali")
    assert page.note.isVisibleTo(page)
    assert [a.username for a in page.model.rows()] == ["ali"]
    for button in (page.new_button, page.active_button, page.role_button, page.reset_button):
        assert not button.isVisibleTo(page)
    assert page.own_password_button.isEnabled()

    QTest.mouseClick(page.own_password_button, LEFT)
    dialog = wait_prompt(qtbot, page, PasswordDialog)
    assert isinstance(dialog, PasswordDialog) and dialog.current_edit.isVisibleTo(dialog)
    dialog.passwords.new_edit.setText("ali-new-pass")
    dialog.passwords.repeat_edit.setText("ali-new-pass")
    assert not dialog.ok_button.isEnabled()  # the current password is missing
    dialog.current_edit.setText("not-my-password")
    ok(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.problem.isVisibleTo(dialog), timeout=WAIT)
    assert "کنونی" in dialog.problem.text()
    assert can_sign_in(factory, "ali", ALI_PW)

    dialog.current_edit.setText(ALI_PW)
    ok(dialog)
    qtbot.waitUntil(lambda: isinstance(page.prompt, QMessageBox), timeout=WAIT)  # "changed"
    assert page.prompt is not None
    page.prompt.accept()
    assert can_sign_in(factory, "ali", "ali-new-pass") and not can_sign_in(factory, "ali", ALI_PW)


def test_model_passes_qtmodeltester(qtmodeltester, make_page: MakePage) -> None:  # type: ignore[no-untyped-def]
    page = make_page("boss")
    qtmodeltester.check(page.model)


def test_a_locked_out_account_shows_until_when(
    make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    for _ in range(MAX_FAILED_SIGN_INS):
        can_sign_in(factory, "ali", "not-his-password")
    page = make_page("boss")
    ali = next(a for a in page.model.rows() if a.username == "ali")
    assert ali.locked_until is not None
    text = page.model.index(page.model.rows().index(ali), page.model.COL_STATE).data()
    assert text == page.tr("Locked until %1").replace("%1", format_time(ali.locked_until))
    assert text.startswith("قفل تا")

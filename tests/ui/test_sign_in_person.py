"""The sign-in dialog on a server where people sign in as themselves (issue 17): no database before it.

Without PostgreSQL: the dialog is built with the server's URL and no runner, and what it shows
when the server refuses or is not ready must fit and be Persian. The sign-ins themselves, on a real
roles server, are in ``tests/ui/test_role_sign_in.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.person_sign_in import SCHEMA_BEHIND, SIGN_IN_REFUSED
from tests.ui.fits import clipped
from ui.sign_in import SignInDialog

SHOTS = os.environ.get("SUPPORT_CONSOLE_SHOTS", "")
SERVER = "postgresql+psycopg://127.0.0.1:1/console"  # nothing listens on port 1


def test_issue17_the_person_sign_in_dialog_has_no_demo_list_and_no_runner(qtbot: QtBot) -> None:
    dialog = SignInDialog(None, demo=True, person_server=SERVER)  # demo is ignored on a real server
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.demo and not dialog.demo_box.isVisible()
    assert dialog.runner is None and dialog.signed is None


def test_issue17_an_unreachable_server_is_said_in_persian_at_sign_in(qtbot: QtBot) -> None:
    dialog = SignInDialog(None, person_server=SERVER)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.username_edit, "ali")
    dialog.password_edit.setText("whatever-1")
    QTest.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.username_edit.isEnabled()  # the GUI thread is free meanwhile
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    assert dialog.isVisible() and dialog.signed is None
    assert "PostgreSQL" in dialog.error.text() and "سرور" in dialog.error.text()


@pytest.mark.parametrize(("name", "message"), [("refused", SIGN_IN_REFUSED), ("behind", SCHEMA_BEHIND)])
def test_issue17_the_person_sign_in_dialog_fits_with_its_messages(
    qtbot: QtBot, name: str, message: str
) -> None:
    dialog = SignInDialog(None, username="ali", person_server=SERVER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_error(message)
    dialog.adjustSize()
    qtbot.wait(20)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.width() <= 1366 and dialog.height() <= 728
    assert clipped(dialog) == []
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(f"{SHOTS}/sign-in-{name}.png")


def test_issue17_another_database_can_be_chosen_from_the_person_sign_in(qtbot: QtBot) -> None:
    """No engine exists yet: a wrong address is corrected from here (start-up shows the first-run dialog)."""
    dialog = SignInDialog(None, person_server=SERVER)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.other_button.isVisible()
    QTest.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert dialog.choose_other and dialog.result() == SignInDialog.DialogCode.Rejected
    plain = SignInDialog(None, person_server=None)  # on a shared login or a file: not offered here
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.other_button.isVisible()

"""The first-run dialog: local or shared server, fields to URL, the connection test off the GUI thread."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from console.connection import KEYRING_SERVICE, DatabaseChoice, ServerSettings, build_url, load_config
from console.db import sqlite_url
from console.person_sign_in import is_person_server
from tests.console import test_connection as connection_tests
from tests.console.test_connection import MemoryKeyring
from tests.ui.fits import clipped
from ui.first_run import FirstRunDialog

memory_keyring = connection_tests.memory_keyring  # a PC with a working keyring (a fixture)
PERSIAN = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "console.sqlite3"
    path.parent.mkdir()
    monkeypatch.setattr("console.connection.default_sqlite_path", lambda demo=False: path)
    return path


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    d = FirstRunDialog(keyring_ok=False, config_file=tmp_path / "config.json")
    qtbot.addWidget(d)
    d.show()
    return d


def _fill_server(qtbot, d: FirstRunDialog, host: str, port: int, db: str, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    """The fields of the older shared login (ticked first: its user and password appear)."""
    qtbot.mouseClick(d.server_radio, Qt.MouseButton.LeftButton)
    d.shared_login.setChecked(True)
    for edit, text in (
        (d.host_edit, host),
        (d.db_edit, db),
        (d.user_edit, user),
        (d.password_edit, password),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    d.port_spin.setValue(port)


def test_local_is_the_default_and_is_saved(dialog: FirstRunDialog, tmp_path: Path, local_file: Path) -> None:
    assert dialog.local_radio.isChecked()
    assert not dialog.server_box.isEnabled()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert json.loads((tmp_path / "config.json").read_text(encoding="utf-8")) == {"database": "local"}
    assert dialog.database_url() == sqlite_url(local_file)


def test_server_fields_make_the_url_and_no_password_reaches_the_file(
    qtbot, dialog: FirstRunDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _fill_server(qtbot, dialog, "db.office.lan", 5433, "console", "support", "p@ss word")
    assert dialog.server_box.isEnabled()
    assert dialog.database_url() == build_url("db.office.lan", 5433, "console", "support", "p@ss word")
    assert dialog.no_keyring.isVisible() and not dialog.keep_password.isVisible()
    dialog.accept()
    text = (tmp_path / "config.json").read_text(encoding="utf-8")
    assert "p@ss" not in text
    assert json.loads(text)["password"] == "ask"  # no keyring on this PC: asked at each start


def test_a_pasted_url_fills_the_fields(dialog: FirstRunDialog) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("postgres://support:s3cret@db.lan:6543/crm?sslmode=require")
    dialog.url_edit.editingFinished.emit()
    assert (dialog.host_edit.text(), dialog.port_spin.value(), dialog.db_edit.text()) == (
        "db.lan",
        6543,
        "crm",
    )
    assert (dialog.user_edit.text(), dialog.password_edit.text()) == ("support", "s3cret")
    assert dialog.url_edit.text() == ""  # the password does not stay on screen in the URL
    assert make_url(dialog.database_url()).query == {"sslmode": "require"}


def test_an_incomplete_server_is_not_accepted(qtbot, dialog: FirstRunDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fill_server(qtbot, dialog, "", 5432, "console", "support", "")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert PERSIAN.search(dialog.result_label.text())
    assert not (tmp_path / "config.json").exists()


def test_a_url_that_is_not_postgresql_is_refused(dialog: FirstRunDialog, tmp_path: Path) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("mysql://support@db.lan/crm")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert PERSIAN.search(dialog.result_label.text())
    assert not (tmp_path / "config.json").exists()


def test_the_saved_server_is_filled_in_when_its_password_is_asked(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    saved = DatabaseChoice("postgresql", ServerSettings("db.lan", 5432, "console", "support"), "ask")
    d = FirstRunDialog(saved, keyring_ok=True, config_file=tmp_path / "config.json")
    qtbot.addWidget(d)
    assert d.server_radio.isChecked()
    assert (d.host_edit.text(), d.user_edit.text(), d.password_edit.text()) == ("db.lan", "support", "")
    assert d.keep_password.isChecked() and d.keep_password.isEnabled()


def test_testing_the_local_sqlite_file_reports_success(
    qtbot, dialog: FirstRunDialog, local_file: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert not dialog.test_button.isEnabled()  # one test at a time; the GUI thread is free meanwhile
    assert blocker.args == [None]
    assert dialog.test_button.isEnabled()
    assert dialog.result_label.text() == dialog.tr("The database answered: the connection works.")


def test_a_server_that_does_not_answer_is_explained(qtbot, dialog: FirstRunDialog) -> None:  # type: ignore[no-untyped-def]
    _fill_server(qtbot, dialog, "127.0.0.1", 1, "console", "support", "")
    with qtbot.waitSignal(dialog.checked, timeout=15_000) as blocker:
        dialog.test_connection()
    assert blocker.args[0] is not None and PERSIAN.search(blocker.args[0])
    assert dialog.result_label.text() == blocker.args[0]


def test_an_edit_makes_a_running_test_stale(qtbot, dialog: FirstRunDialog, local_file: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.test_connection()
    dialog.server_radio.setChecked(True)  # the person changes the choice while the test runs
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
    assert dialog.result_label.text() == ""  # the old answer is not shown for the new settings


@pytest.mark.postgres
def test_testing_the_shared_server(qtbot, dialog: FirstRunDialog, pg_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(pg_engine.url.render_as_string(hide_password=False))
    dialog.url_edit.editingFinished.emit()
    with qtbot.waitSignal(dialog.checked, timeout=15_000) as blocker:
        dialog.test_connection()
    assert blocker.args == [None]


# -- issue 17: a server where people sign in as themselves --------------------------------------


def _fill_person_server(qtbot, d: FirstRunDialog, host: str, port: int, db: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(d.server_radio, Qt.MouseButton.LeftButton)
    for edit, text in ((d.host_edit, host), (d.db_edit, db)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    d.port_spin.setValue(port)


def test_issue17_first_run_asks_only_where_the_server_is_and_saves_no_credential(
    qtbot, dialog: FirstRunDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ca = tmp_path / "office-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    _fill_person_server(qtbot, dialog, "db.office.lan", 5432, "console")
    assert not dialog.shared_login.isChecked()  # the default: people sign in as themselves
    assert not dialog.user_edit.isVisible() and not dialog.password_edit.isVisible()
    assert dialog.person_note.isVisible()
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("verify-full"))
    assert dialog.ca_button.isEnabled()
    dialog.ca_edit.setText(str(ca))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))
    assert saved == {
        "database": "postgresql",
        "host": "db.office.lan",
        "port": 5432,
        "dbname": "console",
        "options": {"sslmode": "verify-full", "sslrootcert": str(ca)},
        "sign_in": "person",
    }
    url = dialog.database_url()
    assert is_person_server(url) and make_url(url).password is None
    choice = load_config(tmp_path / "config.json")
    assert choice is not None and choice.person


def test_issue17_verify_full_without_the_cas_file_is_refused_in_persian(
    qtbot, dialog: FirstRunDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _fill_person_server(qtbot, dialog, "db.office.lan", 5432, "console")
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("verify-full"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "CA" in dialog.result_label.text() and PERSIAN.search(dialog.result_label.text())
    assert not (tmp_path / "config.json").exists()


def test_issue17_the_cas_file_is_chosen_with_a_file_dialog(
    qtbot, dialog: FirstRunDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ca = tmp_path / "office-ca.pem"
    ca.write_text("x", encoding="utf-8")
    _fill_person_server(qtbot, dialog, "db.office.lan", 5432, "console")
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("verify-full"))
    qtbot.mouseClick(dialog.ca_button, Qt.MouseButton.LeftButton)
    chooser = dialog.ca_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(ca))
    chooser.accept()
    assert dialog.ca_edit.text() == str(ca)
    assert dialog.server().options == {"sslmode": "verify-full", "sslrootcert": str(ca)}


def test_issue17_a_pasted_url_with_a_user_is_the_older_shared_login(dialog: FirstRunDialog) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("postgresql://db.lan/console?sslmode=require")
    dialog.url_edit.editingFinished.emit()
    assert not dialog.shared_login.isChecked() and dialog.tls_combo.currentData() == "require"
    dialog.url_edit.setText("postgresql://support:pw@db.lan/console")
    dialog.url_edit.editingFinished.emit()
    assert dialog.shared_login.isChecked() and dialog.user_edit.text() == "support"


@pytest.mark.postgres
def test_issue17_testing_a_person_sign_in_server_says_it_is_reachable(
    qtbot, dialog: FirstRunDialog, pg_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    """No user or password is typed: the server asking for one means it answered."""
    u = pg_engine.url
    _fill_person_server(qtbot, dialog, u.host or "", u.port or 5432, u.database or "")
    with qtbot.waitSignal(dialog.checked, timeout=15_000) as blocker:
        dialog.test_connection()
    assert blocker.args == [None]
    assert dialog.result_label.text() == dialog.tr(
        "The server answered: it can be reached from this PC. Each person's username and "
        "password are checked by the server at sign-in."
    )


def test_issue17_testing_a_person_sign_in_server_that_is_not_there(qtbot, dialog: FirstRunDialog) -> None:  # type: ignore[no-untyped-def]
    _fill_person_server(qtbot, dialog, "127.0.0.1", 1, "console")
    with qtbot.waitSignal(dialog.checked, timeout=15_000) as blocker:
        dialog.test_connection()
    assert blocker.args[0] is not None and PERSIAN.search(blocker.args[0])


SHOTS = os.environ.get("SUPPORT_CONSOLE_SHOTS", "")


@pytest.mark.parametrize("shared", [False, True])
def test_issue17_the_first_run_dialog_fits_a_1366_by_768_screen(
    qtbot, dialog: FirstRunDialog, tmp_path: Path, shared: bool
) -> None:  # type: ignore[no-untyped-def]
    """Nothing clipped, right to left, within the smallest screen the office has (1366x768)."""
    ca = tmp_path / "office-ca.pem"
    ca.write_text("x", encoding="utf-8")
    dialog.server_radio.setChecked(True)
    dialog.shared_login.setChecked(shared)
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("verify-full"))
    dialog.ca_edit.setText(str(ca))
    dialog.adjustSize()
    qtbot.wait(20)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40  # a task bar
    assert clipped(dialog) == []
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(f"{SHOTS}/first-run-{'shared' if shared else 'person'}.png")


def test_issue17_moving_a_pc_to_personal_sign_in_forgets_the_shared_logins_password(
    qtbot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    old = DatabaseChoice("postgresql", ServerSettings("db.lan", 5432, "console", "support"), "keyring")
    memory_keyring.secrets[(KEYRING_SERVICE, old.server.keyring_account())] = "shared-pw"  # type: ignore[union-attr]
    d = FirstRunDialog(old, keyring_ok=True, config_file=tmp_path / "config.json")
    qtbot.addWidget(d)
    d.show()
    assert d.shared_login.isChecked() and d.user_edit.text() == "support"
    d.shared_login.setChecked(False)  # the IT person retired the shared login
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert memory_keyring.secrets == {}
    assert json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))["sign_in"] == "person"

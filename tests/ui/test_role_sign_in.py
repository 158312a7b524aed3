"""Signing in as oneself at the shared server through the real dialogs and pages (issue 17, the wiring).

PostgreSQL only, roles set up by the owner as ``tests/console/test_db_roles.py`` does (the module
fixture ``server`` of ``tests/console/test_account_person_server.py``). The sign-in dialog gets the
server's URL without a user; the accounts page runs on the signed-in person's own engine, as the app
builds it after the dialog. Tests that need a wrong password refused need a SCRAM server
(``PG_HOST_AUTH=scram-sha-256 scripts/pg-start.sh``); on a trusting one they are skipped, saying so.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, make_url, text

from console.clock import FixedClock
from console.db import session_factory
from console.demo import FIXED_ANCHOR
from console.person_sign_in import APPLY_ROLES_COMMAND, SIGN_IN_REFUSED, PersonSignIn
from tests.console import test_account_person_server as person_world
from tests.console.test_account_person_server import Server, pw
from tests.ui.helpers import click_row, close_context, make_context, wait_prompt
from ui.context import AppContext
from ui.dialogs.account_dialogs import NewAccountDialog, PasswordDialog
from ui.launch import sign_in_as_person_scripted, start_as_person
from ui.pages.accounts import AccountsPage
from ui.sign_in import SignInDialog

pytestmark = pytest.mark.postgres

server = person_world.server  # the module's fixtures: the roles server, and the SCRAM check
scram = person_world.scram

WAIT = 15_000
LEFT = Qt.MouseButton.LeftButton


def dialog_sign_in(qtbot: QtBot, url: str, username: str, password: str) -> SignInDialog:
    """The real sign-in dialog on a person-sign-in server: type, click, wait for the answer."""
    dialog = SignInDialog(None, person_server=url)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.demo_box.isVisible()  # no demo list on a real server
    QTest.keyClicks(dialog.username_edit, username)
    dialog.password_edit.setText(password)  # QTest types ASCII only; passwords here are ASCII anyway
    QTest.mouseClick(dialog.sign_in_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    return dialog


def signed_in(qtbot: QtBot, url: str, username: str, password: str) -> PersonSignIn:
    dialog = dialog_sign_in(qtbot, url, username, password)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.signed is not None
    return dialog.signed


def refused(qtbot: QtBot, url: str, username: str, password: str) -> str:
    dialog = dialog_sign_in(qtbot, url, username, password)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.signed is None and dialog.agent is None
    return dialog.error.text()


MakePage = Callable[[PersonSignIn], AccountsPage]


@pytest.fixture
def make_page(qtbot: QtBot) -> Iterator[MakePage]:
    opened: list[tuple[AppContext, PersonSignIn]] = []

    def build(signed: PersonSignIn) -> AccountsPage:
        ctx = make_context(session_factory(signed.engine), FixedClock(FIXED_ANCHOR), signed.agent)
        opened.append((ctx, signed))
        page = AccountsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitUntil(lambda: ctx.feed.ready, timeout=WAIT)
        page.activate()
        qtbot.waitUntil(lambda: page.loaded, timeout=WAIT)
        return page

    yield build
    for ctx, signed in opened:
        close_context(ctx)
        signed.engine.dispose()


def ok(dialog: NewAccountDialog | PasswordDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.isEnabled()
    QTest.mouseClick(button, LEFT)


def answer_yes(qtbot: QtBot, page: AccountsPage) -> None:
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    QTest.mouseClick(button, LEFT)


def click_account(page: AccountsPage, username: str) -> None:
    (n,) = [n for n, a in enumerate(page.model.rows()) if a.username == username]
    click_row(page.table, n)
    selected = page.selected()
    assert selected is not None and selected.username == username


@pytest.mark.parametrize(("username", "role"), [("p17_ali", "agent"), ("p17_boss", "supervisor")])
def test_issue17_an_agent_and_a_supervisor_sign_in_through_the_dialog_as_themselves(
    qtbot: QtBot, server: Server, username: str, role: str
) -> None:
    signed = signed_in(qtbot, server.url, username, pw(username))
    try:
        assert (signed.agent.username, signed.agent.role) == (username, role)
        with signed.engine.connect() as conn:  # PostgreSQL knows who it is: their own login role
            assert conn.execute(text("SELECT session_user")).scalar() == username
    finally:
        signed.engine.dispose()


def test_issue17_a_wrong_password_is_refused_in_the_dialog_in_persian(qtbot: QtBot, scram: Server) -> None:
    assert refused(qtbot, scram.url, "p17_ali", "not-the-password") == SIGN_IN_REFUSED
    assert refused(qtbot, scram.url, "p17_nobody", "not-the-password") == SIGN_IN_REFUSED  # the same words
    assert SIGN_IN_REFUSED == "نام کاربری یا گذرواژه پذیرفته نشد."


def test_issue17_a_supervisor_creates_an_account_on_the_page_and_that_person_signs_in(
    qtbot: QtBot, server: Server, make_page: MakePage, pg_engine: Engine
) -> None:
    page = make_page(signed_in(qtbot, server.url, "p17_boss", pw("p17_boss")))
    QTest.mouseClick(page.new_button, LEFT)
    dialog = wait_prompt(qtbot, page, NewAccountDialog)
    assert isinstance(dialog, NewAccountDialog)
    QTest.keyClicks(dialog.username_edit, "p17_sara")
    dialog.full_name_edit.setText("سارا محمدی")
    dialog.passwords.new_edit.setText(pw("p17_sara"))
    dialog.passwords.repeat_edit.setText(pw("p17_sara"))
    ok(dialog)
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    qtbot.waitUntil(lambda: any(a.username == "p17_sara" for a in page.model.rows()), timeout=WAIT)
    sara = next(a for a in page.model.rows() if a.username == "p17_sara")
    assert sara.has_password and sara.role == "agent"  # "set": the login role exists, with a password
    with pg_engine.connect() as conn:
        assert conn.execute(
            text(
                "SELECT pg_has_role('p17_sara', 'sc_agent', 'MEMBER'), password_hash FROM agents WHERE username = 'p17_sara'"
            )
        ).one() == (True, None)
    new = signed_in(qtbot, server.url, "p17_sara", pw("p17_sara"))
    assert new.agent.username == "p17_sara"
    new.engine.dispose()

    click_account(page, "p17_sara")  # disabled: cannot sign in any more
    QTest.mouseClick(page.active_button, LEFT)
    answer_yes(qtbot, page)
    qtbot.waitUntil(
        lambda: not any(a.active for a in page.model.rows() if a.username == "p17_sara"), timeout=WAIT
    )
    assert (
        refused(qtbot, server.url, "p17_sara", pw("p17_sara"))
        == "این حساب غیرفعال است؛ با سرپرست تماس بگیرید."
    )


def test_issue17_changing_ones_own_password_on_the_page_old_refused_new_accepted(
    qtbot: QtBot, scram: Server, make_page: MakePage
) -> None:
    page = make_page(signed_in(qtbot, scram.url, "p17_reza", pw("p17_reza")))
    QTest.mouseClick(page.own_password_button, LEFT)
    dialog = wait_prompt(qtbot, page, PasswordDialog)
    assert isinstance(dialog, PasswordDialog)
    dialog.current_edit.setText(pw("p17_reza"))
    dialog.passwords.new_edit.setText("reza-changed-pw-1")
    dialog.passwords.repeat_edit.setText("reza-changed-pw-1")
    ok(dialog)
    qtbot.waitUntil(
        lambda: isinstance(page.prompt, QMessageBox), timeout=WAIT
    )  # "Your password was changed."
    assert refused(qtbot, scram.url, "p17_reza", pw("p17_reza")) == SIGN_IN_REFUSED
    again = signed_in(qtbot, scram.url, "p17_reza", "reza-changed-pw-1")
    again.engine.dispose()


def test_issue17_start_up_writes_an_agent_may_not_do_do_not_fail_the_start(
    server: Server, pg_engine: Engine
) -> None:
    with pg_engine.begin() as conn:
        conn.execute(text("DELETE FROM business_hours"))
        conn.execute(text("DELETE FROM holidays"))
    ali = server.sign_in("p17_ali")
    try:
        start_as_person(ali.engine, ali.agent, FIXED_ANCHOR.date())  # seeding the calendar is refused
    finally:
        ali.engine.dispose()
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM business_hours")).scalar() == 0
    boss = server.sign_in("p17_boss")
    try:
        start_as_person(boss.engine, boss.agent, FIXED_ANCHOR.date())  # a supervisor seeds it
    finally:
        boss.engine.dispose()
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM business_hours")).scalar() > 0


def test_issue17_scripted_sign_in_and_a_schema_behind_head(
    server: Server, pg_engine: Engine, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setenv("SUPPORT_CONSOLE_PASSWORD", pw("p17_ali"))
    signed = sign_in_as_person_scripted(server.url, "p17_ali")
    assert signed.agent.username == "p17_ali"
    signed.engine.dispose()
    with pg_engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    try:
        with pytest.raises(SystemExit) as stopped:
            sign_in_as_person_scripted(server.url, "p17_ali")
        assert APPLY_ROLES_COMMAND in str(stopped.value.code)
        message = refused(qtbot, server.url, "p17_ali", pw("p17_ali"))  # the dialog says the same
        assert APPLY_ROLES_COMMAND in message
    finally:
        with pg_engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})


def _start(url: str, agent: str, password: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``support-console --database URL --agent NAME`` with the password in the environment, until
    the first paint of the main window (the start-up probe), in a home folder of its own."""
    code = "import sys; from entry import main; sys.exit(main(sys.argv[1:]))"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "SUPPORT_CONSOLE_PASSWORD": password,
        "SUPPORT_CONSOLE_STARTUP_PROBE": "1",
    }
    env.pop("SUPPORT_CONSOLE_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", code, "--database", url, "--agent", agent],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _files_holding(folder: Path, secret: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_issue17_the_app_starts_as_the_person_and_keeps_no_password_on_the_pc(
    server: Server, tmp_path: Path
) -> None:
    out = _start(server.url, "p17_ali", pw("p17_ali"), tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "first-paint" in out.stdout  # the main window, on the agent's own engine
    assert _files_holding(tmp_path, pw("p17_ali")) == []


def test_issue17_the_app_refuses_a_wrong_password_at_start_in_persian(scram: Server, tmp_path: Path) -> None:
    out = _start(scram.url, "p17_ali", "not-the-password", tmp_path)
    assert out.returncode != 0 and "first-paint" not in out.stdout
    assert SIGN_IN_REFUSED in out.stderr and "Traceback" not in out.stderr


def test_issue17_choosing_a_person_sign_in_server_after_an_unreachable_start_starts_over_on_it(
    server: Server, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    import socket

    import ui.launch as launch
    from ui.unreachable import Unreachable

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        nowhere = f"postgresql+psycopg://support@127.0.0.1:{s.getsockname()[1]}/console"
    shells: list[tuple[str, str, str]] = []

    def run_shell(_args, engine, url, _clock, agent, _demo, *, listen_url, warnings=None):  # type: ignore[no-untyped-def]
        with engine.connect() as conn:
            shells.append((url, agent.username, str(conn.execute(text("SELECT session_user")).scalar())))
        assert make_url(listen_url).username == agent.username  # LISTEN as the person too
        return 0

    monkeypatch.setattr("ui.unreachable.ask_after_unreachable", lambda _location: Unreachable.CHOOSE)
    monkeypatch.setattr(launch, "_ask_database", lambda _args: server.url)  # the first-run dialog's answer
    monkeypatch.setattr(launch, "_run_shell", run_shell)
    monkeypatch.setenv("SUPPORT_CONSOLE_PASSWORD", pw("p17_ali"))
    monkeypatch.delenv("SUPPORT_CONSOLE_STARTUP_PROBE", raising=False)
    args = argparse.Namespace(
        database=nowhere, demo=False, agent="p17_ali", dark=False, smoke_test=False, screenshot=None
    )
    assert launch.launch(args, None) == 0
    assert shells == [(server.url, "p17_ali", "p17_ali")]

"""The one-PC setup (issue 16: "on the one-PC setup, inside the app"): with a local SQLite database
the app runs the mail worker itself. A mail put into Dovecot by APPEND while the app runs appears in
its queue as a ticket, the acknowledgement reaches the SMTP server (aiosmtpd), and quitting stops
the worker's threads. A shared PostgreSQL database (the office server's job) and the demo do not
start one."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.calendar_store import seed_calendar
from console.clock import SystemClock
from console.db import DatabaseInfo, describe, unit_of_work
from console.models import Ticket
from tests.console import mail_world as w
from tests.console.mail_servers import Dovecot, SmtpServer, configure_mailbox, dovecot, smtp  # noqa: F401
from ui.pages.queue import QueuePage
from ui.shell import LocalMailWorker, build_shell, runs_mail_here


def _mail_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("mail-")]


def test_only_a_local_sqlite_database_outside_the_demo_runs_mail_in_the_app() -> None:
    assert runs_mail_here(DatabaseInfo("sqlite", "/x/console.sqlite3", shared=False), demo=False)
    assert not runs_mail_here(DatabaseInfo("sqlite", "/x/demo.sqlite3", shared=False), demo=True)
    assert not runs_mail_here(DatabaseInfo("postgresql", "db:5432/console", shared=True), demo=False)


def test_one_pc_a_mail_appended_to_dovecot_while_the_app_runs_becomes_a_ticket_in_its_queue(
    qtbot: QtBot,
    factory: sessionmaker[Session],
    db_url: str,
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the one-PC setup is a local SQLite database")
    folder = dovecot.new_folder()
    with unit_of_work(factory) as s:
        seed_calendar(s, SystemClock().now().date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example", name="شرکت نمونه")
        configure_mailbox(s, boss, dovecot, smtp, folder)
        me = get_agent(s, boss)
    window, ctx = build_shell(factory, SystemClock(), me, describe(db_url), demo=False)
    qtbot.addWidget(window)
    mail = window.findChild(LocalMailWorker)
    assert mail is not None
    qtbot.waitUntil(lambda: mail.running, timeout=5_000)
    try:
        window.show()
        queue = window.page(0)
        assert isinstance(queue, QueuePage)
        qtbot.waitUntil(lambda: ctx.feed.ready and ctx.runner.is_idle(), timeout=10_000)
        assert queue.model.rowCount() == 0
        qtbot.waitUntil(lambda: any(t.name == "mail-imap:support" for t in _mail_threads()), timeout=10_000)
        qtbot.wait(500)  # the worker is connected and waiting: this mail arrives later
        appended = time.monotonic()
        dovecot.append(folder, w.mail(subject="نامه در یک رایانه"))
        qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=30_000)
        took = time.monotonic() - appended
        print(f"one PC: APPEND to the queue in {took:.2f} s")
        assert took < 5.0, f"{took:.1f} s from APPEND to the queue"  # the target
        with unit_of_work(factory) as s:
            ticket = s.scalars(select(Ticket)).one()
        assert ticket.subject == "نامه در یک رایانه"
        qtbot.waitUntil(
            lambda: any(f"[#{ticket.id}]" in str(m["Subject"]) for m in smtp.received()), timeout=30_000
        )
        assert dovecot.marked(folder) == 1
    finally:
        app = QApplication.instance()
        assert app is not None
        app.aboutToQuit.emit()  # what quitting the app does
        ctx.feed.stop()
        ctx.runner.shutdown()
    assert not mail.running and not [t for t in _mail_threads() if t.is_alive()]


def test_one_pc_the_apps_worker_leaves_the_mail_to_an_office_server_active_on_the_same_database(
    qtbot: QtBot,
    factory: sessionmaker[Session],
    db_url: str,
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    """One sender per outbox: two would both send a row before either marks it."""
    from console.db import server_now
    from console.office.status import beat

    if not db_url.startswith("sqlite"):
        pytest.skip("the one-PC setup is a local SQLite database")
    folder = dovecot.new_folder()
    with unit_of_work(factory) as s:
        seed_calendar(s, SystemClock().now().date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example")
        configure_mailbox(s, boss, dovecot, smtp, folder)
        now = server_now(s)
        beat(s, server_id="office:1", host="office", pid=1, role="active", started_at=now, now=now)
    mail = LocalMailWorker(factory, check_every=0.2)
    mail.start()
    try:
        dovecot.append(folder, w.mail(subject="برای کارساز دفتر"))
        qtbot.wait(4000)  # the worker is up (threads running) but leaves the mailbox alone
        assert any(t.name == "mail-outbox" for t in _mail_threads())
        assert dovecot.marked(folder) == 0
        with unit_of_work(factory) as s:
            assert s.scalars(select(Ticket)).first() is None
            now = server_now(s)
            beat(s, server_id="office:1", host="office", pid=1, role="stopped", started_at=now, now=now)
        qtbot.waitUntil(
            lambda: dovecot.marked(folder) == 1, timeout=15_000
        )  # the server went: the app serves
    finally:
        mail.stop()
    assert not [t for t in _mail_threads() if t.is_alive()]

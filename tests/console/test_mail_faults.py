"""Faults (issue 16 item 10): the worker killed at random points of a backlog, the SMTP server away.

Every message is taken in exactly once whatever moment the worker dies at; replies queued while
the SMTP server is away are all delivered when it returns, none twice.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.mail.outbox import enqueue_mail
from console.mail.sender import send_due
from console.mail.transport import CA_FILE_ENV
from console.models import Ticket, TicketMessage
from console.models_mail import MailIn, MailOutbox
from server.mail_worker import MailWorker
from tests.console import mail_world as w
from tests.console.mail_servers import ROOT, Dovecot, SmtpServer, configure_mailbox, dovecot, smtp  # noqa: F401

BACKLOG = 300


def _wait(condition: Callable[[], bool], what: str, limit: float = 120.0) -> None:
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.1)


def _start_worker(db_url: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server.mail_worker",
                "--database",
                db_url,
                "--idle-timeout",
                "1",
                "--reconnect",
                "0.5",
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def test_worker_killed_at_random_points_takes_every_message_in_exactly_once(
    factory: sessionmaker[Session],
    db_url: str,
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = dovecot.new_folder()
    with unit_of_work(factory) as s:
        seed_calendar(s, datetime(2026, 12, 1, tzinfo=UTC).date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example")
        configure_mailbox(s, boss, dovecot, smtp, folder)
    dovecot.append(folder, *(w.mail(subject=f"درخواست شمارهٔ {i}", body=f"متن {i}") for i in range(BACKLOG)))
    rng = random.Random(16)
    log = tmp_path / "worker.log"
    kills = 0
    while (done := dovecot.marked(folder)) < BACKLOG - 50 and kills < 5:
        worker = _start_worker(db_url, log)
        # a random point of the backlog: once it has made progress, a random moment later
        _wait(
            lambda d=done, p=worker: dovecot.marked(folder) > d or p.poll() is not None,
            "the worker makes progress",
        )
        time.sleep(rng.uniform(0.0, 0.4))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills += 1
    worker = _start_worker(db_url, log)
    try:
        _wait(lambda: dovecot.marked(folder) == BACKLOG, "every message marked on the server")
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
    assert kills >= 2
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(MailIn)) == BACKLOG
        assert s.scalar(select(func.count(func.distinct(MailIn.message_id)))) == BACKLOG
        assert s.scalar(select(func.count()).select_from(Ticket)) == BACKLOG
        assert s.scalar(select(func.count()).select_from(TicketMessage)) == BACKLOG
        subjects = set(s.scalars(select(Ticket.subject)))
    assert subjects == {f"درخواست شمارهٔ {i}" for i in range(BACKLOG)}


def test_replies_queued_while_smtp_is_away_are_all_delivered_when_it_returns_none_twice(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
) -> None:
    server = SmtpServer()
    folder = dovecot.new_folder()
    with unit_of_work(factory) as s:
        boss = w.supervisor(s)
        configure_mailbox(s, boss, dovecot, server, folder)
        ids = [
            enqueue_mail(s, to=f"c{i}@customer.example", subject=f"پاسخ {i}", text="متن", kind="reply")
            for i in range(12)
        ]
    worker = MailWorker(factory, send_interval=0.1, backoff_s=0.1, reconnect_s=0.2, idle_timeout=1)
    worker.start()
    try:

        def tried() -> bool:
            with unit_of_work(factory) as s:
                return bool(s.scalar(select(func.min(MailOutbox.attempts))) or 0)

        _wait(tried, "a delivery attempt while the server is away")
        with unit_of_work(factory) as s:
            row = s.get(MailOutbox, ids[0])
            assert row is not None and row.status == "queued" and "در دسترس نیست" in row.last_error
        server.start()

        def delivered() -> bool:
            with unit_of_work(factory) as s:
                return (
                    s.scalar(select(func.count()).select_from(MailOutbox).where(MailOutbox.status == "sent"))
                    == 12
                )

        _wait(delivered, "every queued reply delivered")
    finally:
        worker.stop()
        received = server.received()
        server.remove()
    with unit_of_work(factory) as s:
        expected = set(s.scalars(select(MailOutbox.message_id)))
    got = [str(m["Message-ID"]).strip() for m in received]
    assert len(got) == 12 and set(got) == expected


def test_smtp_starttls_with_authentication(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = SmtpServer("--auth", "mailer:s3cret", "--tls", "starttls")
    server.start()
    try:
        monkeypatch.setenv(CA_FILE_ENV, str(server.folder / "smtp-cert.pem"))
        folder = dovecot.new_folder()
        with unit_of_work(factory) as s:
            boss = w.supervisor(s)
            configure_mailbox(
                s,
                boss,
                dovecot,
                server,
                folder,
                smtp_security="starttls",
                smtp_user="mailer",
                smtp_password="wrong",
            )
            enqueue_mail(s, to="c@customer.example", subject="آزمایش", text="متن")
        report = send_due(factory, backoff_s=0.0)
        assert report.sent == 0 and report.retrying == 1
        with unit_of_work(factory) as s:
            configure_mailbox(
                s,
                boss,
                dovecot,
                server,
                folder,
                smtp_security="starttls",
                smtp_user="mailer",
                smtp_password="s3cret",
            )
        assert send_due(factory, backoff_s=0.0).sent == 1
        (msg,) = server.received()
        assert msg["Subject"] == "آزمایش"
    finally:
        server.remove()

"""Mail in and out against real servers: Dovecot over IMAP (APPEND) and aiosmtpd (issue 16 item 9)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.mail.connection_check import check_mailbox_connection
from console.mail.imap import MailboxFetcher
from console.mail.mailboxes import list_mailboxes, mailbox_config
from console.mail.replies import reply_by_mail, reply_mail_states
from console.mail.sender import send_due
from console.models import Ticket
from console.models_mail import MailIn
from tests.console import mail_world as w
from tests.console.mail_servers import Dovecot, SmtpServer, configure_mailbox, dovecot, smtp  # noqa: F401


def _setup(factory: sessionmaker[Session], dovecot: Dovecot, smtp: SmtpServer) -> tuple[int, str]:  # noqa: F811
    folder = dovecot.new_folder()
    smtp.clear()
    with unit_of_work(factory) as s:
        seed_calendar(s, datetime(2026, 12, 1, tzinfo=UTC).date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example")
        configure_mailbox(s, boss, dovecot, smtp, folder)
    return boss, folder


def _fetcher(factory: sessionmaker[Session]) -> MailboxFetcher:
    with unit_of_work(factory) as s:
        return MailboxFetcher(factory, mailbox_config(s, "support"))


def _sent_to(smtp: SmtpServer, ticket_id: int) -> list[object]:  # noqa: F811
    return [m for m in smtp.received() if f"[#{ticket_id}]" in str(m["Subject"])]


def test_mail_round_trip_through_dovecot_and_smtp(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    boss, folder = _setup(factory, dovecot, smtp)
    first_id = "<first-" + folder + "@customer.example>"
    dovecot.append(folder, w.mail(message_id=first_id))
    fetcher = _fetcher(factory)
    try:
        (result,) = fetcher.fetch_new()
        assert result.action == "new_ticket" and result.ticket_id is not None
        ticket_id = result.ticket_id
        assert dovecot.marked(folder) == 1
        assert fetcher.fetch_new() == []  # marked on the server: nothing is taken twice
        # the acknowledgement reaches the SMTP server, threaded to the customer's mail
        assert send_due(factory).sent == 1
        (ack,) = _sent_to(smtp, ticket_id)
        assert ack["In-Reply-To"] == first_id  # type: ignore[index]
        # an agent's reply: queued with the reply, delivered with the tag and the threading headers
        with unit_of_work(factory) as s:
            ticket = s.get(Ticket, ticket_id)
            assert ticket is not None
            _change, outbox_id = reply_by_mail(
                s,
                actor_id=boss,
                ticket_id=ticket_id,
                body="سلام، گذرواژه بازنشانی شد.",
                expected_version=ticket.version,
            )
            assert outbox_id is not None
            (state,) = reply_mail_states(s, ticket_id).values()
            assert state.status == "queued"
        assert send_due(factory).sent == 1
        reply = next(m for m in _sent_to(smtp, ticket_id) if str(m["Subject"]).startswith("Re:"))  # type: ignore[index]
        assert reply["In-Reply-To"] == first_id  # type: ignore[index]
        assert first_id in str(reply["References"])  # type: ignore[index]
        assert reply["X-Loop"] == "support@example.test"  # type: ignore[index]
        with unit_of_work(factory) as s:
            (state,) = reply_mail_states(s, ticket_id).values()
            assert state.status == "sent" and state.sent_at is not None
        # the customer's answer to our reply lands on the same ticket, by its headers alone
        dovecot.append(
            folder,
            w.mail(subject="ممنون", in_reply_to=str(reply["Message-ID"])),  # type: ignore[index]
        )
        # an auto-reply and a bounce of our reply make no ticket
        dovecot.append(folder, w.mail(subject="Out of office", headers={"Auto-Submitted": "auto-replied"}))
        dovecot.append(folder, w.bounce(reply.as_bytes()))  # type: ignore[attr-defined]
        (answer, auto, bounced) = fetcher.fetch_new()
        assert (answer.action, answer.ticket_id) == ("follow_up", ticket_id)
        assert auto.action == "ignored"
        assert (bounced.action, bounced.ticket_id) == ("bounce", ticket_id)
        with unit_of_work(factory) as s:
            assert s.scalar(select(func.count()).select_from(Ticket)) == 1
            (state,) = reply_mail_states(s, ticket_id).values()
            assert state.status == "undelivered" and "user unknown" in state.last_error
    finally:
        fetcher.close()


def test_crash_between_commit_and_mark_makes_no_duplicate(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    _boss, folder = _setup(factory, dovecot, smtp)
    dovecot.append(folder, *(w.mail(subject=f"درخواست {i}") for i in range(5)))
    fetcher = _fetcher(factory)
    try:
        assert [r.action for r in fetcher.fetch_new()] == ["new_ticket"] * 5
        # as if the process died after the commit, before the marks reached the server
        with dovecot.client() as c:
            c.select_folder(folder)
            c.remove_flags(c.search(["ALL"]), [b"$SupportConsole"])
        assert [r.action for r in fetcher.fetch_new()] == ["duplicate"] * 5
        assert dovecot.marked(folder) == 5
        with unit_of_work(factory) as s:
            assert s.scalar(select(func.count()).select_from(MailIn)) == 5
            assert s.scalar(select(func.count()).select_from(Ticket)) == 5
    finally:
        fetcher.close()


def test_rule7_test_connection_and_passwords_never_read_back(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    boss, folder = _setup(factory, dovecot, smtp)
    with unit_of_work(factory) as s:
        check = check_mailbox_connection(s, actor_id=boss, name="support")
        assert check.imap_ok and check.smtp_ok
        (view,) = list_mailboxes(s, actor_id=boss)
        assert view.imap_password_set and "secret" not in repr(view)
    with unit_of_work(factory) as s:
        configure_mailbox(s, boss, dovecot, smtp, folder, imap_password="wrong")
    with unit_of_work(factory) as s:
        check = check_mailbox_connection(s, actor_id=boss, name="support")
    assert not check.imap_ok and "گذرواژه" in check.imap_message
    assert check.smtp_ok


def test_the_worker_waiting_in_idle_takes_new_mail_in_and_sends_the_acknowledgement(
    factory: sessionmaker[Session],
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    import time

    from server.mail_worker import MailWorker

    _boss, folder = _setup(factory, dovecot, smtp)
    worker = MailWorker(factory, send_interval=0.2)
    worker.start()
    try:
        time.sleep(0.5)  # the worker connects and enters IDLE first: this is mail arriving later
        dovecot.append(folder, w.mail(subject="از راه IDLE"))
        end = time.monotonic() + 60  # a wait, not a timing assertion (benchmarks/mail.py measures)
        ticket_id = None
        while ticket_id is None and time.monotonic() < end:
            with unit_of_work(factory) as s:
                ticket_id = s.scalar(select(Ticket.id).where(Ticket.subject == "از راه IDLE"))
            time.sleep(0.05)
        assert ticket_id is not None
        while not _sent_to(smtp, ticket_id) and time.monotonic() < end:
            time.sleep(0.05)
        assert len(_sent_to(smtp, ticket_id)) == 1
    finally:
        worker.stop()

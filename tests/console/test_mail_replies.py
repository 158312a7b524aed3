"""Replies by mail, templates and mailbox settings (issue 16 items 6-7)."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email.policy import default

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.errors import PermissionDeniedError, ValidationError
from console.mail import ingest_message
from console.mail.acknowledge import set_template
from console.mail.mailboxes import list_mailboxes, mailbox_config, save_mailbox
from console.mail.replies import queue_reply_mail, reply_by_mail, reply_mail_states
from console.models import Ticket
from console.models_mail import MailOutbox
from console.tickets import create_ticket
from tests.console import mail_world as w

ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _world(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        helper = w.agent(s)
        customer = w.customer(s, boss, "C1", "ali@customer.example")
    return boss, helper, customer


def test_rule12_a_reply_and_its_mail_are_one_transaction_and_queued_once(
    factory: sessionmaker[Session],
) -> None:
    _boss, helper, _c = _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(message_id="<q@customer.example>"), received_at=ARRIVAL)
    assert result.ticket_id is not None
    with pytest.raises(RuntimeError), unit_of_work(factory) as s:
        ticket = s.get(Ticket, result.ticket_id)
        assert ticket is not None
        reply_by_mail(s, actor_id=helper, ticket_id=ticket.id, body="پاسخ", expected_version=ticket.version)
        raise RuntimeError("the reply failed after it was written")
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(MailOutbox).where(MailOutbox.kind == "reply")) == 0
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, result.ticket_id)
        assert ticket is not None
        _change, outbox_id = reply_by_mail(
            s, actor_id=helper, ticket_id=ticket.id, body="پاسخ ما", expected_version=ticket.version
        )
        assert queue_reply_mail(s, ticket_id=ticket.id) == outbox_id  # a second call queues nothing more
        states = reply_mail_states(s, ticket.id)
        row = s.get(MailOutbox, outbox_id)
    assert len(states) == 1 and next(iter(states.values())).status == "queued"
    assert row is not None
    msg = email.message_from_bytes(row.raw, policy=default)
    assert msg["Subject"].startswith(f"Re: [#{result.ticket_id}]")
    assert msg["In-Reply-To"] == "<q@customer.example>"
    assert msg["Auto-Submitted"] is None  # a person's reply
    html = msg.get_body(preferencelist=("html",))
    assert html is not None and 'dir="rtl"' in html.get_content()


def test_a_ticket_that_did_not_come_by_mail_sends_no_mail(factory: sessionmaker[Session]) -> None:
    _boss, helper, customer = _world(factory)
    with unit_of_work(factory) as s:
        ticket_id, _ = create_ticket(
            s, actor_id=helper, customer_id=customer, subject="تلفنی", category="guidance", body="تماس"
        )
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        _change, outbox_id = reply_by_mail(
            s, actor_id=helper, ticket_id=ticket_id, body="پاسخ", expected_version=ticket.version
        )
        assert outbox_id is None


def test_rule7_mailbox_settings_are_for_supervisors_and_passwords_stay_unread(
    factory: sessionmaker[Session],
) -> None:
    boss, helper, _c = _world(factory)
    args = {
        "name": "support",
        "address": "support@example.test",
        "imap_host": "imap.example.test",
        "imap_port": 993,
        "imap_security": "ssl",
        "imap_user": "support@example.test",
        "smtp_host": "smtp.example.test",
        "smtp_port": 587,
        "smtp_security": "starttls",
        "smtp_user": "support@example.test",
    }
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        save_mailbox(s, actor_id=helper, imap_password="p", **args)  # type: ignore[arg-type]
    with unit_of_work(factory) as s:
        save_mailbox(s, actor_id=boss, imap_password="imap-pass", smtp_password="smtp-pass", **args)  # type: ignore[arg-type]
    with unit_of_work(factory) as s:
        save_mailbox(s, actor_id=boss, **{**args, "imap_port": 143, "imap_security": "starttls"})  # type: ignore[arg-type]
        with pytest.raises(PermissionDeniedError):
            list_mailboxes(s, actor_id=helper)
        (view,) = list_mailboxes(s, actor_id=boss)
        assert view.imap_port == 143 and view.imap_password_set and view.smtp_password_set
        assert "imap-pass" not in repr(view) and "smtp-pass" not in repr(view)
        assert mailbox_config(s, "support").imap_password == "imap-pass"  # kept when not given
    for bad in (
        {"imap_port": 0},
        {"smtp_security": "tls1"},
        {"address": "not-an-address"},
        {"imap_host": "a b"},
    ):
        with pytest.raises(ValidationError), unit_of_work(factory) as s:
            save_mailbox(s, actor_id=boss, **{**args, **bad})  # type: ignore[arg-type]


def test_the_acknowledgement_template_is_edited_by_supervisors_and_checked(
    factory: sessionmaker[Session],
) -> None:
    boss, helper, _c = _world(factory)
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        set_template(s, actor_id=helper, subject="{tag}", body="x")
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        set_template(s, actor_id=boss, subject="{tag}", body="شماره {unknown}")
    with unit_of_work(factory) as s:
        set_template(s, actor_id=boss, subject="دریافت شد {tag}", body="تیکت {ticket} تا {deadline}")
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(), received_at=ARRIVAL)
        ack = s.scalars(select(MailOutbox)).one()
    msg = email.message_from_bytes(ack.raw, policy=default)
    assert msg["Subject"] == f"دریافت شد [#{result.ticket_id}]"
    assert "تیکت ۱ تا ۱۴۰۵/۰۹/۱۰ ۱۴:۳۰" in msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_rule12_the_apps_own_reply_queues_the_mail_in_its_transaction(
    factory: sessionmaker[Session],
) -> None:
    """The reply a screen writes (console.tickets.reply) reaches the outbox too, once."""
    from console.tickets import reply

    _boss, helper, _c = _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(message_id="<app@customer.example>"), received_at=ARRIVAL)
    assert result.ticket_id is not None
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, result.ticket_id)
        assert ticket is not None
        reply(s, actor_id=helper, ticket_id=ticket.id, body="پاسخ از برنامه", expected_version=ticket.version)
    with unit_of_work(factory) as s:
        rows = s.scalars(select(MailOutbox).where(MailOutbox.kind == "reply")).all()
        assert len(rows) == 1
        message = email.message_from_bytes(rows[0].raw, policy=default)
    assert f"[#{result.ticket_id}]" in str(message["Subject"])
    assert message["In-Reply-To"] == "<app@customer.example>"

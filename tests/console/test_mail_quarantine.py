"""The quarantine (issue 16, item 5): a supervisor releases a message that could not be read — taken
in again, with its charset guessed — or marks it handled; the row stays either way; audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.audit import changes_since, latest_change_id
from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.errors import ConflictError, PermissionDeniedError, ValidationError
from console.mail import ingest_message
from console.mail.parse import parse_mail
from console.mail.quarantine import (
    dismiss_quarantined_mail,
    guess_charset,
    list_quarantine,
    quarantine_reason,
    release_quarantined_mail,
    with_charset,
)
from console.models import Ticket, TicketMessage
from console.models_mail import MailIn, MailQuarantine
from tests.console import mail_world as w

ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)

# Outlook on a Persian Windows without a charset anywhere: 8-bit windows-1256 headers and text
# (windows-1256 has no Persian ی: Arabic ي and ك arrive)
OUTLOOK = (
    "From: علي كريمي <ali@customer.example>\r\n"
    "To: support@example.test\r\n"
    "Subject: مشكل در چاپ فاكتور\r\n"
    "Message-ID: <outlook-1@customer.example>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "سلام، فاكتور چاپ نمي‌شود.\r\n"
).encode("windows-1256")


def _world(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        agent = w.agent(s)
        customer = w.customer(s, boss, "C1", "ali@customer.example")
    return boss, agent, customer


def _quarantined(factory: sessionmaker[Session], raw: bytes) -> int:
    with unit_of_work(factory) as s:
        assert ingest_message(s, raw, received_at=ARRIVAL).action == "quarantined"
        return int(s.scalar(select(func.max(MailQuarantine.id))) or 0)


def test_an_8bit_windows_1256_mail_without_a_charset_is_quarantined_today() -> None:
    """Why the release guesses: read as it is, the name is lone surrogates the database refuses."""
    parsed = parse_mail(OUTLOOK)
    assert any("\udc80" <= ch <= "\udcff" for ch in parsed.from_name) or "\ufffd" in parsed.subject
    assert guess_charset(OUTLOOK) == "windows-1256"
    assert guess_charset("سلام".encode()) == "utf-8"
    fixed = parse_mail(with_charset(OUTLOOK, "windows-1256"))
    # read in its charset, and normalised (rule 11): Arabic ي/ك became Persian ی/ک
    assert (fixed.from_name, fixed.from_address) == ("علی کریمی", "ali@customer.example")
    assert fixed.subject == "مشکل در چاپ فاکتور" and fixed.body_text == "سلام، فاکتور چاپ نمی‌شود."
    assert fixed.message_id == "<outlook-1@customer.example>"
    with pytest.raises(ValidationError, match="خوانا"):
        with_charset("سلام".encode("windows-1256") + b"\x81\r\n\r\n", "iso-8859-6")


def test_a_supervisor_releases_a_quarantined_mail_with_its_charset_guessed_it_becomes_a_ticket(
    factory: sessionmaker[Session],
) -> None:
    boss, _agent, customer = _world(factory)
    qid = _quarantined(factory, OUTLOOK)
    with unit_of_work(factory) as s:
        (waiting,) = list_quarantine(s, actor_id=boss)
        assert waiting.id == qid and waiting.received_at == ARRIVAL
        before = latest_change_id(s)
    with unit_of_work(factory) as s:
        released = release_quarantined_mail(s, actor_id=boss, quarantine_id=qid)
    assert released.result.action == "new_ticket" and released.charset == "windows-1256"
    assert released.changes == (released.change,) and released.change.action == "release"
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, released.result.ticket_id)
        assert ticket is not None and ticket.customer_id == customer
        assert ticket.subject == "مشکل در چاپ فاکتور" and ticket.created_at == ARRIVAL  # its first arrival
        body = s.scalar(select(TicketMessage.body).where(TicketMessage.ticket_id == ticket.id))
        assert body == "سلام، فاکتور چاپ نمی‌شود."
        row = s.get(MailQuarantine, qid)
        assert row is not None and row.raw == OUTLOOK  # kept as it came
        assert (row.outcome, row.handled_by) == ("released", boss) and row.handled_at is not None
        assert list_quarantine(s, actor_id=boss) == []
        assert s.scalar(select(func.count()).select_from(MailIn)) == 1
        audited = [(c.entity, c.action, c.agent_id) for c in changes_since(s, before)]
    assert ("mail", "release", boss) in audited and ("ticket", "create", None) in audited
    with unit_of_work(factory) as s, pytest.raises(ConflictError):  # decided once
        release_quarantined_mail(s, actor_id=boss, quarantine_id=qid)


def test_a_release_that_still_cannot_be_read_is_refused_in_persian_and_changes_nothing(
    factory: sessionmaker[Session],
) -> None:
    boss, _agent, _c = _world(factory)
    qid = _quarantined(factory, b"Subject: no sender at all\r\n\r\nbody")
    with unit_of_work(factory) as s:
        before = latest_change_id(s)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="هنوز خوانا نیست"):
        release_quarantined_mail(s, actor_id=boss, quarantine_id=qid)
    with unit_of_work(factory) as s:
        row = s.get(MailQuarantine, qid)
        assert row is not None and row.handled_at is None
        assert s.scalar(select(func.count()).select_from(MailQuarantine)) == 1  # no second copy
        assert changes_since(s, before) == []
        assert len(list_quarantine(s, actor_id=boss)) == 1
    with unit_of_work(factory) as s, pytest.raises(ValidationError):
        release_quarantined_mail(s, actor_id=boss, quarantine_id=qid, charset="klingon")


def test_a_supervisor_marks_a_quarantined_mail_handled_it_is_kept_and_audited_agents_may_not(
    factory: sessionmaker[Session],
) -> None:
    boss, agent, _c = _world(factory)
    qid = _quarantined(factory, b"\x00\x01 not a mail")
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        dismiss_quarantined_mail(s, actor_id=agent, quarantine_id=qid)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        release_quarantined_mail(s, actor_id=agent, quarantine_id=qid)
    with unit_of_work(factory) as s:
        change = dismiss_quarantined_mail(s, actor_id=boss, quarantine_id=qid)
    assert (change.entity, change.entity_id, change.action, change.agent_id) == ("mail", qid, "dismiss", boss)
    with unit_of_work(factory) as s:
        row = s.get(MailQuarantine, qid)
        assert row is not None and row.outcome == "dismissed" and row.raw == b"\x00\x01 not a mail"
        assert list_quarantine(s, actor_id=boss) == []
    with unit_of_work(factory) as s, pytest.raises(ConflictError):
        dismiss_quarantined_mail(s, actor_id=boss, quarantine_id=qid)


def test_the_quarantine_says_in_persian_why_each_message_was_set_aside(
    factory: sessionmaker[Session],
) -> None:
    boss, _agent, _customer = _world(factory)
    no_sender = b"To: support@example.test\r\nSubject: x\r\nMessage-ID: <q-1@x>\r\n\r\nbody\r\n"
    _quarantined(factory, no_sender)
    _quarantined(factory, OUTLOOK)
    with unit_of_work(factory) as s:
        rows = list_quarantine(s, actor_id=boss)
    reasons = {q.error.split(":")[0]: q.reason for q in rows}
    assert reasons["unparsable"] == "نامه نشانی فرستنده ندارد."
    assert reasons["ValidationError"].startswith("نامه نویسه‌هایی دارد")
    assert all(not any("a" <= ch.lower() <= "z" for ch in q.reason) for q in rows)  # no English
    assert quarantine_reason("RuntimeError: boom") == "برنامه نتوانست این نامه را بخواند."

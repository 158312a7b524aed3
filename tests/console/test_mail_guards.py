"""Guards (issue 16 item 4, rule 12): auto-replies, bulk mail, bounces and our own mail make no ticket."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email.policy import default

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.mail import RULES, ingest_message
from console.mail.mailboxes import set_mail_limits
from console.mail.outbox import enqueue_mail
from console.models import Ticket
from console.models_mail import MailIn, MailOutbox
from tests.console import mail_world as w

ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _world(factory: sessionmaker[Session]) -> int:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example")
    return boss


def _counts(s: Session) -> tuple[int, int]:
    return (
        int(s.scalar(select(func.count()).select_from(Ticket)) or 0),
        int(s.scalar(select(func.count()).select_from(MailOutbox)) or 0),
    )


def test_rule12_the_order_of_the_rules_puts_every_guard_before_threading() -> None:
    names = [r.__name__ for r in RULES]
    guards = ["sender_is_our_address", "own_loop_detection", "bounce_check", "auto_response_check"]
    assert names[: len(guards)] == guards
    assert (
        names.index("follow_up_by_tag") < names.index("follow_up_by_references") < names.index("new_ticket")
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated"},
        {"X-Autoreply": "yes"},
        {"X-Autorespond": "vacation"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"Precedence": "list"},
        {"Precedence": "auto_reply"},
        {"X-Auto-Response-Suppress": "All"},
    ],
)
def test_rule12_auto_replies_and_bulk_mail_make_no_ticket_and_no_acknowledgement(
    factory: sessionmaker[Session], headers: dict[str, str]
) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(headers=headers), received_at=ARRIVAL)
        assert result.action == "ignored" and result.ticket_id is None
        assert _counts(s) == (0, 0)
        assert s.scalars(select(MailIn.status)).one() == "ignored"  # kept, never dropped


def test_auto_submitted_no_is_a_person_writing(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        assert ingest_message(s, w.mail(headers={"Auto-Submitted": "no"})).action == "new_ticket"


def test_mail_from_our_own_address_or_with_our_x_loop_is_ignored(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        ours = ingest_message(s, w.mail(sender="support@localhost"))
        looped = ingest_message(s, w.mail(headers={"X-Loop": "support@localhost"}))
        assert (ours.action, looped.action) == ("ignored", "ignored")
        assert _counts(s) == (0, 0)


def test_rule12_a_bounce_of_our_mail_marks_it_undelivered_with_the_reason_and_makes_no_ticket(
    factory: sessionmaker[Session],
) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        outbox_id = enqueue_mail(s, to="gone@customer.example", subject="پاسخ", text="متن", kind="reply")
        ours = s.get(MailOutbox, outbox_id)
        assert ours is not None
        raw = ours.raw
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.bounce(raw))
        row = s.get(MailOutbox, outbox_id)
        assert result.action == "bounce"
        assert row is not None and row.status == "undelivered" and "user unknown" in row.last_error
        assert _counts(s) == (0, 1)


def test_a_delayed_delivery_report_changes_nothing_it_is_still_trying(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        outbox_id = enqueue_mail(s, to="slow@customer.example", subject="پاسخ", text="متن", kind="reply")
        raw = s.get(MailOutbox, outbox_id).raw  # type: ignore[union-attr]
    with unit_of_work(factory) as s:
        assert ingest_message(s, w.bounce(raw, action="delayed")).action == "bounce"
        assert s.get(MailOutbox, outbox_id).status == "queued"  # type: ignore[union-attr]


def test_bounce_of_an_unknown_message_is_kept_as_a_bounce_and_no_ticket(
    factory: sessionmaker[Session],
) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.bounce(w.mail(sender="support@example.test")))
        assert result.action == "bounce" and _counts(s) == (0, 0)


def test_at_most_a_few_acknowledgements_per_sender_per_hour(factory: sessionmaker[Session]) -> None:
    boss = _world(factory)
    with unit_of_work(factory) as s:
        set_mail_limits(s, actor_id=boss, acknowledgements_per_hour=2, max_message_mb=20)
    with unit_of_work(factory) as s:
        results = [ingest_message(s, w.mail(subject=f"درخواست {i}")) for i in range(5)]
        assert [r.action for r in results] == ["new_ticket"] * 5
        acks = s.scalars(select(MailOutbox).where(MailOutbox.kind == "acknowledgement")).all()
    assert len(acks) == 2


def test_no_mail_loop_our_acknowledgement_coming_back_makes_nothing(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        ingest_message(s, w.mail())
        ack = s.scalars(select(MailOutbox)).one()
    # a forwarder on the customer's side sends our acknowledgement straight back to us
    returned = ack.raw.replace(b"To: ", b"X-Original-To: ", 1)
    with unit_of_work(factory) as s:
        assert ingest_message(s, returned).action in ("ignored", "duplicate")
        assert _counts(s) == (1, 1)
    parsed = email.message_from_bytes(ack.raw, policy=default)
    assert parsed["Auto-Submitted"] == "auto-replied"

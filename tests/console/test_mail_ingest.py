"""Mail in (issue 16, rules 11-12): new tickets, follow-ups, unknown senders, duplicates."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta
from email.policy import default

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.mail import ingest_message
from console.mail.unmatched import link_unmatched_mail, list_unmatched_mail
from console.models import Ticket, TicketMessage
from console.models_mail import MailIn, MailOutbox
from console.tickets import set_status
from tests.console import mail_world as w

ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # Tuesday 09:30 in Tehran: open hours


def _world(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        a = w.customer(s, boss, "C1", "ali@customer.example")
        b = w.customer(s, boss, "C2", "sara@other.example")
    return boss, a, b


def _count(s: Session, model: type) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_rule11_mail_from_a_contact_opens_a_ticket_for_its_customer_with_an_acknowledgement(
    factory: sessionmaker[Session],
) -> None:
    _boss, a, _b = _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(sender="Ali <ALI@Customer.Example>"), received_at=ARRIVAL)
    assert result.action == "new_ticket" and result.ticket_id is not None
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, result.ticket_id)
        assert ticket is not None and ticket.customer_id == a
        assert ticket.created_at == ARRIVAL and ticket.awaiting_since == ARRIVAL
        ack = s.scalars(select(MailOutbox)).one()
    assert ack.kind == "acknowledgement" and ack.to_address == "ALI@customer.example"
    msg = email.message_from_bytes(ack.raw, policy=default)
    assert f"[#{result.ticket_id}]" in msg["Subject"]
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    # 5 business hours from Tuesday 09:30 Tehran: 14:30 the same day, Jalali 1405/09/10
    assert "۱۴۰۵/۰۹/۱۰ ۱۴:۳۰" in text
    assert msg["Auto-Submitted"] == "auto-replied"


def test_rule12_tag_from_a_contact_of_that_customer_is_a_follow_up(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
    with unit_of_work(factory) as s:
        again = ingest_message(s, w.mail(subject=f"Re: [#{first.ticket_id}] مشکل"), received_at=ARRIVAL)
    assert again.action == "follow_up" and again.ticket_id == first.ticket_id


def test_rule12_tag_in_persian_digits_is_read(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
    persian = str(first.ticket_id).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    with unit_of_work(factory) as s:
        again = ingest_message(s, w.mail(subject=f"پاسخ: [#{persian}]"), received_at=ARRIVAL)
    assert again.action == "follow_up" and again.ticket_id == first.ticket_id


def test_rule12_tag_from_someone_not_a_contact_of_that_customer_never_attaches(
    factory: sessionmaker[Session],
) -> None:
    _boss, _a, b = _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
    tag = f"[#{first.ticket_id}]"
    with unit_of_work(factory) as s:
        stranger = ingest_message(s, w.mail(sender="eve@evil.example", subject=tag), received_at=ARRIVAL)
        other = ingest_message(s, w.mail(sender="sara@other.example", subject=tag), received_at=ARRIVAL)
    assert stranger.action == "unmatched" and stranger.ticket_id is None
    assert other.action == "new_ticket" and other.ticket_id != first.ticket_id
    with unit_of_work(factory) as s:
        assert s.get(Ticket, other.ticket_id).customer_id == b  # type: ignore[union-attr]
        messages = s.scalar(
            select(func.count()).select_from(TicketMessage).where(TicketMessage.ticket_id == first.ticket_id)
        )
    assert messages == 1


def test_rule12_in_reply_to_our_acknowledgement_is_a_follow_up_without_a_tag(
    factory: sessionmaker[Session],
) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
        ack_id = s.scalars(select(MailOutbox.message_id)).one()
    with unit_of_work(factory) as s:
        again = ingest_message(s, w.mail(subject="بدون شماره", in_reply_to=ack_id), received_at=ARRIVAL)
    assert again.action == "follow_up" and again.ticket_id == first.ticket_id


def test_rule12_references_to_the_customers_own_mail_join_its_ticket(factory: sessionmaker[Session]) -> None:
    _world(factory)
    original = "<first@customer.example>"
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(message_id=original), received_at=ARRIVAL)
    with unit_of_work(factory) as s:
        again = ingest_message(
            s, w.mail(subject="ادامه", references=["<x@y.example>", original]), received_at=ARRIVAL
        )
    assert again.action == "follow_up" and again.ticket_id == first.ticket_id


def test_rule1_follow_up_on_a_ticket_waiting_on_the_customer_starts_a_new_deadline_from_arrival(
    factory: sessionmaker[Session],
) -> None:
    boss, _a, _b = _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
    assert first.ticket_id is not None
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None
        set_status(s, actor_id=boss, ticket_id=ticket.id, status="waiting", expected_version=ticket.version)
    later = ARRIVAL + timedelta(hours=3)
    with unit_of_work(factory) as s:
        ingest_message(s, w.mail(subject=f"[#{first.ticket_id}]"), received_at=later)
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.status == "open" and ticket.awaiting_since == later


def test_follow_up_on_a_resolved_ticket_reopens_it(factory: sessionmaker[Session]) -> None:
    boss, _a, _b = _world(factory)
    with unit_of_work(factory) as s:
        first = ingest_message(s, w.mail(), received_at=ARRIVAL)
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None
        set_status(s, actor_id=boss, ticket_id=ticket.id, status="resolved", expected_version=ticket.version)
    with unit_of_work(factory) as s:
        again = ingest_message(s, w.mail(subject=f"[#{first.ticket_id}] باز هم"), received_at=ARRIVAL)
        assert again.action == "follow_up"
        assert s.get(Ticket, first.ticket_id).status == "open"  # type: ignore[union-attr]


def test_rule11_unknown_sender_is_kept_and_linked_by_an_agent_with_deadline_from_arrival(
    factory: sessionmaker[Session],
) -> None:
    boss, a, _b = _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(sender="Reza <reza@newco.example>"), received_at=ARRIVAL)
        assert _count(s, Ticket) == 0 and _count(s, MailOutbox) == 0
    assert result.action == "unmatched"
    with unit_of_work(factory) as s:
        (waiting,) = list_unmatched_mail(s)
        assert waiting.from_address == "reza@newco.example" and waiting.received_at == ARRIVAL
    with unit_of_work(factory) as s:
        linked = link_unmatched_mail(s, actor_id=boss, mail_id=waiting.id, customer_id=a, add_contact=True)
        ticket_id = linked.ticket_id
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None and ticket.customer_id == a and ticket.awaiting_since == ARRIVAL
        assert list_unmatched_mail(s) == []
    # the sender is now a contact: the next mail finds the customer by itself
    with unit_of_work(factory) as s:
        nxt = ingest_message(s, w.mail(sender="reza@newco.example", subject="دوباره"), received_at=ARRIVAL)
    assert nxt.action == "new_ticket"


def test_same_message_id_twice_is_one_message(factory: sessionmaker[Session]) -> None:
    _world(factory)
    raw = w.mail(message_id="<same@customer.example>")
    with unit_of_work(factory) as s:
        first = ingest_message(s, raw, received_at=ARRIVAL)
    with unit_of_work(factory) as s:
        second = ingest_message(s, raw, mailbox="sales", received_at=ARRIVAL)
        assert _count(s, Ticket) == 1 and _count(s, MailIn) == 1
    assert first.action == "new_ticket" and second.action == "duplicate"


def test_reply_all_to_two_of_our_addresses_makes_one_ticket(factory: sessionmaker[Session]) -> None:
    _world(factory)
    one = w.mail(message_id="<ra@customer.example>", to="support@example.test, sales@example.test")
    other = b"Received: from mx2 by sales; Tue, 1 Dec 2026 06:00:01 +0000\r\n" + one
    with unit_of_work(factory) as s:
        assert ingest_message(s, one).action == "new_ticket"
        assert ingest_message(s, other, mailbox="sales").action == "duplicate"
        assert _count(s, Ticket) == 1


def test_mail_without_message_id_is_deduplicated_by_its_content(factory: sessionmaker[Session]) -> None:
    _world(factory)
    raw = w.mail(message_id=None)
    with unit_of_work(factory) as s:
        assert ingest_message(s, raw).action == "new_ticket"
    with unit_of_work(factory) as s:
        assert ingest_message(s, raw).action == "duplicate"
        assert ingest_message(s, w.mail(message_id=None, body="متن دیگر")).action == "new_ticket"
        assert _count(s, Ticket) == 2


def test_a_mail_carrying_nul_characters_is_still_taken_in_without_them(
    factory: sessionmaker[Session],
) -> None:
    """Nothing received is lost: NULs (refused by the database) are dropped from the mail's text."""
    _world(factory)
    raw = w.mail(subject="ورود", body="سلام\x00 دنیا")
    with unit_of_work(factory) as s:
        result = ingest_message(s, raw, received_at=ARRIVAL)
    assert result.action == "new_ticket" and result.ticket_id is not None
    with unit_of_work(factory) as s:
        bodies = s.scalars(
            select(TicketMessage.body).where(TicketMessage.ticket_id == result.ticket_id)
        ).all()
    assert bodies == ["سلام دنیا"]


def test_rule11_mail_set_aside_is_audited_and_linking_returns_every_change_it_made(
    factory: sessionmaker[Session],
) -> None:
    """Other PCs' "from unknown senders" view follows the audit trail: taking in an unknown
    sender's mail writes an entry (by nobody: the worker), and a link returns its entries (the
    ticket, the contact, the link) for the app to announce."""
    from console.audit import changes_since, latest_change_id
    from console.customers import list_contacts

    boss, a, _b = _world(factory)
    with unit_of_work(factory) as s:
        before = latest_change_id(s)
        result = ingest_message(s, w.mail(sender="Reza <reza@newco.example>"), received_at=ARRIVAL)
    with unit_of_work(factory) as s:
        (entry,) = changes_since(s, before)
    assert (entry.entity, entry.entity_id, entry.action, entry.agent_id) == (
        "mail",
        result.mail_id,
        "unmatched",
        None,
    )
    with unit_of_work(factory) as s:
        (contact,) = list_contacts(s, a)
        linked = link_unmatched_mail(
            s,
            actor_id=boss,
            mail_id=entry.entity_id or 0,
            customer_id=a,
            add_contact=True,
            contact_id=contact.id,
        )
    assert linked.contact_id == contact.id
    assert [(c.entity, c.action) for c in linked.changes] == [
        ("ticket", "create"),
        ("contact", linked.changes[1].action),
        ("ticket", linked.changes[2].action),
        ("mail", "link"),
    ]
    assert linked.changes[-1] is linked.change and linked.change.entity_id == result.mail_id
    assert linked.changes[0].entity_id == linked.ticket_id
    with unit_of_work(factory) as s:
        recorded = changes_since(s, entry.id)
    assert {c.id for c in linked.changes} <= {c.id for c in recorded}  # what it returned is what it wrote

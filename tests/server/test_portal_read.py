"""The portal's read of a ticket (two queries, the deadline reckoned from them) says what the app's
own reads say: the same public messages and authors, and the same response deadline as
console.sla.ticket_deadline, through a wait, a reply, and the customer writing again."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import NotFoundError
from console.office.portal import portal_ticket
from console.sla import load_calendar_view, response_target, ticket_deadline
from console.tickets import add_customer_message, add_note, create_ticket, get_queue_row, reply, ticket_detail
from tests.server.office_world import make_office

Factory = sessionmaker[Session]


def _same_as_the_app(s: Session, tid: int, now: datetime) -> None:
    view, target = load_calendar_view(s), response_target(s)
    portal = portal_ticket(s, tid, now, view, target)
    deadline = ticket_deadline(s, tid, now, view)
    assert (portal.deadline_state, portal.response_due) == (str(deadline.state), deadline.due)
    assert portal_ticket(s, tid, now) == portal  # without the cached calendar and target: the same
    public = [
        (m.id, m.kind, m.author, m.body, m.created_at)
        for m in ticket_detail(s, tid).messages
        if m.kind in ("customer", "agent")
    ]
    assert [(m.id, m.kind, m.author, m.body, m.created_at) for m in portal.messages] == public


def test_rule1_portal_read_gives_the_apps_messages_and_response_deadline(factory: Factory) -> None:
    office = make_office(factory)
    with unit_of_work(factory, write_lock=True) as s:
        tid, _ = create_ticket(
            s, actor_id=None, customer_id=office.customer, subject="گزارش", category="technical", body="سلام"
        )
        add_note(s, actor_id=office.agent, ticket_id=tid, body="یادداشت داخلی")
    base = datetime.now(TEHRAN)
    with unit_of_work(factory) as s:
        for hours in (0, 3, 30, 24 * 9):  # waiting: running, later maybe breached
            _same_as_the_app(s, tid, base + timedelta(hours=hours))
        assert [m.kind for m in portal_ticket(s, tid, base).messages] == ["customer"]  # no note
        assert portal_ticket(s, tid, base).messages[0].author == "شرکت نمونه"
    with unit_of_work(factory, write_lock=True) as s:
        reply(
            s,
            actor_id=office.agent,
            ticket_id=tid,
            body="حل شد",
            expected_version=get_queue_row(s, tid).version,
        )
    with unit_of_work(factory) as s:
        _same_as_the_app(s, tid, base + timedelta(hours=1))  # answered: met (the last answered wait)
        assert portal_ticket(s, tid, base).messages[-1].author == "علی کارشناس"
    with unit_of_work(factory, write_lock=True) as s:
        add_customer_message(s, actor_id=None, ticket_id=tid, body="باز هم")
    with unit_of_work(factory) as s:
        _same_as_the_app(s, tid, base + timedelta(hours=2))  # a new wait
        with pytest.raises(NotFoundError):
            portal_ticket(s, 999_999, base)

"""Tickets and response deadlines (rule 1 of docs/rules.md) on real databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import add_closure, seed_calendar
from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import ConflictError, NotFoundError, ValidationError
from console.models import Agent, Customer, Ticket, TicketMessage
from console.queue import load_queue, load_rows, urgency
from console.sla import DeadlineState, PauseReason, load_calendar_view, ticket_deadline
from console.tickets import (
    add_customer_message,
    add_note,
    claim,
    create_ticket,
    get_queue_row,
    reply,
    search_ticket_ids,
    set_status,
)

# Tuesday 3 Azar 1405 (2026-11-24), 10:00 in Tehran: an ordinary working morning
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, TUESDAY_10.date())
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی", role="agent")
        sara = Agent(username="sara", full_name="سارا", role="agent")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, ali, sara, c])
        s.flush()
        return {"boss": boss.id, "ali": ali.id, "sara": sara.id, "customer": c.id}


def _new(
    factory: sessionmaker[Session], world: dict[str, int], at: datetime, category: str = "technical"
) -> int:
    with unit_of_work(factory) as s:
        tid, _ = create_ticket(
            s,
            actor_id=world["ali"],
            customer_id=world["customer"],
            subject="خطا",
            category=category,
            body="سلام",
            at=at,
        )
    return tid


def test_rule1_first_response_due_five_business_hours_after_creation(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    with unit_of_work(factory) as s:
        d = ticket_deadline(s, tid, TUESDAY_10 + timedelta(hours=1))
    assert d.state is DeadlineState.RUNNING
    assert d.due == datetime(2026, 11, 24, 15, 0, tzinfo=TEHRAN)
    assert d.left == timedelta(hours=4)


def test_rule1_deadline_pauses_overnight_and_says_when_it_resumes(factory, world) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 11, 24, 15, 0, tzinfo=TEHRAN)  # 2 business hours left today
    tid = _new(factory, world, start)
    with unit_of_work(factory) as s:
        d = ticket_deadline(s, tid, datetime(2026, 11, 24, 20, 0, tzinfo=TEHRAN))
    assert d.state is DeadlineState.PAUSED
    assert d.left == timedelta(hours=3)
    assert d.closed is not None and d.closed.reason is PauseReason.AFTER_HOURS
    assert d.closed.resumes_at == datetime(2026, 11, 25, 8, 0, tzinfo=TEHRAN)
    assert d.due == datetime(2026, 11, 25, 11, 0, tzinfo=TEHRAN)


def test_rule2_thursday_half_day_then_friday_closed_day(factory, world) -> None:  # type: ignore[no-untyped-def]
    thursday_noon = datetime(2026, 11, 26, 12, 0, tzinfo=TEHRAN)
    tid = _new(factory, world, thursday_noon)
    with unit_of_work(factory) as s:
        d = ticket_deadline(s, tid, datetime(2026, 11, 27, 10, 0, tzinfo=TEHRAN))  # Friday
    assert d.closed is not None and d.closed.reason is PauseReason.CLOSED_DAY
    assert d.due == datetime(2026, 11, 28, 12, 0, tzinfo=TEHRAN)  # 1 h Thursday + 4 h Saturday


def test_rule2_closure_pauses_with_its_reason_and_every_deadline_follows(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    with unit_of_work(factory) as s:
        add_closure(
            s,
            actor_id=world["boss"],
            starts_at=datetime(2026, 11, 24, 11, 0, tzinfo=TEHRAN),
            ends_at=datetime(2026, 11, 24, 17, 0, tzinfo=TEHRAN),
            reason="تعطیلی اعلام‌شده",
        )
    with unit_of_work(factory) as s:
        d = ticket_deadline(s, tid, datetime(2026, 11, 24, 12, 0, tzinfo=TEHRAN))
    assert d.closed is not None and d.closed.reason is PauseReason.CLOSURE
    assert d.closed.detail == "تعطیلی اعلام‌شده"
    assert d.due == datetime(2026, 11, 25, 12, 0, tzinfo=TEHRAN)


def test_rule1_reply_stops_the_deadline_and_counts_as_met(factory, world) -> None:  # type: ignore[no-untyped-def]
    # the reply takes the server's clock, so the ticket arrives just before it
    tid = _new(factory, world, datetime.now(UTC) - timedelta(minutes=1))
    with unit_of_work(factory) as s:
        version = get_queue_row(s, tid).version
        reply(s, actor_id=world["ali"], ticket_id=tid, body="بررسی شد", expected_version=version)
    with unit_of_work(factory) as s:
        row = get_queue_row(s, tid)
        d = ticket_deadline(s, tid, datetime.now(UTC) + timedelta(days=3))
        msg = s.scalars(select(TicketMessage).where(TicketMessage.kind == "customer")).one()
    assert row.awaiting_since is None and row.status == "waiting"
    assert msg.answered_at is not None
    assert d.state is DeadlineState.MET


def test_rule1_customer_message_reopens_and_starts_a_new_deadline(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10 - timedelta(hours=1))
    with unit_of_work(factory) as s:
        set_status(
            s,
            actor_id=world["ali"],
            ticket_id=tid,
            status="resolved",
            expected_version=get_queue_row(s, tid).version,
        )
    later = datetime(2026, 11, 25, 9, 0, tzinfo=TEHRAN)
    with unit_of_work(factory) as s:
        add_customer_message(s, actor_id=None, ticket_id=tid, body="باز هم خطا", at=later)
    with unit_of_work(factory) as s:
        row = get_queue_row(s, tid)
        d = ticket_deadline(s, tid, later)
    assert row.status == "open" and row.awaiting_since == later
    assert d.due == datetime(2026, 11, 25, 14, 0, tzinfo=TEHRAN)


def test_rule1_no_deadline_runs_while_waiting_on_customer(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    with unit_of_work(factory) as s:
        set_status(
            s,
            actor_id=world["ali"],
            ticket_id=tid,
            status="waiting",
            expected_version=get_queue_row(s, tid).version,
        )
    with unit_of_work(factory) as s:
        snap = load_queue(s)
    assert snap.due_clock == [None]


def test_stale_edit_is_refused_and_changes_nothing(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    with unit_of_work(factory) as s:
        seen = get_queue_row(s, tid).version
    with unit_of_work(factory) as s:
        set_status(s, actor_id=world["sara"], ticket_id=tid, status="waiting", expected_version=seen)
    with pytest.raises(ConflictError), unit_of_work(factory) as s:
        reply(s, actor_id=world["ali"], ticket_id=tid, body="پاسخ دیرهنگام", expected_version=seen)
    with unit_of_work(factory) as s:
        kinds = [m.kind for m in s.scalars(select(TicketMessage).where(TicketMessage.ticket_id == tid))]
        assert kinds == ["customer"]
        assert get_queue_row(s, tid).status == "waiting"


def test_claim_conflict_names_who_took_it(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    # two PCs: both saw it unassigned; the first claim wins
    with unit_of_work(factory) as first, unit_of_work(factory) as second:
        claim(first, actor_id=world["sara"], ticket_id=tid)
        first.commit()
        with pytest.raises(ConflictError) as info:
            claim(second, actor_id=world["ali"], ticket_id=tid)
    assert "سارا" in info.value.message
    with unit_of_work(factory) as s:
        assert s.get(Ticket, tid).assigned_agent_id == world["sara"]  # type: ignore[union-attr]


def test_bad_input_is_refused_in_persian_and_changes_nothing(factory, world) -> None:  # type: ignore[no-untyped-def]
    cases = [
        dict(customer_id=999, subject="x", category="technical", body="x"),
        dict(customer_id=None, subject="x", category="technical", body="x"),
        dict(customer_id=world["customer"], subject="", category="technical", body="x"),
        dict(customer_id=world["customer"], subject="x", category="nonsense", body="x"),
        dict(customer_id=world["customer"], subject="x" * 301, category="technical", body="x"),
        dict(customer_id=world["customer"], subject="x", category="technical", body="   "),
    ]
    for case in cases:
        with pytest.raises((ValidationError, NotFoundError)) as info, unit_of_work(factory) as s:
            create_ticket(s, actor_id=world["ali"], **case)  # type: ignore[arg-type]
        assert any("\u0600" <= ch <= "\u06ff" for ch in info.value.message)
    with unit_of_work(factory) as s:
        assert s.scalars(select(Ticket)).all() == []


def test_sql_looking_text_is_stored_as_text(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = _new(factory, world, TUESDAY_10)
    evil = "'; DROP TABLE tickets; --"
    with unit_of_work(factory) as s:
        add_note(s, actor_id=world["ali"], ticket_id=tid, body=evil)
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "DROP TABLE") == [tid]
        assert s.get(Ticket, tid) is not None


def test_queue_snapshot_gives_time_left_with_one_subtraction(factory, world) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 24, 15, 0, tzinfo=TEHRAN)
    created = [now, datetime(2026, 11, 24, 10, 5, tzinfo=TEHRAN), datetime(2026, 11, 24, 9, 0, tzinfo=TEHRAN)]
    tids = [_new(factory, world, at) for at in created]
    with unit_of_work(factory) as s:
        snap = load_queue(s)
        view = load_calendar_view(s)
    b_now = view.calendar.business_clock(now.timestamp())
    lefts = {r.id: d - b_now for r, d in zip(snap.rows, snap.due_clock, strict=True) if d is not None}
    with unit_of_work(factory) as s:
        for tid in tids:
            exact = ticket_deadline(s, tid, now).left
            assert exact is not None and abs(lefts[tid] - exact.total_seconds()) < 1e-6
    assert [urgency(lefts[t]) for t in tids] == ["calm", "quarter", "breached"]
    with unit_of_work(factory) as s:
        set_status(
            s,
            actor_id=world["ali"],
            ticket_id=tids[0],
            status="closed",
            expected_version=get_queue_row(s, tids[0]).version,
        )
        rows, gone = load_rows(s, tids)
    assert gone == [tids[0]] and {r.id for r in rows} == set(tids[1:])

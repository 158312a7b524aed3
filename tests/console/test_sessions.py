"""Session timer services (rules 3-6, 8, 9): quote, start, pause, stop, recovery, concurrency.

Every test runs on a temporary SQLite file and on the real PostgreSQL server (the ``factory``
fixture). Durations are made deterministic with rows inserted with chosen (backdated) times, or an
explicit ``stop_at``: a row started ``N minutes - 30 s`` ago and stopped on the server clock bills N
minutes with a 1-minute increment (as long as the stop comes within 30 s).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from console.audit import latest_change_id
from console.db import server_now, unit_of_work
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import local_date
from console.ledger import record_purchase
from console.models import Agent, AuditEntry, Customer, LedgerEntry, Ticket, WorkSession
from console.sessions import (
    OpenSessionConflictError,
    StoppedSession,
    current_session,
    heartbeat,
    list_sessions,
    orphaned_sessions,
    pause_session,
    quote_session,
    recover_session,
    resume_session,
    start_session,
    stop_session,
)
from console.settings import set_setting

Factory = sessionmaker[Session]


# --------------------------------------------------------------------------------------------------
# Helpers: a small world of agents, customers, packages and tickets
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    supervisor: int
    agents: tuple[int, ...]
    customer: int
    other_customer: int
    today: date


def _world(factory: Factory, agents: int = 2) -> World:
    with unit_of_work(factory) as s:
        sup = Agent(username="sup", full_name="سرپرست", role="supervisor", active=True)
        people = [Agent(username=f"a{i}", full_name=f"کارشناس {i}", role="agent") for i in range(agents)]
        customer = Customer(code="C1", name="شرکت نمونه")
        other = Customer(code="C2", name="شرکت دیگر")
        s.add_all([sup, *people, customer, other])
        s.flush()
        return World(sup.id, tuple(a.id for a in people), customer.id, other.id, local_date(server_now(s)))


def _buy(factory: Factory, w: World, minutes: int, days_ago: int, kind: str = "support") -> int:
    with unit_of_work(factory) as s:
        package_id, _ = record_purchase(
            s,
            actor_id=w.supervisor,
            customer_id=w.customer,
            kind=kind,
            minutes=minutes,
            purchased_on=w.today - timedelta(days=days_ago),
            reference=f"P-{minutes}-{days_ago}",
            today=w.today,
        )
        return package_id


def _ticket(
    factory: Factory, customer_id: int, category: str, status: str = "open", subject: str = ""
) -> int:
    with unit_of_work(factory) as s:
        now = server_now(s)
        t = Ticket(
            customer_id=customer_id,
            subject=subject or f"درخواست {category}",
            category=category,
            status=status,
            created_at=now,
            updated_at=now,
        )
        s.add(t)
        s.flush()
        return t.id


def _backdated(
    factory: Factory,
    agent_id: int,
    customer_id: int,
    *,
    seconds_ago: float,
    channel: str = "phone",
    kind: str = "support",
    billing: str = "package",
    state: str = "running",
    paused_seconds: int = 0,
    paused_ago: float | None = None,
    heartbeat_ago: float = 0,
) -> int:
    """A running (or paused) session row started ``seconds_ago`` by the server clock."""
    with unit_of_work(factory, write_lock=True) as s:
        now = server_now(s)
        ws = WorkSession(
            agent_id=agent_id,
            customer_id=customer_id,
            channel=channel,
            kind=kind,
            billing=billing,
            state=state,
            started_at=now - timedelta(seconds=seconds_ago),
            heartbeat_at=now - timedelta(seconds=heartbeat_ago),
            paused_at=None if paused_ago is None else now - timedelta(seconds=paused_ago),
            paused_seconds=paused_seconds,
            note="",
            flagged=False,
        )
        s.add(ws)
        s.flush()
        return ws.id


def _minutes_ago(minutes: int) -> float:
    """Backdating that bills exactly ``minutes`` at a 1-minute increment when stopped within 30 s."""
    return minutes * 60 - 30


def _balance(factory: Factory, package_id: int) -> int:
    with unit_of_work(factory) as s:
        total = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == package_id))
        return int(total or 0)


def _ledger(factory: Factory) -> list[tuple[str, int | None, int | None, int]]:
    with unit_of_work(factory) as s:
        rows = s.execute(
            select(
                LedgerEntry.kind, LedgerEntry.package_id, LedgerEntry.session_id, LedgerEntry.minutes
            ).order_by(LedgerEntry.id)
        )
        return [(k, p, sid, m) for k, p, sid, m in rows.tuples()]


def _stop(
    factory: Factory,
    agent_id: int,
    session_id: int,
    *,
    stop_at: datetime | None = None,
    reason: str | None = None,
    day_end: datetime | None = None,
) -> StoppedSession:
    with unit_of_work(factory, write_lock=True) as s:
        return stop_session(
            s, agent_id=agent_id, session_id=session_id, stop_at=stop_at, reason=reason, day_end=day_end
        )


def _is_pg(factory: Factory) -> bool:
    with factory() as s:
        return s.get_bind().dialect.name == "postgresql"


# --------------------------------------------------------------------------------------------------
# Rule 3: free support, by ticket only
# --------------------------------------------------------------------------------------------------


def test_rule3_ticket_channel_with_only_free_tickets_is_free(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "portal"), _ticket(factory, w.customer, "features")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[t1, t2],
            today=w.today,
        )
    assert q.billing == "free"
    assert q.package_id is None
    assert q.needs_confirmation is False


@pytest.mark.parametrize("channel", ["phone", "remote"])
def test_rule3_free_categories_by_phone_or_remote_are_not_free(factory: Factory, channel: str) -> None:
    w = _world(factory)
    t1 = _ticket(factory, w.customer, "availability")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel=channel,
            kind="support",
            ticket_ids=[t1],
            today=w.today,
        )
    assert q.billing == "extra"
    assert q.needs_confirmation is True


def test_rule3_ticket_with_a_paid_category_makes_the_ticket_session_paid(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "portal"), _ticket(factory, w.customer, "technical")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[t1, t2],
            today=w.today,
        )
    assert (q.billing, q.package_id) == ("package", package)


def test_rule3_free_session_deducts_nothing(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    ticket = _ticket(factory, w.customer, "portal")
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[ticket],
            confirm_extra=False,
        )
    assert running.billing == "free"
    assert running.balance_minutes_before is None
    assert running.balance_left_at(3600) is None
    with unit_of_work(factory, write_lock=True) as s:
        s.execute(
            update(WorkSession)
            .where(WorkSession.id == running.id)
            .values(started_at=running.started_at - timedelta(minutes=20))
        )
    stopped = _stop(factory, w.agents[0], running.id)
    assert stopped.billable_minutes == 0
    assert stopped.duration_seconds >= 20 * 60
    assert _balance(factory, package) == 60
    assert [e[0] for e in _ledger(factory)] == ["purchase"]


# --------------------------------------------------------------------------------------------------
# Rule 4: support packages; no valid package means billable extra hours, said before the start
# --------------------------------------------------------------------------------------------------


def test_rule4_quote_names_the_first_expiring_package_and_total_balance(factory: Factory) -> None:
    w = _world(factory)
    later = _buy(factory, w, 100, days_ago=10)  # bought later, expires later; created first
    sooner = _buy(factory, w, 30, days_ago=200)
    _buy(factory, w, 500, days_ago=3, kind="training")  # another kind: not counted
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert later != sooner
    assert (q.billing, q.package_id, q.package_balance_minutes) == ("package", sooner, 30)
    assert q.package_expires_on is not None and q.package_expires_on > w.today
    assert q.total_balance_minutes == 130
    assert q.needs_confirmation is False
    assert "۳۰" in q.message


def test_rule4_phone_without_package_needs_confirmation(factory: Factory) -> None:
    w = _world(factory)
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert q.billing == "extra"
    assert q.needs_confirmation is True
    assert q.total_balance_minutes == 0
    assert "مازاد" in q.message


def test_rule4_expired_or_used_up_packages_do_not_pay(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=400)  # past its Jalali anniversary: expired
    used = _buy(factory, w, 10, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(10))
    _stop(factory, w.agents[0], sid)
    assert _balance(factory, used) == 0
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert (q.billing, q.needs_confirmation, q.total_balance_minutes) == ("extra", True, 0)


def test_rule4_start_refuses_extra_without_confirmation_and_changes_nothing(factory: Factory) -> None:
    w = _world(factory)
    with unit_of_work(factory) as s:
        before = latest_change_id(s)
    with pytest.raises(ValidationError) as info, unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    assert "تأیید" in info.value.message
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(WorkSession)) == 0
        assert latest_change_id(s) == before
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        )
    assert running.billing == "extra"
    assert running.balance_minutes_before == 0


def test_rule4_stop_updates_the_row_and_records_its_audit_entry_with_the_values(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    with unit_of_work(factory, write_lock=True) as s:
        stopped = stop_session(s, agent_id=w.agents[0], session_id=running.id)
    with unit_of_work(factory) as s:
        audit = s.get_one(AuditEntry, stopped.change.id)
        row = s.get_one(WorkSession, running.id)
    assert (audit.entity, audit.entity_id, audit.action, audit.agent_id) == (
        "session",
        running.id,
        "stop",
        w.agents[0],
    )
    assert audit.at == stopped.change.at == stopped.stopped_at
    after = json.loads(audit.after or "{}")
    assert after["billable_minutes"] == stopped.billable_minutes == row.billable_minutes == 1
    assert json.loads(audit.before or "{}")["state"] == "running"
    assert (row.state, row.stopped_at, row.paused_at, row.flagged) == (
        "stopped",
        stopped.stopped_at,
        None,
        False,
    )
    assert row.agent_id == w.agents[0]  # the audit entry's agent is not written into the row


def test_rule4_start_uses_the_server_clock_and_records_an_audit_entry(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "technical"), _ticket(factory, w.customer, "guidance")
    with unit_of_work(factory) as s:
        t0 = server_now(s)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[t2, t1, t2],
            confirm_extra=False,
            note="  تماس  ",
        )
    with unit_of_work(factory) as s:
        t1_now = server_now(s)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "session")).one()
    assert t0 <= running.started_at <= t1_now
    assert running.heartbeat_at == running.started_at
    assert (running.state, running.billing, running.note) == ("running", "package", "تماس")
    assert running.ticket_ids == tuple(sorted((t1, t2)))
    assert (running.balance_minutes_before, running.change is not None) == (60, True)
    assert (audit.action, audit.entity_id, audit.agent_id) == ("start", running.id, w.agents[0])


def test_rule4_tickets_must_belong_to_the_customer(factory: Factory) -> None:
    w = _world(factory)
    foreign = _ticket(factory, w.other_customer, "technical")
    with pytest.raises(ValidationError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[foreign],
            confirm_extra=True,
        )
    with pytest.raises(NotFoundError), unit_of_work(factory) as s:
        quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[987654],
            today=w.today,
        )


def test_unknown_customer_is_not_found(factory: Factory) -> None:
    w = _world(factory)
    with pytest.raises(NotFoundError) as info, unit_of_work(factory) as s:
        quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=987654,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert "مشتری" in info.value.message
    with pytest.raises(NotFoundError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            agent_id=w.agents[0],
            customer_id=987654,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        )


def test_bad_channel_or_kind_is_refused(factory: Factory) -> None:
    w = _world(factory)
    for channel, kind in [("fax", "support"), ("phone", "sales")]:
        with pytest.raises(ValidationError), unit_of_work(factory) as s:
            quote_session(
                s,
                agent_id=w.agents[0],
                customer_id=w.customer,
                channel=channel,
                kind=kind,
                ticket_ids=[],
                today=w.today,
            )


# --------------------------------------------------------------------------------------------------
# Rules 5 and 6: training packages are separate; sales categories are not timed
# --------------------------------------------------------------------------------------------------


def test_rule5_training_time_comes_from_a_training_package(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 300, days_ago=5)
    training = _buy(factory, w, 120, days_ago=5, kind="training")
    ticket = _ticket(factory, w.customer, "training")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="training",
            ticket_ids=[ticket],
            today=w.today,
        )
    assert (q.billing, q.package_id, q.total_balance_minutes) == ("package", training, 120)
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[ticket],
            today=w.today,
        )
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(20), kind="training")
    _stop(factory, w.agents[0], sid)
    assert _balance(factory, training) == 100


@pytest.mark.parametrize("category", ["analysis_design", "onsite", "comprehensive_training"])
def test_rule6_sales_categories_are_refused(factory: Factory, category: str) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    ticket = _ticket(factory, w.customer, category)
    with pytest.raises(ValidationError) as info, unit_of_work(factory) as s:
        quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[ticket],
            today=w.today,
        )
    assert "فروش" in info.value.message
    with pytest.raises(ValidationError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[ticket],
            confirm_extra=True,
        )
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(WorkSession)) == 0


# --------------------------------------------------------------------------------------------------
# Rule 9: one call covers several tickets
# --------------------------------------------------------------------------------------------------


def test_rule9_quote_offers_the_customers_other_open_tickets(factory: Factory) -> None:
    w = _world(factory)
    linked = _ticket(factory, w.customer, "technical", subject="خطای ورود")
    waiting = _ticket(factory, w.customer, "guidance", status="waiting", subject="گزارش")
    free = _ticket(factory, w.customer, "portal", subject="پورتال")
    _ticket(factory, w.customer, "technical", status="closed")
    _ticket(factory, w.customer, "onsite")  # sent to sales: cannot be covered
    _ticket(factory, w.customer, "training")  # another package kind
    _ticket(factory, w.other_customer, "technical")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[linked],
            today=w.today,
        )
    assert q.other_open_tickets == ((waiting, "گزارش", "guidance"), (free, "پورتال", "portal"))


# --------------------------------------------------------------------------------------------------
# One open session per agent
# --------------------------------------------------------------------------------------------------


def test_one_open_session_per_agent(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=5)

    def start(agent: int) -> int:
        with unit_of_work(factory, write_lock=True) as s:
            return start_session(
                s,
                agent_id=agent,
                customer_id=w.customer,
                channel="phone",
                kind="support",
                ticket_ids=[],
                confirm_extra=False,
            ).id

    first = start(w.agents[0])
    with pytest.raises(OpenSessionConflictError) as info:
        start(w.agents[0])
    assert info.value.session_id == first
    assert "شرکت نمونه" in info.value.message
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert q.open_session_id == first
    start(w.agents[1])  # another agent is not affected
    with unit_of_work(factory, write_lock=True) as s:
        pause_session(s, agent_id=w.agents[0], session_id=first)
    with pytest.raises(ConflictError):
        start(w.agents[0])  # a paused session is still open
    _stop(factory, w.agents[0], first)
    assert start(w.agents[0]) != first


def test_one_open_session_per_agent_race_lost_on_the_index_is_a_conflict(factory: Factory) -> None:
    """Two PCs start for one agent at once: the partial unique index refuses the second."""
    if not _is_pg(factory):
        pytest.skip("SQLite serialises starts at BEGIN IMMEDIATE: the race cannot happen there")
    w = _world(factory)
    outcome: list[BaseException] = []

    def second_pc() -> None:
        try:
            with unit_of_work(factory, write_lock=True) as s:
                start_session(
                    s,
                    agent_id=w.agents[0],
                    customer_id=w.customer,
                    channel="phone",
                    kind="support",
                    ticket_ids=[],
                    confirm_extra=True,
                )
        except BaseException as exc:
            outcome.append(exc)

    first = factory()
    try:
        winner = start_session(
            first,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        )
        thread = threading.Thread(target=second_pc)
        thread.start()
        _wait_for(lambda: _backends_waiting_on_locks(factory) >= 1)
        first.commit()
    finally:
        first.close()
    thread.join(timeout=30)
    assert len(outcome) == 1 and isinstance(outcome[0], OpenSessionConflictError)
    assert outcome[0].session_id == winner.id
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(WorkSession)) == 1


def _backends_waiting_on_locks(factory: Factory) -> int:
    with unit_of_work(factory) as s:
        query = (
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return int(s.execute(text(query)).scalar_one())


def _wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


# --------------------------------------------------------------------------------------------------
# Rule 8: durations, pauses, rounding, deduction order, overage
# --------------------------------------------------------------------------------------------------


def test_rule8_pause_and_resume_accumulate_paused_seconds(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=600)
    with unit_of_work(factory, write_lock=True) as s:
        paused = pause_session(s, agent_id=w.agents[0], session_id=sid)
    assert paused.state == "paused" and paused.paused_at is not None
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        pause_session(s, agent_id=w.agents[0], session_id=sid)
    # While paused the elapsed time stands still.
    with unit_of_work(factory) as s:
        a = current_session(s, agent_id=w.agents[0])
    with unit_of_work(factory) as s:
        b = current_session(s, agent_id=w.agents[0])
    assert a is not None and b is not None
    assert a.elapsed_seconds == b.elapsed_seconds == pytest.approx(600, abs=5)
    # Move the pause 5 minutes back, as if it had lasted that long.
    with unit_of_work(factory, write_lock=True) as s:
        s.execute(
            update(WorkSession)
            .where(WorkSession.id == sid)
            .values(paused_at=paused.paused_at - timedelta(minutes=5))
        )
    with unit_of_work(factory, write_lock=True) as s:
        resumed = resume_session(s, agent_id=w.agents[0], session_id=sid)
    assert resumed.state == "running" and resumed.paused_at is None
    assert 300 <= resumed.paused_seconds <= 310
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        resume_session(s, agent_id=w.agents[0], session_id=sid)


def test_rule8_duration_is_stop_minus_start_minus_pauses(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 600, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=3600, paused_seconds=600)
    with unit_of_work(factory) as s:
        started = s.get_one(WorkSession, sid).started_at
    stopped = _stop(factory, w.agents[0], sid, stop_at=started + timedelta(minutes=30), reason="ثبت دیرهنگام")
    assert stopped.duration_seconds == 20 * 60
    assert stopped.billable_minutes == 20
    assert _balance(factory, package) == 580


def test_rule8_paused_session_stopped_counts_the_pause_up_to_the_stop(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 600, days_ago=5)
    # Started an hour ago; worked 10 minutes, then paused (and never resumed).
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=3600, state="paused", paused_ago=3000)
    stopped = _stop(factory, w.agents[0], sid)
    assert stopped.billable_minutes == 10
    assert stopped.duration_seconds <= 600
    with unit_of_work(factory) as s:
        row = s.get_one(WorkSession, sid)
        assert (row.state, row.paused_at, row.billable_minutes) == ("stopped", None, 10)
        assert row.paused_seconds >= 3000
    assert _balance(factory, package) == 590


def test_rule8_rounding_policy_per_channel(factory: Factory) -> None:
    w = _world(factory, agents=3)
    package = _buy(factory, w, 1000, days_ago=5)
    with unit_of_work(factory) as s:
        set_setting(
            s,
            "rounding",
            {
                "phone": {"increment": 15, "minimum": 0},
                "remote": {"increment": 1, "minimum": 30},
                "ticket": {"increment": 1, "minimum": 0},
            },
        )
    cases = [("phone", 16 * 60, 30), ("remote", 5 * 60, 30), ("ticket", 61, 2)]
    total = 0
    for agent, (channel, seconds, expected) in zip(w.agents, cases, strict=True):
        sid = _backdated(factory, agent, w.customer, seconds_ago=seconds, channel=channel)
        with unit_of_work(factory) as s:
            running = current_session(s, agent_id=agent)
        assert running is not None
        assert (running.rounding_increment, running.billable_minutes_so_far) == (
            {"phone": 15, "remote": 1, "ticket": 1}[channel],
            expected,
        )
        stopped = _stop(factory, agent, sid)
        assert stopped.billable_minutes == expected, channel
        total += expected
    assert _balance(factory, package) == 1000 - total


def test_rule8_first_expiring_package_is_used_first(factory: Factory) -> None:
    w = _world(factory)
    later = _buy(factory, w, 100, days_ago=10)  # created first, expires later
    sooner = _buy(factory, w, 30, days_ago=200)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(50))
    stopped = _stop(factory, w.agents[0], sid)
    assert stopped.allocations == ((sooner, 30), (later, 20))
    assert stopped.overage == 0
    assert (_balance(factory, sooner), _balance(factory, later)) == (0, 80)


def test_rule8_overage_is_recorded_when_packages_run_out(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 10, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(25))
    stopped = _stop(factory, w.agents[0], sid)
    assert (stopped.billable_minutes, stopped.allocations, stopped.overage) == (25, ((package, 10),), 15)
    assert _ledger(factory)[1:] == [("deduction", package, sid, -10), ("overage", None, sid, -15)]
    assert _balance(factory, package) == 0


def test_rule8_extra_session_is_all_overage(factory: Factory) -> None:
    w = _world(factory)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(7), billing="extra")
    stopped = _stop(factory, w.agents[0], sid)
    assert (stopped.allocations, stopped.overage) == ((), 7)
    assert _ledger(factory) == [("overage", None, sid, -7)]


# --------------------------------------------------------------------------------------------------
# Stopping: once only, by the right person, at a valid time
# --------------------------------------------------------------------------------------------------


def test_rule8_stopping_twice_is_a_conflict_and_deducts_once(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(12))
    _stop(factory, w.agents[0], sid)
    ledger = _ledger(factory)
    with unit_of_work(factory) as s:
        audit = latest_change_id(s)
    with pytest.raises(ConflictError) as info:
        _stop(factory, w.agents[0], sid)
    assert "متوقف" in info.value.message
    with pytest.raises(ConflictError):
        _stop(factory, w.supervisor, sid)
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        recover_session(s, agent_id=w.agents[0], session_id=sid, stop_at=None, reason=None)
    assert _ledger(factory) == ledger
    assert _balance(factory, package) == 48
    with unit_of_work(factory) as s:
        assert latest_change_id(s) == audit


def test_rule8_two_pcs_stopping_one_session_at_once_deduct_once(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 100, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(9))
    pcs = 4
    barrier = threading.Barrier(pcs)
    stopped: list[StoppedSession] = []
    conflicts: list[ConflictError] = []
    others: list[BaseException] = []

    def pc() -> None:
        try:
            barrier.wait(timeout=30)
            stopped.append(_stop(factory, w.agents[0], sid))
        except ConflictError as exc:
            conflicts.append(exc)
        except BaseException as exc:
            others.append(exc)

    pool = [threading.Thread(target=pc) for _ in range(pcs)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=60)
    assert others == []
    assert (len(stopped), len(conflicts)) == (1, pcs - 1)
    assert _balance(factory, package) == 91
    assert [e[0] for e in _ledger(factory)] == ["purchase", "deduction"]


def test_only_the_sessions_agent_or_a_supervisor_can_stop_it(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(5))
    with pytest.raises(PermissionDeniedError):
        _stop(factory, w.agents[1], sid)
    with pytest.raises(PermissionDeniedError), unit_of_work(factory, write_lock=True) as s:
        pause_session(s, agent_id=w.agents[1], session_id=sid)
    stopped = _stop(factory, w.supervisor, sid)
    assert stopped.billable_minutes == 5
    with pytest.raises(NotFoundError):
        _stop(factory, w.agents[0], 987654)


def test_entered_stop_time_must_be_within_the_session_and_have_a_reason(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=600)
    with unit_of_work(factory) as s:
        started = s.get_one(WorkSession, sid).started_at
    bad: list[dict[str, Any]] = [
        {"stop_at": started - timedelta(seconds=1), "reason": "اشتباه"},
        {"stop_at": started + timedelta(hours=1), "reason": "آینده"},
        {"stop_at": started + timedelta(minutes=5), "reason": "   "},
        {"stop_at": started + timedelta(minutes=5)},
        {"stop_at": datetime(2030, 1, 1, 10, 0), "reason": "بدون منطقهٔ زمانی"},
        {"reason": "دلیل بدون زمان"},
        {"stop_at": started + timedelta(minutes=5), "reason": "x" * 501},
    ]
    for kwargs in bad:
        with pytest.raises(ValidationError):
            _stop(factory, w.agents[0], sid, **kwargs)
    assert [e[0] for e in _ledger(factory)] == ["purchase"]
    stopped = _stop(factory, w.agents[0], sid, stop_at=started + timedelta(minutes=5), reason="  فراموش شد ")
    assert stopped.edited_reason == "فراموش شد"
    assert stopped.billable_minutes == 5


def test_session_past_the_end_of_the_business_day_is_flagged(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    late = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(3))
    on_time = _backdated(factory, w.agents[1], w.customer, seconds_ago=_minutes_ago(3))
    with unit_of_work(factory) as s:
        now = server_now(s)
    assert _stop(factory, w.agents[0], late, day_end=now - timedelta(minutes=1)).flagged
    assert not _stop(factory, w.agents[1], on_time, day_end=now + timedelta(hours=1)).flagged
    with unit_of_work(factory) as s:
        assert s.get_one(WorkSession, late).flagged is True
        assert s.get_one(WorkSession, on_time).flagged is False


# --------------------------------------------------------------------------------------------------
# Crash safety: heartbeat, orphans, recovery
# --------------------------------------------------------------------------------------------------


def test_heartbeat_updates_only_the_heartbeat(factory: Factory) -> None:
    w = _world(factory)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=600, heartbeat_ago=300, billing="extra")
    with unit_of_work(factory) as s:
        audit = latest_change_id(s)
        row = s.get_one(WorkSession, sid)
        old = (row.started_at, row.heartbeat_at, row.state, row.paused_seconds)
    with unit_of_work(factory, write_lock=True) as s:
        beat = heartbeat(s, session_id=sid)
    with unit_of_work(factory) as s:
        row = s.get_one(WorkSession, sid)
        assert row.heartbeat_at == beat > old[1]
        assert (row.started_at, row.state, row.paused_seconds) == (old[0], old[2], old[3])
        assert latest_change_id(s) == audit
    _stop(factory, w.agents[0], sid)
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        heartbeat(s, session_id=sid)
    with pytest.raises(NotFoundError), unit_of_work(factory, write_lock=True) as s:
        heartbeat(s, session_id=987654)


def test_orphaned_sessions_are_those_with_an_old_heartbeat(factory: Factory) -> None:
    w = _world(factory)
    orphan = _backdated(
        factory, w.agents[0], w.customer, seconds_ago=3600, heartbeat_ago=600, billing="extra"
    )
    _backdated(factory, w.agents[1], w.customer, seconds_ago=3600, heartbeat_ago=5, billing="extra")
    with unit_of_work(factory) as s:
        found = orphaned_sessions(s, agent_id=w.agents[0])
        fresh = orphaned_sessions(s, agent_id=w.agents[1])
        strict = orphaned_sessions(s, agent_id=w.agents[0], older_than_seconds=900)
    assert [r.id for r in found] == [orphan]
    assert fresh == [] and strict == []


def test_recovery_stops_at_the_last_heartbeat(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    # Started 40 minutes ago; the app died 25 minutes ago (15 minutes of work).
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=2400, heartbeat_ago=1500)
    with unit_of_work(factory) as s:
        heartbeat_at = s.get_one(WorkSession, sid).heartbeat_at
    with unit_of_work(factory, write_lock=True) as s:
        stopped = recover_session(s, agent_id=w.agents[0], session_id=sid, stop_at=None, reason=None)
    assert stopped.stopped_at == heartbeat_at
    assert stopped.billable_minutes == 15
    assert stopped.edited_reason  # a recovered stop is never passed off as clocked
    assert _balance(factory, package) == 45
    with unit_of_work(factory) as s:
        assert orphaned_sessions(s, agent_id=w.agents[0]) == []
        assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first() == "recover"


def test_recovery_at_an_entered_time_needs_a_reason(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=2400, heartbeat_ago=1500)
    with unit_of_work(factory) as s:
        started = s.get_one(WorkSession, sid).started_at
    with pytest.raises(ValidationError), unit_of_work(factory, write_lock=True) as s:
        recover_session(
            s, agent_id=w.agents[0], session_id=sid, stop_at=started + timedelta(minutes=20), reason=""
        )
    with unit_of_work(factory, write_lock=True) as s:
        stopped = recover_session(
            s,
            agent_id=w.agents[0],
            session_id=sid,
            stop_at=started + timedelta(minutes=20),
            reason="برق رفت؛ تماس ۲۰ دقیقه بود",
        )
    assert (stopped.billable_minutes, stopped.edited_reason) == (20, "برق رفت؛ تماس ۲۰ دقیقه بود")
    assert _balance(factory, package) == 40
    with unit_of_work(factory) as s:
        assert s.get_one(WorkSession, sid).edited_reason == "برق رفت؛ تماس ۲۰ دقیقه بود"


# --------------------------------------------------------------------------------------------------
# Reads: current session (balance warnings) and lists
# --------------------------------------------------------------------------------------------------


def test_current_session_gives_elapsed_time_and_the_balance_that_would_remain(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 30, days_ago=5)
    with unit_of_work(factory) as s:
        assert current_session(s, agent_id=w.agents[0]) is None
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(12))
    with unit_of_work(factory) as s:
        running = current_session(s, agent_id=w.agents[0])
    assert running is not None and running.id == sid
    assert running.elapsed_seconds == pytest.approx(12 * 60 - 30, abs=10)
    assert (running.balance_minutes_before, running.billable_minutes_so_far) == (30, 12)
    assert running.balance_minutes_left == 18
    assert running.balance_left_at(20 * 60) == 10  # the UI's 10-minutes-left warning
    assert running.balance_left_at(30 * 60) == 0
    assert running.balance_left_at(31 * 60) == -1


def test_list_sessions_filters_by_agent_and_start(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=5)
    ticket = _ticket(factory, w.customer, "technical")
    old = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(120))
    _stop(factory, w.agents[0], old)
    with unit_of_work(factory, write_lock=True) as s:
        new = start_session(
            s,
            agent_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[ticket],
            confirm_extra=False,
        ).id
    other = _backdated(factory, w.agents[1], w.customer, seconds_ago=60)
    with unit_of_work(factory) as s:
        now = server_now(s)
        mine = list_sessions(s, agent_id=w.agents[0])
        recent = list_sessions(s, since=now - timedelta(minutes=30))
        early = list_sessions(s, until=now - timedelta(minutes=30))
        with pytest.raises(ValidationError):
            list_sessions(s, since=datetime(2026, 1, 1))
    assert [v.id for v in mine] == [old, new]
    assert mine[0].state == "stopped" and mine[0].billable_minutes == 120
    assert mine[0].duration_seconds is not None and mine[0].duration_seconds >= 7170
    assert (mine[1].state, mine[1].ticket_ids, mine[1].duration_seconds) == ("running", (ticket,), None)
    assert mine[1].customer_name == "شرکت نمونه" and mine[1].agent_name == "کارشناس 0"
    assert sorted(v.id for v in recent) == sorted([new, other])
    assert [v.id for v in early] == [old]


# --------------------------------------------------------------------------------------------------
# No lost update: many agents stopping against shared packages
# --------------------------------------------------------------------------------------------------


def test_rule8_concurrent_stops_never_lose_or_double_a_minute(factory: Factory) -> None:
    threads, per_thread = 8, 10
    w = _world(factory, agents=threads)
    packages = [_buy(factory, w, 150, days_ago=100), _buy(factory, w, 250, days_ago=10)]
    errors: list[BaseException] = []
    billed: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def work(agent: int, index: int) -> None:
        try:
            start.wait(timeout=30)
            for i in range(per_thread):
                minutes = 4 + (index + i) % 5
                sid = _backdated(factory, agent, w.customer, seconds_ago=_minutes_ago(minutes))
                with unit_of_work(factory, write_lock=True) as s:
                    stopped = stop_session(s, agent_id=agent, session_id=sid)
                assert stopped.billable_minutes == minutes
                with lock:
                    billed.append(minutes)
        except BaseException as exc:
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(a, i)) for i, a in enumerate(w.agents)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    assert errors == []
    total = sum(billed)
    assert len(billed) == threads * per_thread
    assert total > 400  # more than the packages hold: the overage path runs too
    with unit_of_work(factory) as s:
        ledger_sum = s.scalar(
            select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.customer_id == w.customer)
        )
        overage = s.scalar(select(func.sum(-LedgerEntry.minutes)).where(LedgerEntry.kind == "overage"))
        stopped_minutes = s.scalar(select(func.sum(WorkSession.billable_minutes)))
    assert ledger_sum == 400 - total
    assert overage == total - 400
    assert stopped_minutes == total
    assert [_balance(factory, p) for p in packages] == [0, 0]

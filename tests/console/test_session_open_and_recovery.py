"""Session timer services: one open session per agent, crash safety (heartbeat, orphans,
recovery), and reads (the current session and its balance warnings, session lists).

Every test runs on a temporary SQLite file and on the real PostgreSQL server (the ``factory``
fixture). Durations are made deterministic with rows inserted with chosen (backdated) times, or an
explicit ``stop_at``: a row started ``N minutes - 30 s`` ago and stopped on the server clock bills N
minutes with a 1-minute increment (as long as the stop comes within 30 s).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from console.audit import latest_change_id
from console.db import server_now, unit_of_work
from console.errors import ConflictError, NotFoundError, ValidationError
from console.models import AuditEntry, WorkSession
from console.sessions import (
    OpenSessionConflictError,
    current_session,
    heartbeat,
    list_sessions,
    orphaned_sessions,
    pause_session,
    quote_session,
    recover_session,
    start_session,
)
from tests.console.session_world import (
    Factory,
    _backdated,
    _backends_waiting_on_locks,
    _balance,
    _buy,
    _is_pg,
    _minutes_ago,
    _stop,
    _ticket,
    _wait_for,
    _world,
)

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
                actor_id=agent,
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
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert q.open_session_id == first
    start(w.agents[1])  # another agent is not affected
    with unit_of_work(factory, write_lock=True) as s:
        pause_session(s, actor_id=w.agents[0], session_id=first)
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
                    actor_id=w.agents[0],
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
            actor_id=w.agents[0],
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
        assert row.heartbeat_at == beat.at > old[1]
        assert beat.changes == ()
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
        stopped = recover_session(s, actor_id=w.agents[0], session_id=sid, stop_at=None, reason=None)
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
            s, actor_id=w.agents[0], session_id=sid, stop_at=started + timedelta(minutes=20), reason=""
        )
    with unit_of_work(factory, write_lock=True) as s:
        stopped = recover_session(
            s,
            actor_id=w.agents[0],
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
            actor_id=w.agents[0],
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

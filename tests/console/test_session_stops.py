"""Session timer services, stopping (rule 8): durations, pauses, rounding, deduction order,
overage, stopping once only by the right person at a valid time, and concurrent stops.

Every test runs on a temporary SQLite file and on the real PostgreSQL server (the ``factory``
fixture). Durations are made deterministic with rows inserted with chosen (backdated) times, or an
explicit ``stop_at``: a row started ``N minutes - 30 s`` ago and stopped on the server clock bills N
minutes with a 1-minute increment (as long as the stop comes within 30 s).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from console.audit import latest_change_id
from console.db import server_now, unit_of_work
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.models import LedgerEntry, WorkSession
from console.sessions import (
    StoppedSession,
    current_session,
    pause_session,
    recover_session,
    resume_session,
    stop_session,
)
from console.settings import set_setting
from tests.console.session_world import (
    Factory,
    _backdated,
    _balance,
    _buy,
    _ledger,
    _minutes_ago,
    _stop,
    _world,
)

# --------------------------------------------------------------------------------------------------
# Rule 8: durations, pauses, rounding, deduction order, overage
# --------------------------------------------------------------------------------------------------


def test_rule8_pause_and_resume_accumulate_paused_seconds(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=600)
    with unit_of_work(factory, write_lock=True) as s:
        paused = pause_session(s, actor_id=w.agents[0], session_id=sid)
    assert paused.state == "paused" and paused.paused_at is not None
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        pause_session(s, actor_id=w.agents[0], session_id=sid)
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
        resumed = resume_session(s, actor_id=w.agents[0], session_id=sid)
    assert resumed.state == "running" and resumed.paused_at is None
    assert 300 <= resumed.paused_seconds <= 310
    with pytest.raises(ConflictError), unit_of_work(factory, write_lock=True) as s:
        resume_session(s, actor_id=w.agents[0], session_id=sid)


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
        recover_session(s, actor_id=w.agents[0], session_id=sid, stop_at=None, reason=None)
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
        pause_session(s, actor_id=w.agents[1], session_id=sid)
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
                    stopped = stop_session(s, actor_id=agent, session_id=sid)
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

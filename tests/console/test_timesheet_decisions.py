"""Timesheets on SQLite and PostgreSQL: supervisors' decisions (approve, reject) and the locks
they put on sessions.

Sessions are inserted as rows with chosen times and deducted through the ledger service, as a stop
does. Periods lie a few weeks before the database server's today: approvals need a period that has
ended by the server's clock, and corrections a package still valid on it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import jalali_year_month
from console.models import AuditEntry
from console.timesheets import (
    approve_period,
    assert_session_editable,
    is_locked,
    jalali_month,
    jalali_week,
    reject_period,
    timesheet,
)
from tests.console.timesheet_world import Factory, World, add_session
from tests.console.timesheet_world import world as world

# --------------------------------------------------------------------------------------------------
# Decisions and locks
# --------------------------------------------------------------------------------------------------


def test_approved_week_locks_its_sessions(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        inside = add_session(s, world, world.at(6, 23, 30), 60)  # Friday night, runs past midnight
        after = add_session(s, world, world.at(7, 9), 10)  # Saturday of the next week
    with unit_of_work(factory, write_lock=True) as s:
        change = approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    assert change.entity == "timesheet" and change.action == "approve"
    with unit_of_work(factory) as s:
        assert is_locked(s, world.ali, world.at(0, 0))
        assert is_locked(s, world.ali, world.at(6, 23, 59))
        assert not is_locked(s, world.ali, world.at(7, 0))
        assert not is_locked(s, world.sara, world.at(3, 12))  # another agent's timesheet
        with pytest.raises(ConflictError, match="تأیید شده است"):
            assert_session_editable(s, inside)
        assert_session_editable(s, after)
        with pytest.raises(NotFoundError):
            assert_session_editable(s, 9999)
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.id == change.id)).one()
    assert sheet.status == "approved" and sheet.fully_locked
    assert sheet.decision is not None and sheet.decision.decided_by_name == "مریم احمدی"
    assert (sheet.decision.period_start, sheet.decision.period_end) == (start, end)
    assert all(line.locked for line in sheet.sessions())
    assert audit.agent_id == world.supervisor and '"status": "approved"' in (audit.after or "")


def test_approving_needs_a_supervisor_an_ended_period_and_no_open_session(
    factory: Factory, world: World
) -> None:
    start, end = world.week
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        approve_period(s, actor_id=world.ali, agent_id=world.ali, start=start, end=end)
    this_week = jalali_week(world.today)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="هنوز تمام نشده"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=this_week[0], end=this_week[1])
    with unit_of_work(factory) as s:
        add_session(s, world, world.at(2, 9), 0, state="running")
    with unit_of_work(factory) as s, pytest.raises(ConflictError, match="هنوز باز"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.sara, start=start, end=end)
    with unit_of_work(factory) as s, pytest.raises(ConflictError, match="پیش‌تر تأیید"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.sara, start=start, end=end)
    with unit_of_work(factory) as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "timesheet"))
            == 1
        )


def test_reject_needs_reason(factory: Factory, world: World) -> None:
    start, end = world.week
    for blank in ("", "   "):
        with unit_of_work(factory) as s, pytest.raises(ValidationError, match="دلیل رد کارکرد لازم"):
            reject_period(
                s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end, reason=blank
            )
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        reject_period(s, actor_id=world.ali, agent_id=world.ali, start=start, end=end, reason="کم است")
    with unit_of_work(factory) as s:
        reject_period(
            s,
            actor_id=world.supervisor,
            agent_id=world.ali,
            start=start,
            end=end,
            reason="  جلسهٔ دوشنبه ثبت نشده  ",
        )
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end)
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "timesheet")))
    assert sheet.status == "rejected" and sheet.decision is not None
    assert sheet.decision.reason == "جلسهٔ دوشنبه ثبت نشده"
    assert sheet.locked_days == frozenset() and actions == ["reject"]


def test_latest_decision_wins_a_rejection_reopens_an_approved_week(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        reject_period(
            s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end, reason="بازبینی دوباره"
        )
    with unit_of_work(factory) as s:
        assert not is_locked(s, world.ali, world.at(2, 12))
        assert (
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end).status == "rejected"
        )
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        assert is_locked(s, world.ali, world.at(2, 12))


def test_month_approval_shows_on_the_week_view_and_locks_every_day(factory: Factory, world: World) -> None:
    # a month that ended at least a week ago
    last_month_end = world.today - timedelta(days=40)
    month = jalali_month(*jalali_year_month(last_month_end))
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=month[0], end=month[1])
    week = jalali_week(month[0] + timedelta(days=10))
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=week[0], end=week[1])
        assert is_locked(s, world.ali, datetime.combine(month[1] - timedelta(days=1), time(23, 59), TEHRAN))
        assert not is_locked(s, world.ali, datetime.combine(month[1], time(0), TEHRAN))
    assert sheet.status == "approved" and sheet.fully_locked
    assert sheet.decision is not None and (sheet.decision.period_start, sheet.decision.period_end) == month

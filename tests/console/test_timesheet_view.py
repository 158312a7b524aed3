"""Timesheets on SQLite and PostgreSQL: Jalali periods and the timesheet (days, weekly totals,
gaps, flags, who may see it).

Sessions are inserted as rows with chosen times and deducted through the ledger service, as a stop
does. Periods lie a few weeks before the database server's today: approvals need a period that has
ended by the server's clock, and corrections a package still valid on it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from console.audit import record_change
from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import jalali_month_length, jalali_to_gregorian
from console.models import Agent, Ticket
from console.timesheets import (
    FLAG_EDITED,
    FLAG_FORGOTTEN,
    FLAG_OVERAGE,
    jalali_month,
    jalali_week,
    timesheet,
)
from tests.console.timesheet_world import Factory, World, add_session
from tests.console.timesheet_world import world as world

# --------------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------------


def test_jalali_week_runs_saturday_to_friday() -> None:
    tuesday = jalali_to_gregorian(1405, 9, 3)
    assert tuesday.weekday() == 1
    saturday = jalali_to_gregorian(1405, 8, 30)
    assert jalali_week(tuesday) == (saturday, jalali_to_gregorian(1405, 9, 7))
    assert jalali_week(saturday) == (saturday, saturday + timedelta(days=7))
    friday = jalali_to_gregorian(1405, 9, 6)
    assert friday.weekday() == 4 and jalali_week(friday)[0] == saturday
    assert jalali_week(friday + timedelta(days=1))[0] == friday + timedelta(days=1)


def test_jalali_month_is_half_open() -> None:
    start, end = jalali_month(1405, 12)
    assert start == jalali_to_gregorian(1405, 12, 1)
    assert end == jalali_to_gregorian(1406, 1, 1)
    assert (end - start).days == jalali_month_length(1405, 12)


def test_bad_period_is_refused(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        with pytest.raises(ValidationError, match="پایان دوره"):
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=end, end=start)
        with pytest.raises(ValidationError, match="بیش از حد بلند"):
            timesheet(
                s, viewer_id=world.ali, agent_id=world.ali, start=start, end=start + timedelta(days=200)
            )
        with pytest.raises(TypeError):
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.at(0, 0), end=end)


# --------------------------------------------------------------------------------------------------
# The timesheet
# --------------------------------------------------------------------------------------------------


def test_timesheet_groups_sessions_by_tehran_day_with_packages_tickets_and_overage(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        ticket = Ticket(
            customer_id=world.customer,
            subject="خطای فاکتور",
            category="technical",
            created_at=world.at(0, 8),
            updated_at=world.at(0, 8),
        )
        s.add(ticket)
        s.flush()
        first = add_session(s, world, world.at(0, 9), 40, tickets=[ticket.id])
        # 23:50 Tehran is 20:20 UTC: still Saturday here, whatever day UTC says
        late = add_session(s, world, world.at(0, 23, 50), 20, channel="remote")
        # 00:10 Tehran on Sunday is 20:40 UTC on Saturday: a Sunday session
        early = add_session(s, world, world.at(1, 0, 10), 30)
        # 600 - 90 = 510 left; 600 minutes asked: 510 from the package, 90 overage
        big = add_session(s, world, world.at(2, 10), 600)
        add_session(s, world, world.at(2, 9), 15, agent=world.sara)  # someone else's
        add_session(s, world, world.at(7, 9), 15)  # the next week
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])

    assert sheet.agent_name == "علی رضایی"
    assert [d.day for d in sheet.days] == [world.week[0] + timedelta(days=n) for n in (0, 1, 2)]
    saturday, sunday, monday = sheet.days
    assert [line.id for line in saturday.sessions] == [first, late]
    assert [line.id for line in sunday.sessions] == [early]
    assert [line.id for line in monday.sessions] == [big]
    line = saturday.sessions[0]
    assert line.customer_name == "شرکت نمونه" and line.ticket_ids == (ticket.id,)
    assert line.channel == "phone" and line.billable_minutes == 40 and line.worked_seconds == 40 * 60
    assert [(c.package_id, c.package_kind, c.minutes) for c in line.charges] == [
        (world.package, "support", 40)
    ]
    assert line.flags == frozenset() and line.overage_minutes == 0 and not line.locked
    assert saturday.sessions[1].channel == "remote"
    (over,) = monday.sessions
    assert [(c.package_id, c.minutes) for c in over.charges] == [(world.package, 510)]
    assert over.overage_minutes == 90 and FLAG_OVERAGE in over.flags
    assert saturday.totals.sessions == 2 and saturday.totals.billable_minutes == 60
    assert monday.totals.package_minutes == 510 and monday.totals.overage_minutes == 90
    assert sheet.total.sessions == 4 and sheet.total.billable_minutes == 690
    assert sheet.total.package_minutes == 600 and sheet.total.overage_minutes == 90
    assert [(w.start, w.end, w.totals.sessions) for w in sheet.weeks] == [(*world.week, 4)]
    assert sheet.status == "pending" and sheet.decision is None and sheet.locked_days == frozenset()


def test_month_timesheet_totals_each_jalali_week(factory: Factory, world: World) -> None:
    start, end = jalali_month(1405, 8)
    assert start == jalali_to_gregorian(1405, 8, 1)
    with unit_of_work(factory) as s:
        for n in (0, 3, 10, 29):
            add_session(s, world, datetime.combine(start + timedelta(days=n), time(9), TEHRAN), 10)
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    assert sheet.weeks[0].start == start and sheet.weeks[-1].end == end
    assert all(w.end - w.start <= timedelta(days=7) for w in sheet.weeks)
    assert [w.start.weekday() for w in sheet.weeks[1:]] == [5] * (len(sheet.weeks) - 1)  # Saturdays
    assert sum(w.totals.sessions for w in sheet.weeks) == sheet.total.sessions == 4
    assert sheet.total.billable_minutes == 40


def test_gaps_longer_than_30_minutes_between_sessions_of_a_day(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        a = add_session(s, world, world.at(0, 8), 30)  # 08:00-08:30
        b = add_session(s, world, world.at(0, 9), 30)  # 30 min later: not a gap; 09:00-09:30
        c = add_session(s, world, world.at(0, 10, 1), 10)  # 31 min later: a gap
        add_session(s, world, world.at(1, 15), 10)  # the next day: no gap across days
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])
    (gap,) = sheet.days[0].gaps
    assert (gap.after_session_id, gap.before_session_id, gap.minutes) == (b, c, 31)
    assert gap.start == world.at(0, 9, 30) and gap.end == world.at(0, 10, 1)
    assert a != b and sheet.days[1].gaps == ()


def test_forgotten_timer_and_edited_time_flags(factory: Factory, world: World) -> None:
    now = world.at(3, 20)
    with unit_of_work(factory) as s:
        flagged = add_session(s, world, world.at(0, 9), 20, flagged=True)
        long_stop = add_session(s, world, world.at(0, 10), 11 * 60, billing="free")  # stopped after 11 h
        typed = add_session(s, world, world.at(1, 9), 20, edited_reason="برق رفت؛ زمان توقف دستی ثبت شد")
        recovered = add_session(s, world, world.at(1, 10), 20, edited_reason="بازیابی پس از بسته شدن برنامه")
        record_change(s, agent_id=world.ali, entity="session", entity_id=recovered, action="recover")
        record_change(s, agent_id=world.ali, entity="session", entity_id=typed, action="stop")
        normal = add_session(s, world, world.at(2, 9), 20)
        running = add_session(s, world, world.at(3, 9), 0, state="running")  # 11 h before `now`
        short = add_session(s, world, world.at(3, 18), 0, state="paused", agent=world.sara)
    with unit_of_work(factory) as s:
        sheet = timesheet(
            s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1], now=now
        )
        sara = timesheet(
            s, viewer_id=world.sara, agent_id=world.sara, start=world.week[0], end=world.week[1], now=now
        )
    flags = {line.id: line.flags for line in sheet.sessions()}
    assert flags[flagged] == {FLAG_FORGOTTEN}
    assert flags[long_stop] == {FLAG_FORGOTTEN}
    assert flags[typed] == {FLAG_EDITED}
    assert flags[recovered] == {FLAG_FORGOTTEN, FLAG_EDITED}
    assert flags[normal] == frozenset()
    assert flags[running] == {FLAG_FORGOTTEN}
    (open_line,) = [line for line in sheet.sessions() if line.id == running]
    assert open_line.is_open and open_line.stopped_at is None and open_line.billable_minutes is None
    assert open_line.worked_seconds == 11 * 3600
    assert sheet.total.flagged == 5
    (paused,) = sara.sessions()
    assert paused.id == short and paused.flags == frozenset()


def test_agent_sees_only_own_timesheet(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        add_session(s, world, world.at(0, 9), 20)
    with unit_of_work(factory) as s:
        with pytest.raises(PermissionDeniedError, match="فقط کارکرد خودش"):
            timesheet(s, viewer_id=world.sara, agent_id=world.ali, start=start, end=end)
        assert (
            len(timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end).sessions()) == 1
        )
        assert (
            len(timesheet(s, viewer_id=world.supervisor, agent_id=world.ali, start=start, end=end).sessions())
            == 1
        )
        with pytest.raises(NotFoundError):
            timesheet(s, viewer_id=world.supervisor, agent_id=9999, start=start, end=end)
        s.get_one(Agent, world.sara).active = False
        s.flush()
        with pytest.raises(PermissionDeniedError):
            timesheet(s, viewer_id=world.sara, agent_id=world.sara, start=start, end=end)

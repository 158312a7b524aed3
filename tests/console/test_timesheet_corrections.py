"""Timesheets on SQLite and PostgreSQL: corrections to sessions after approval, as compensating
ledger entries.

Sessions are inserted as rows with chosen times and deducted through the ledger service, as a stop
does. Periods lie a few weeks before the database server's today: approvals need a period that has
ended by the server's clock, and corrections a package still valid on it.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.customers import package_balances
from console.db import unit_of_work
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.ledger import record_purchase
from console.models import Customer, LedgerEntry, Package, WorkSession
from console.packages import package_expiry
from console.timesheets import (
    FLAG_CORRECTED,
    correct_session,
    timesheet,
)
from tests.console.timesheet_world import Factory, World, _approve, add_session, ledger_count
from tests.console.timesheet_world import world as world

# --------------------------------------------------------------------------------------------------
# Corrections
# --------------------------------------------------------------------------------------------------


def test_correction_in_approved_period_is_a_compensating_ledger_entry(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 40)
    _approve(factory, world)
    with unit_of_work(factory, write_lock=True) as s:
        result = correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=15, reason="تماس دوم ثبت نشده بود"
        )
    (entry,) = result.entries
    assert (entry.package_id, entry.minutes_delta, entry.created_by_name) == (world.package, 15, "مریم احمدی")
    assert result.change.entity == "ledger" and result.change.action == "correct_session"
    with unit_of_work(factory) as s:
        ws = s.get_one(WorkSession, sid)
        assert (ws.billable_minutes, ws.stopped_at) == (40, world.at(1, 9, 40))  # the session is unchanged
        row = s.get_one(LedgerEntry, entry.id)
        assert (row.kind, row.package_id, row.session_id, row.minutes) == (
            "correction",
            world.package,
            sid,
            -15,
        )
        assert row.reason == "تماس دوم ثبت نشده بود" and row.created_by == world.supervisor
        assert package_balances(s)[world.package] == 600 - 40 - 15
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])
    (line,) = sheet.sessions()
    assert line.billable_minutes == 40 and line.correction_minutes == 15 and line.package_minutes == 55
    assert FLAG_CORRECTED in line.flags
    assert [(c.id, c.session_id, c.minutes_delta) for c in sheet.corrections] == [(entry.id, sid, 15)]
    assert sheet.total.correction_minutes == 15 and sheet.total.package_minutes == 55


def test_correction_gives_minutes_back_last_charged_first_never_more_than_taken(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        later, _ = record_purchase(
            s,
            actor_id=world.supervisor,
            customer_id=world.customer,
            kind="support",
            minutes=300,
            purchased_on=world.today - timedelta(days=30),
            reference="T-2",
            today=world.today,
        )
        add_session(s, world, world.at(0, 9), 580)  # leaves 20 on the first package
        sid = add_session(s, world, world.at(1, 9), 50)  # 20 from the first, 30 from the later one
    _approve(factory, world)
    with unit_of_work(factory) as s:
        before = package_balances(s)
        (line,) = [
            x
            for x in timesheet(
                s, viewer_id=world.supervisor, agent_id=world.ali, start=world.week[0], end=world.week[1]
            ).sessions()
            if x.id == sid
        ]
    assert [(c.package_id, c.minutes) for c in line.charges] == [(world.package, 20), (later, 30)]
    count = ledger_count(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="حداکثر ۵۰"):
        correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-51, reason="اشتباه")
    assert ledger_count(factory) == count
    with unit_of_work(factory) as s:
        result = correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=-40, reason="نیمی از تماس قطع بود"
        )
    assert [(e.package_id, e.minutes_delta) for e in result.entries] == [(later, -30), (world.package, -10)]
    with unit_of_work(factory) as s:
        after = package_balances(s)
        assert after[later] == before[later] + 30 and after[world.package] == before[world.package] + 10
        with pytest.raises(ValidationError, match="حداکثر ۱۰"):
            correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-11, reason="باز هم")


def test_correction_beyond_the_package_balance_is_refused(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 590)  # 10 left
    _approve(factory, world)
    count = ledger_count(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="کافی نیست"):
        correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=11, reason="دیرتر تمام شد"
        )
    assert ledger_count(factory) == count
    with unit_of_work(factory) as s:
        correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=10, reason="دیرتر تمام شد"
        )
        assert package_balances(s)[world.package] == 0


def test_correction_is_refused_where_it_does_not_apply(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        unapproved = add_session(s, world, world.at(7, 9), 10)  # the next week: not approved
        free = add_session(s, world, world.at(0, 9), 10, billing="free")
        paid = add_session(s, world, world.at(0, 10), 590)  # empties the package
        overage = add_session(s, world, world.at(1, 9), 30, billing="extra")  # all overage now
        running = add_session(s, world, world.at(2, 9), 0, state="running", agent=world.sara)
    _approve(factory, world)
    count = ledger_count(factory)
    cases: list[tuple[int, int, str, type[Exception], str]] = [
        (unapproved, 5, "دلیل", ConflictError, "دورهٔ تأییدشده نیست"),
        (free, 5, "دلیل", ValidationError, "رایگان"),
        (overage, -5, "دلیل", ValidationError, "ساعات مازاد"),
        (running, 5, "دلیل", ConflictError, "هنوز باز"),
        (paid, 0, "دلیل", ValidationError, "نمی‌تواند صفر باشد"),
        (paid, 24 * 60 + 1, "دلیل", ValidationError, "حداکثر ۱٬۴۴۰ دقیقه"),
        (paid, -5, "  ", ValidationError, "دلیل تصحیح لازم"),
        (9999, -5, "دلیل", NotFoundError, "پیدا نشد"),
    ]
    for sid, delta, reason, error, message in cases:
        with unit_of_work(factory) as s, pytest.raises(error, match=message):
            correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=delta, reason=reason)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        correct_session(s, actor_id=world.ali, session_id=paid, minutes_delta=-5, reason="دلیل")
    assert ledger_count(factory) == count


def test_correction_against_an_expired_package_is_refused(factory: Factory, world: World) -> None:
    # bought a year before a day in the world's week: valid for the session, expired by today
    bought = world.week[0] - timedelta(days=364)
    with unit_of_work(factory) as s:
        other = Customer(code="1002", name="شرکت قدیمی")
        s.add(other)
        s.flush()
        old, _ = record_purchase(
            s,
            actor_id=world.supervisor,
            customer_id=other.id,
            kind="support",
            minutes=100,
            purchased_on=bought,
            reference="OLD",
            today=world.today,
        )
        expiry = s.get_one(Package, old).expires_on
        assert expiry == package_expiry(bought) and world.at(0, 0).date() < expiry <= world.today
        sid = add_session(s, world, world.at(0, 9), 30, customer=other.id)
    _approve(factory, world)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="منقضی"):
        correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-5, reason="دلیل")


def test_concurrent_corrections_never_give_back_more_than_the_session_took(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 30)
    _approve(factory, world)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def refund() -> None:
        barrier.wait(timeout=10)
        try:
            with unit_of_work(factory, write_lock=True) as s:
                correct_session(
                    s, actor_id=world.supervisor, session_id=sid, minutes_delta=-20, reason="هم‌زمان"
                )
        except ValidationError:
            outcomes.append("refused")
        else:
            outcomes.append("recorded")

    threads = [threading.Thread(target=refund) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["recorded", "refused"]
    with unit_of_work(factory) as s:
        net = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.session_id == sid))
        assert net == -30 + 20
        assert package_balances(s)[world.package] == 600 - 10

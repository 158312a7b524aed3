"""The timesheets page: an agent's week or month by day, and a supervisor's review, on a real database.

Sessions lie in a week three weeks before the database server's today (approvals need a period that
has ended by the server's clock); the page's clock is set to the server's today.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN, FixedClock
from console.db import server_now, unit_of_work
from console.jalali import jalali_year_month, local_date
from console.ledger import deduct, record_purchase
from console.models import Agent, Customer, LedgerEntry, TimesheetDecision, WorkSession
from console.timesheets import approve_period, jalali_month, jalali_week
from tests.ui.helpers import wait_prompt
from ui.dialogs.timesheet_dialogs import CorrectionDialog, RejectDialog
from ui.pages.timesheets import TimesheetModel, TimesheetsPage

WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton
Factory = sessionmaker[Session]


@dataclass(frozen=True)
class World:
    supervisor: int
    ali: int
    sara: int
    package: int
    now: datetime
    week: tuple[date, date]
    sessions: tuple[int, ...]


def _session(s: Session, agent: int, customer: int, start: datetime, minutes: int) -> int:
    stop = start + timedelta(minutes=minutes)
    ws = WorkSession(
        agent_id=agent,
        customer_id=customer,
        channel="phone",
        kind="support",
        billing="package",
        state="stopped",
        started_at=start,
        stopped_at=stop,
        heartbeat_at=stop,
        paused_seconds=0,
        billable_minutes=minutes,
        note="",
    )
    s.add(ws)
    s.flush()
    deduct(
        s,
        customer_id=customer,
        kind="support",
        minutes=minutes,
        on=local_date(stop),
        at=stop,
        session_id=ws.id,
        actor_id=agent,
    )
    return ws.id


@pytest.fixture
def world(factory: Factory) -> World:
    with unit_of_work(factory) as s:
        now = server_now(s)
        today = local_date(now)
        maryam = Agent(username="maryam", full_name="مریم احمدی", role="supervisor")
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        sara = Agent(username="sara", full_name="سارا محمدی", role="agent")
        customer = Customer(code="1001", name="شرکت نمونه")
        s.add_all([maryam, ali, sara, customer])
        s.flush()
        package, _ = record_purchase(
            s,
            actor_id=maryam.id,
            customer_id=customer.id,
            kind="support",
            minutes=600,
            purchased_on=today - timedelta(days=60),
            reference="T-1",
            today=today,
        )
        week = jalali_week(today - timedelta(days=21))

        def at(day: int, hour: int, minute: int = 0) -> datetime:
            return datetime.combine(week[0] + timedelta(days=day), time(hour, minute), TEHRAN)

        sessions = (
            _session(s, ali.id, customer.id, at(0, 9), 30),
            _session(s, ali.id, customer.id, at(0, 11), 20),  # a 90-minute gap before it
            _session(s, ali.id, customer.id, at(2, 10), 45),
            _session(s, sara.id, customer.id, at(1, 10), 15),
        )
        return World(maryam.id, ali.id, sara.id, package, now, week, sessions)


MakePage = Callable[[int], TimesheetsPage]


@pytest.fixture
def make_page(open_page, world: World) -> MakePage:  # type: ignore[no-untyped-def]
    def build(agent_id: int) -> TimesheetsPage:
        page: TimesheetsPage = open_page(
            TimesheetsPage,
            agent_id,
            clock=FixedClock(world.now),
            size=(1400, 800),
            loaded=lambda p: p.sheet is not None,
        )
        return page

    return build


def show(qtbot: QtBot, page: TimesheetsPage, agent_id: int, day: date) -> None:
    """Pick an agent and a day, and wait for that timesheet."""
    page.select_agent(agent_id)
    page.date_edit.set_value(day)
    start, end = page.period()
    qtbot.waitUntil(
        lambda: (
            page.sheet is not None
            and (page.sheet.agent_id, page.sheet.start, page.sheet.end) == (agent_id, start, end)
        ),
        timeout=WAIT,
    )


def click_ok(buttons: QDialogButtonBox) -> None:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    QTest.mouseClick(ok, LEFT)


def kinds(page: TimesheetsPage) -> list[str]:
    return [row.kind for row in page.model.rows()]


def test_week_is_grouped_by_day_with_gaps_and_totals(
    qtbot: QtBot, make_page: MakePage, world: World, qtmodeltester: object
) -> None:
    page = make_page(world.supervisor)
    qtbot.waitUntil(lambda: page.agent_combo.count() == 3, timeout=WAIT)  # every agent, by name
    assert page.agent_combo.isEnabled()
    show(qtbot, page, world.ali, world.week[0] + timedelta(days=3))
    assert page.period() == world.week
    assert kinds(page) == ["day", "session", "gap", "session", "day", "session", "total"]
    model = page.model
    day = model.index(0, TimesheetModel.COL_WHEN).data()
    assert day.startswith("شنبه") and "۱۴۰" in day  # a Jalali date with Persian digits
    assert model.index(1, TimesheetModel.COL_CUSTOMER).data() == "شرکت نمونه"
    assert model.index(1, TimesheetModel.COL_BILLABLE).data() == "۳۰ دقیقه"
    assert "۱ ساعت و ۳۰ دقیقه" in model.index(2, TimesheetModel.COL_CUSTOMER).data()  # the gap
    assert model.index(0, TimesheetModel.COL_BILLABLE).data() == "۵۰ دقیقه"  # the day's total
    assert model.index(6, TimesheetModel.COL_BILLABLE).data() == "۱ ساعت و ۳۵ دقیقه"  # the week's
    assert model.index(1, TimesheetModel.COL_CHARGED).data().endswith("۳۰ دقیقه")
    assert page.banner.text() and page.sheet is not None and page.sheet.status == "pending"
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_week_month_switch_and_previous_next(qtbot: QtBot, make_page: MakePage, world: World) -> None:
    page = make_page(world.supervisor)
    show(qtbot, page, world.ali, world.week[0])
    page.set_month_view(True)
    month = jalali_month(*jalali_year_month(world.week[0]))
    qtbot.waitUntil(
        lambda: page.sheet is not None and (page.sheet.start, page.sheet.end) == month, timeout=WAIT
    )
    assert "week" in kinds(page) and kinds(page)[-1] == "total"
    QTest.mouseClick(page.previous_button, LEFT)
    before = jalali_month(*jalali_year_month(month[0] - timedelta(days=1)))
    qtbot.waitUntil(
        lambda: page.sheet is not None and (page.sheet.start, page.sheet.end) == before, timeout=WAIT
    )
    QTest.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(
        lambda: page.sheet is not None and (page.sheet.start, page.sheet.end) == month, timeout=WAIT
    )
    page.set_month_view(False)
    qtbot.waitUntil(
        lambda: page.sheet is not None and page.sheet.end - page.sheet.start == timedelta(days=7),
        timeout=WAIT,
    )


def test_supervisor_approves_a_week_from_the_ui(
    qtbot: QtBot, make_page: MakePage, world: World, factory: Factory
) -> None:
    page = make_page(world.supervisor)
    show(qtbot, page, world.ali, world.week[0])
    assert page.approve_button.isVisible() and page.approve_button.isEnabled()
    QTest.mouseClick(page.approve_button, LEFT)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox) and "علی رضایی" in box.text()
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    QTest.mouseClick(yes, LEFT)
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.status == "approved", timeout=WAIT)
    assert "مریم احمدی" in page.banner.text()
    assert not page.approve_button.isEnabled()  # already approved
    day_rows = [r for r in page.model.rows() if r.kind == "day"]
    assert all(r.locked for r in day_rows)
    with unit_of_work(factory) as s:
        (decision,) = s.scalars(select(TimesheetDecision)).all()
    assert (decision.agent_id, decision.period_start, decision.period_end) == (world.ali, *world.week)
    assert decision.status == "approved" and decision.decided_by == world.supervisor


def test_this_week_cannot_be_approved_yet(qtbot: QtBot, make_page: MakePage, world: World) -> None:
    page = make_page(world.supervisor)
    show(qtbot, page, world.ali, local_date(world.now))
    assert not page.approve_button.isEnabled() and page.approve_button.toolTip()
    assert page.reject_button.isEnabled()


def test_reject_asks_for_a_reason(qtbot: QtBot, make_page: MakePage, world: World, factory: Factory) -> None:
    page = make_page(world.supervisor)
    show(qtbot, page, world.ali, world.week[0])
    QTest.mouseClick(page.reject_button, LEFT)
    dialog = wait_prompt(qtbot, page, RejectDialog)
    assert isinstance(dialog, RejectDialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    QTest.keyClicks(dialog.reason_edit, "Missing calls")
    click_ok(dialog.buttons)
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.status == "rejected", timeout=WAIT)
    assert "Missing calls" in page.banner.text()
    with unit_of_work(factory) as s:
        (decision,) = s.scalars(select(TimesheetDecision)).all()
    assert decision.status == "rejected" and decision.reason == "Missing calls"


def test_correct_a_session_of_an_approved_week(
    qtbot: QtBot, make_page: MakePage, world: World, factory: Factory
) -> None:
    with unit_of_work(factory) as s:
        approve_period(
            s, actor_id=world.supervisor, agent_id=world.ali, start=world.week[0], end=world.week[1]
        )
    page = make_page(world.supervisor)
    show(qtbot, page, world.ali, world.week[0])
    assert not page.correct_button.isEnabled()  # nothing selected
    first = world.sessions[0]
    assert page.select_session(first)
    assert page.correct_button.isEnabled()
    QTest.mouseClick(page.correct_button, LEFT)
    dialog = wait_prompt(qtbot, page, CorrectionDialog)
    assert isinstance(dialog, CorrectionDialog) and dialog.line.id == first
    dialog.minutes_edit.setValue(-10)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # no reason yet
    QTest.keyClicks(dialog.reason_edit, "Line dropped")
    assert "۱۰ دقیقه" in dialog.effect.text()
    click_ok(dialog.buttons)
    qtbot.waitUntil(lambda: page.corrections_model.rowCount() == 1, timeout=WAIT)
    assert page.corrections.isVisibleTo(page)
    (line,) = [x for x in page.sheet.sessions() if x.id == first] if page.sheet else []
    assert line.correction_minutes == -10
    with unit_of_work(factory) as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "correction")).one()
        ws = s.get_one(WorkSession, first)
    assert (entry.session_id, entry.package_id, entry.minutes, entry.reason) == (
        first,
        world.package,
        10,
        "Line dropped",
    )
    assert ws.billable_minutes == 30  # the approved session itself is unchanged


def test_agent_sees_only_own_timesheet_without_review_buttons(
    qtbot: QtBot, make_page: MakePage, world: World
) -> None:
    page = make_page(world.ali)
    assert not page.agent_combo.isEnabled() and page.agent_combo.count() == 1
    assert page.agent_id() == world.ali
    for button in (page.approve_button, page.reject_button, page.correct_button):
        assert not button.isVisibleTo(page)
    page.date_edit.set_value(world.week[0])
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.start == world.week[0], timeout=WAIT)
    assert {line.id for line in page.sheet.sessions()} == set(world.sessions[:3])  # not Sara's

"""The business calendar page edits the shared calendar on a real database (rule 2 of docs/rules.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.calendar import default_weekly_hours
from console.calendar_store import CalendarSettings, calendar_settings, seed_calendar, set_weekly_hours
from console.clock import TEHRAN, FixedClock
from console.db import describe, unit_of_work
from console.jalali import format_date, format_time, gregorian_to_jalali, jalali_to_gregorian
from console.models import Agent
from tests.ui.helpers import click_row, new_agent, wait_prompt
from ui.dialogs.closure_dialog import ClosureDialog
from ui.dialogs.holiday_dialog import HolidayDialog
from ui.jalali_widgets import JalaliDateEdit, JalaliDateTimeEdit, TimeEdit
from ui.pages.calendar_settings import CalendarSettingsPage

NOW = datetime(2026, 11, 24, 10, 30, tzinfo=TEHRAN)  # a Tuesday, 1405/09/03, open 08:00-17:00
TUESDAY, THURSDAY, FRIDAY, SATURDAY = 1, 3, 4, 5
WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton

MakePage = Callable[..., CalendarSettingsPage]


@pytest.fixture
def make_page(open_page, factory: sessionmaker[Session], db_url: str) -> MakePage:  # type: ignore[no-untyped-def]
    """The page as the shell builds it (runner, change feed, fixed clock), for a new account of ``role``."""
    with unit_of_work(factory) as s:
        seed_calendar(s, NOW.date())

    def build(role: str = "supervisor") -> CalendarSettingsPage:
        page: CalendarSettingsPage = open_page(
            CalendarSettingsPage,
            new_agent(factory, role),
            clock=FixedClock(NOW),
            size=(1240, 800),
            database=describe(db_url),
            loaded=lambda p: p.settings is not None,
        )
        return page

    return build


def stored(factory: sessionmaker[Session]) -> CalendarSettings:
    with unit_of_work(factory) as s:
        return calendar_settings(s)


def click_ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    QTest.mouseClick(ok, LEFT)


def answer_remove(qtbot: QtBot, page: CalendarSettingsPage) -> None:
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    (remove,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    QTest.mouseClick(remove, LEFT)


def test_weekly_hours_round_trip(qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]) -> None:
    page = make_page()
    days = page.hours_editor.days
    assert [d for d in days] == [5, 6, 0, 1, 2, 3, 4]  # Saturday … Friday
    assert days[FRIDAY].intervals() == [] and days[FRIDAY].closed.isVisibleTo(page)
    assert "۱۷:۰۰" in page.preview.text()  # open now; closes at 17:00

    ((_opens, closes),) = days[TUESDAY].pairs()
    closes.setFocus()
    closes.setSelectedSection(QDateTimeEdit.Section.HourSection)
    QTest.keyClicks(closes, "12")  # typed in Latin digits, shown in Persian
    assert closes.text() == "۱۲:۰۰"
    QTest.mouseClick(days[TUESDAY].add_button, LEFT)  # after the lunch break
    assert days[TUESDAY].intervals() == [(time(8), time(12)), (time(13), time(15))]
    days[TUESDAY].pairs()[1][1].set_value(time(18))
    QTest.mouseClick(days[FRIDAY].add_button, LEFT)
    days[THURSDAY].remove_interval(0)
    assert page.dirty and page.save_button.isEnabled()

    QTest.mouseClick(page.save_button, LEFT)
    # the change feed brings the saved hours back to the page
    qtbot.waitUntil(
        lambda: page.settings is not None and page.settings.weekly_hours[FRIDAY] != (), timeout=WAIT
    )
    weekly = stored(factory).weekly_hours
    assert weekly[TUESDAY] == ((time(8), time(12)), (time(13), time(18)))
    assert weekly[FRIDAY] == ((time(8), time(17)),)
    assert weekly[THURSDAY] == ()
    assert weekly[SATURDAY] == ((time(8), time(17)),)
    assert not page.dirty and not page.save_button.isEnabled()
    assert days[TUESDAY].intervals() == [(time(8), time(12)), (time(13), time(18))]
    assert days[THURSDAY].closed.isVisibleTo(page)
    qtbot.waitUntil(lambda: format_time(time(12)) in page.preview.text(), timeout=WAIT)


def test_malformed_hours_show_the_services_message_and_change_nothing(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    page = make_page()
    ((_opens, closes),) = page.hours_editor.days[SATURDAY].pairs()
    closes.set_value(time(7))  # ends before it starts
    QTest.mouseClick(page.save_button, LEFT)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert "ساعات کاری نامعتبر است" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    assert stored(factory).weekly_hours == {d: default_weekly_hours().get(d, ()) for d in range(7)}
    assert page.dirty  # the supervisor's edit is still there to fix
    assert page.hours_editor.days[SATURDAY].intervals() == [(time(8), time(7))]


def test_hours_another_supervisor_saved_meanwhile_are_not_overwritten(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    page = make_page()
    ((_opens, closes),) = page.hours_editor.days[SATURDAY].pairs()
    closes.set_value(time(16))  # this supervisor starts editing...
    assert page.dirty
    theirs = {d: list(v) for d, v in default_weekly_hours().items()}
    theirs[SATURDAY] = [(time(9), time(14))]
    with unit_of_work(factory, write_lock=True) as s:  # ...and another saves first, from another PC
        other = Agent(username="other", full_name="سرپرست دیگر", role="supervisor")
        s.add(other)
        s.flush()
        set_weekly_hours(s, actor_id=other.id, weekly_hours=theirs)
    QTest.mouseClick(page.save_button, LEFT)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox) and "سرپرست دیگری" in box.text()
    box.accept()
    assert stored(factory).weekly_hours[SATURDAY] == ((time(9), time(14)),)  # theirs, kept
    qtbot.waitUntil(  # and shown, in place of the edit that was refused
        lambda: page.hours_editor.days[SATURDAY].intervals() == [(time(9), time(14))], timeout=WAIT
    )
    assert not page.dirty


def test_add_a_holiday_with_the_jalali_picker(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    page = make_page()
    assert page.year.value() == 1405 and page.year.text() == "۱۴۰۵"
    before = page.holidays_model.rowCount()
    QTest.mouseClick(page.add_holiday_button, LEFT)
    dialog = wait_prompt(qtbot, page, HolidayDialog)
    assert isinstance(dialog, HolidayDialog)
    picker = dialog.date_edit
    assert picker.text() == "۱۴۰۵/۰۹/۰۳"  # today, Jalali, Persian digits
    picker.setFocus()
    picker.selectAll()  # the field is typed as a whole; eight digits get their slashes
    QTest.keyClicks(picker, "14050910")
    assert picker.text() == "۱۴۰۵/۰۹/۱۰"
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # no name yet
    QTest.keyClicks(dialog.name_edit, "Company day")
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: page.holidays_model.rowCount() == before + 1, timeout=WAIT)
    (added,) = [h for h in stored(factory).holidays if h.name == "Company day"]
    assert added.day == date(2026, 12, 1) == jalali_to_gregorian(1405, 9, 10)
    assert added.confirmed
    texts = [page.holidays_model.index(n, 0).data() for n in range(page.holidays_model.rowCount())]
    assert format_date(added.day) in texts


def test_confirm_an_estimated_holiday_moving_it_a_day(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    page = make_page()
    days = {h.day for h in page.holidays_model.rows()}
    n, estimated = next(
        (n, h)
        for n, h in enumerate(page.holidays_model.rows())
        if not h.confirmed and h.day + timedelta(days=1) not in days
    )
    assert not page.confirm_holiday_button.isEnabled()
    click_row(page.holidays, n)
    assert page.confirm_holiday_button.isEnabled()
    QTest.mouseClick(page.confirm_holiday_button, LEFT)
    dialog = wait_prompt(qtbot, page, HolidayDialog)
    assert isinstance(dialog, HolidayDialog)
    assert dialog.day() == estimated.day and dialog.name_edit.isReadOnly()
    dialog.date_edit.set_value(estimated.day + timedelta(days=1))
    click_ok(qtbot, dialog.buttons)

    def confirmed() -> bool:
        return any(h.id == estimated.id and h.confirmed for h in page.holidays_model.rows())

    qtbot.waitUntil(confirmed, timeout=WAIT)
    (row,) = [h for h in stored(factory).holidays if h.id == estimated.id]
    assert row.confirmed and row.day == estimated.day + timedelta(days=1) and row.estimated
    assert not page.confirm_holiday_button.isEnabled()  # the same row stays selected, now confirmed


def test_add_and_remove_a_closure(qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]) -> None:
    page = make_page()
    start = datetime(2026, 11, 25, 13, 0, tzinfo=TEHRAN)
    end = datetime(2026, 11, 25, 17, 0, tzinfo=TEHRAN)
    QTest.mouseClick(page.add_closure_button, LEFT)
    dialog = wait_prompt(qtbot, page, ClosureDialog)
    assert isinstance(dialog, ClosureDialog)
    dialog.start_edit.set_value(end)
    dialog.end_edit.set_value(start)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.problem.isVisibleTo(dialog)
    dialog.start_edit.set_value(start)
    dialog.end_edit.set_value(end)
    assert dialog.start_edit.date_edit.text() == "۱۴۰۵/۰۹/۰۴"
    assert dialog.end_edit.time_edit.text() == "۱۷:۰۰"
    dialog.reason_edit.setText("قطع برق")  # QTest types ASCII only
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: page.closures_model.rowCount() == 1, timeout=WAIT)
    (closure,) = stored(factory).closures
    assert (closure.starts_at, closure.ends_at, closure.reason) == (start, end, "قطع برق")
    assert page.closures_model.index(0, 0).data().endswith("۱۴۰۵/۰۹/۰۴ ۱۳:۰۰")

    click_row(page.closures, 0)
    QTest.mouseClick(page.remove_closure_button, LEFT)
    answer_remove(qtbot, page)
    qtbot.waitUntil(lambda: page.closures_model.rowCount() == 0, timeout=WAIT)
    assert stored(factory).closures == []


def test_remove_a_holiday_after_confirmation(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    page = make_page()
    victim = page.holidays_model.row_at(0)
    assert victim is not None
    click_row(page.holidays, 0)
    QTest.mouseClick(page.remove_holiday_button, LEFT)
    answer_remove(qtbot, page)
    qtbot.waitUntil(lambda: all(h.id != victim.id for h in page.holidays_model.rows()), timeout=WAIT)
    assert all(h.id != victim.id for h in stored(factory).holidays)


def test_an_agent_sees_the_calendar_read_only(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page(role="agent")
    assert page.read_only_note.isVisibleTo(page)
    assert page.holidays_model.rowCount() > 0  # the calendar is there to read
    buttons = page.findChildren(QPushButton)
    assert buttons and not any(b.isEnabled() for b in buttons)
    for day in page.hours_editor.days.values():
        assert not day.add_button.isEnabled()
        assert all(not a.isEnabled() and not b.isEnabled() for a, b in day.pairs())
    click_row(page.holidays, 0)
    assert not page.remove_holiday_button.isEnabled() and not page.confirm_holiday_button.isEnabled()


def test_supervisor_page_has_no_read_only_note(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page()
    assert not page.read_only_note.isVisibleTo(page)
    assert page.add_holiday_button.isEnabled() and page.add_closure_button.isEnabled()


def test_preview_says_why_it_is_closed_and_when_it_opens(make_page: MakePage) -> None:
    page = make_page()
    clock = page.ctx.clock
    assert isinstance(clock, FixedClock)
    clock.set(datetime(2026, 11, 24, 18, 0, tzinfo=TEHRAN))  # Tuesday after hours
    page.update_preview()
    assert "چهارشنبه ۱۴۰۵/۰۹/۰۴ ۰۸:۰۰" in page.preview.text()  # opens Wednesday 08:00
    assert page.settings is not None
    holiday = next(h for h in page.settings.holidays if h.day > NOW.date() and h.day.weekday() not in (3, 4))
    clock.set(datetime.combine(holiday.day, time(10), TEHRAN))
    page.update_preview()
    assert holiday.name.split()[0] in page.preview.text()
    assert format_date(holiday.day) not in page.preview.text()  # it opens on a later day


def test_models_pass_qtmodeltester(qtmodeltester, make_page: MakePage) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    qtmodeltester.check(page.holidays_model)
    qtmodeltester.check(page.closures_model)


def test_jalali_pickers_speak_python_values(qtbot: QtBot) -> None:
    picker = JalaliDateEdit(date(2025, 3, 25))
    qtbot.addWidget(picker)
    assert picker.text() == "۱۴۰۴/۰۱/۰۵" and picker.value() == date(2025, 3, 25)
    assert picker.calendarWidget().calendar().name() == "Jalali"
    picker.set_value(jalali_to_gregorian(1403, 12, 30))  # a leap Esfand
    assert picker.text() == "۱۴۰۳/۱۲/۳۰" and gregorian_to_jalali(picker.value()) == (1403, 12, 30)
    with pytest.raises(TypeError):
        picker.set_value(datetime(2025, 3, 25, tzinfo=TEHRAN))

    clock = TimeEdit(time(8, 30))
    qtbot.addWidget(clock)
    assert clock.text() == "۰۸:۳۰" and clock.value() == time(8, 30)

    moment = JalaliDateTimeEdit(datetime(2025, 3, 25, 6, 0, tzinfo=TEHRAN))
    qtbot.addWidget(moment)
    value = moment.value()
    assert value == datetime(2025, 3, 25, 6, 0, tzinfo=TEHRAN) and value.utcoffset() == timedelta(hours=3.5)
    moment.set_value(datetime(2025, 3, 25, 17, 15, tzinfo=UTC))  # shown on the Tehran clock
    assert moment.date_edit.text() == "۱۴۰۴/۰۱/۰۵" and moment.time_edit.text() == "۲۰:۴۵"
    with pytest.raises(ValueError):
        moment.set_value(datetime(2025, 3, 25, 6, 0))


def test_a_refused_holiday_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session]
) -> None:
    """Issue 12 defect 14: the service refuses (a holiday on that day already); the dialog stays, with
    the name typed and the refusal shown, and nothing was added."""
    page = make_page()
    taken = page.holidays_model.rows()[0].day
    before = page.holidays_model.rowCount()
    QTest.mouseClick(page.add_holiday_button, LEFT)
    dialog = wait_prompt(qtbot, page, HolidayDialog)
    assert isinstance(dialog, HolidayDialog)
    dialog.date_edit.set_value(taken)
    QTest.keyClicks(dialog.name_edit, "Company day")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=WAIT)
    assert "از پیش" in dialog.problem.text()
    assert dialog.isVisible() and page.prompt is dialog and dialog.name_edit.text() == "Company day"
    assert page.holidays_model.rowCount() == before
    dialog.date_edit.set_value(jalali_to_gregorian(1405, 9, 10))  # a free day: now it is added
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    qtbot.waitUntil(lambda: page.holidays_model.rowCount() == before + 1, timeout=WAIT)

"""The audit trail page: supervisors search who changed what; agents see nothing (real databases)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import create_account, set_active, set_role
from console.audit import Change
from console.calendar_store import add_holiday, seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR
from console.jalali import format_date
from tests.people import Person, add_people
from tests.ui.helpers import click_row
from ui.pages.audit import AuditPage, AuditTableModel, action_label, entity_label, readable, summary

WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton
TODAY = FIXED_ANCHOR.astimezone(TEHRAN).date()

MakePage = Callable[[str], AuditPage]


@pytest.fixture
def people(factory: sessionmaker[Session]) -> dict[str, int]:
    """A supervisor and an agent, and a few changes of each kind in the trail."""
    with unit_of_work(factory) as s:
        seed_calendar(s, TODAY)
    ids = add_people(
        factory, boss=Person("مریم احمدی", "supervisor", "x" * 9), ali=Person("علی رضایی", "agent", "y" * 9)
    )
    with unit_of_work(factory) as s:
        created = create_account(
            s,
            actor_id=ids["boss"],
            username="sara",
            full_name="سارا محمدی",
            role="agent",
            password="sara-pass-1",
        )
        ids["sara"] = int(created.entity_id or 0)
        set_active(s, actor_id=ids["boss"], agent_id=ids["sara"], active=False)
        add_holiday(s, actor_id=ids["boss"], day=date(2026, 12, 1), name="روز شرکت")
    return ids


@pytest.fixture
def make_page(open_page, people: dict[str, int]) -> MakePage:  # type: ignore[no-untyped-def]
    def build(who: str) -> AuditPage:
        page: AuditPage = open_page(
            AuditPage,
            people[who],
            clock=FixedClock(FIXED_ANCHOR),
            size=(1300, 800),
            loaded=lambda p: not p.ctx.agent.is_supervisor or (p.loaded and p.ctx.runner.is_idle()),
        )
        return page

    return build


def actions(page: AuditPage) -> list[str]:
    return [v.action for v in page.model.rows()]


def wait_rows(qtbot: QtBot, page: AuditPage, expected: list[str]) -> None:
    qtbot.waitUntil(
        lambda: page.ctx.runner.is_idle() and sorted(actions(page)) == sorted(expected), timeout=WAIT
    )


def test_supervisor_sees_the_trail_newest_first(make_page: MakePage) -> None:
    page = make_page("boss")
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not page.denied.isVisibleTo(page) and page.body.isVisibleTo(page)
    assert actions(page) == ["add_holiday", "disable", "create"]
    model = page.model
    holiday = model.rows()[0]
    assert model.index(0, AuditTableModel.COL_AGENT).data() == "مریم احمدی"
    assert model.index(0, AuditTableModel.COL_ENTITY).data() == entity_label("calendar")
    assert model.index(0, AuditTableModel.COL_ACTION).data() == action_label("add_holiday")
    assert format_date(date(2026, 12, 1)) in model.index(0, AuditTableModel.COL_CHANGE).data()
    assert holiday.after is not None and holiday.after["name"] == "روز شرکت"
    disable = model.index(1, AuditTableModel.COL_CHANGE).data()
    assert "فعال" in disable and "←" in disable  # the field in Persian; before ← after, read from the right
    assert page.count.text()


def test_selecting_an_entry_shows_before_and_after(
    qtbot: QtBot, make_page: MakePage, people: dict[str, int]
) -> None:
    page = make_page("boss")
    n = actions(page).index("disable")
    click_row(page.table, n)
    entry = page.selected()
    assert entry is not None and entry.action == "disable" and entry.entity_id == people["sara"]
    before, after = page.before_view.toPlainText(), page.after_view.toPlainText()
    assert "● \u2068فعال\u2069: \u2068بله" in before and "● \u2068فعال\u2069: \u2068خیر" in after
    assert "سارا محمدی" in before and "scrypt" not in before + after
    assert page.before_view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert "سارا" not in page.detail_title.text()  # the title names who did it, not the account
    assert "مریم احمدی" in page.detail_title.text()

    n = actions(page).index("create")
    click_row(page.table, n)
    assert page.before_view.toPlainText() == "—" and "sara" in page.after_view.toPlainText()
    assert "\u2068نقش\u2069: \u2068کارشناس" in page.after_view.toPlainText()  # codes by their Persian names


def test_filters_entity_agent_text_and_dates(
    qtbot: QtBot, make_page: MakePage, people: dict[str, int]
) -> None:
    page = make_page("boss")
    page.entity_combo.setCurrentIndex(page.entity_combo.findData("agent"))
    wait_rows(qtbot, page, ["disable", "create"])
    page.entity_combo.setCurrentIndex(0)
    wait_rows(qtbot, page, ["add_holiday", "disable", "create"])

    qtbot.waitUntil(lambda: page.agent_combo.findData(people["ali"]) >= 0, timeout=WAIT)
    page.agent_combo.setCurrentIndex(page.agent_combo.findData(people["ali"]))
    wait_rows(qtbot, page, [])
    page.agent_combo.setCurrentIndex(page.agent_combo.findData(people["boss"]))
    wait_rows(qtbot, page, ["add_holiday", "disable", "create"])

    QTest.keyClicks(page.search, "disable")
    wait_rows(qtbot, page, ["disable"])
    page.search.setText("روز شرکت")
    wait_rows(qtbot, page, ["add_holiday"])
    page.search.setText("'; DROP TABLE audit_log; --")
    wait_rows(qtbot, page, [])
    page.search.clear()
    wait_rows(qtbot, page, ["add_holiday", "disable", "create"])

    # the entries were made today by the database's clock; a range of long ago has none of them
    real_today = date.today()
    page.since_edit.set_value(real_today - timedelta(days=400))
    page.until_edit.set_value(real_today - timedelta(days=300))
    page.dates_check.setChecked(True)
    wait_rows(qtbot, page, [])
    page.until_edit.set_value(real_today + timedelta(days=1))
    wait_rows(qtbot, page, ["add_holiday", "disable", "create"])
    page.since_edit.set_value(real_today + timedelta(days=5))  # after the end date
    qtbot.waitUntil(
        lambda: page.count.text() == page.tr("The end date is before the start date."), timeout=WAIT
    )


def test_changes_from_elsewhere_reload_the_page(
    qtbot: QtBot, make_page: MakePage, factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    page = make_page("boss")
    with unit_of_work(factory) as s:  # another PC
        set_role(s, actor_id=people["boss"], agent_id=people["ali"], role="supervisor")
    qtbot.waitUntil(lambda: "role" in actions(page), timeout=WAIT)


def test_a_burst_of_changes_reloads_once(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page("boss")
    reloads: list[int] = []
    refresh = page.refresh
    page.refresh = lambda: (reloads.append(1), refresh())  # type: ignore[method-assign]
    burst = [Change(n, FIXED_ANCHOR, None, "ticket", n, "reply") for n in range(1000, 1010)]
    for change in burst:
        page.on_changes([change])
    page.on_changes([Change(2000, FIXED_ANCHOR, None, "customer_unknown", 1, "x")])
    assert page._reload.pending and reloads == []
    qtbot.waitUntil(lambda: reloads == [1], timeout=WAIT)
    qtbot.wait(200)
    assert reloads == [1]


def test_agent_sees_that_the_trail_is_for_supervisors(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page("ali")
    assert page.denied.isVisibleTo(page) and not page.body.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.ctx.runner.is_idle(), timeout=WAIT)
    page.refresh()
    assert page.ctx.runner.is_idle()  # nothing was even asked of the database
    assert page.model.rowCount() == 0 and not page.loaded
    page.on_changes([Change(1, FIXED_ANCHOR, None, "agent", 1, "create")])
    assert page._reload is not None and not page._reload.pending


def test_summary_and_pretty_formatting() -> None:
    from console.audit_query import AuditView, field_changes

    before, after = {"active": True, "when": "2026-11-24"}, {"active": False, "when": "2026-11-25"}
    view = AuditView(
        1, FIXED_ANCHOR, None, None, None, "agent", 3, "disable", before, after, field_changes(before, after)
    )
    text = summary(view)
    assert "۱۴۰۵/۰۹/۰۳" in text and "۱۴۰۵/۰۹/۰۴" in text and text.count("←") == 2
    assert readable(view, None) == "—"
    lines = readable(view, after).replace("\u2068", "").replace("\u2069", "").splitlines()
    assert lines == ["● فعال: خیر", "● when: ۱۴۰۵/۰۹/۰۴"]  # a key without a Persian name stays as is


def test_model_passes_qtmodeltester(qtmodeltester, make_page: MakePage) -> None:  # type: ignore[no-untyped-def]
    page = make_page("boss")
    qtmodeltester.check(page.model)

"""The reports page on the demo month: three charts over three tables, exports, supervisors only."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarSeries, QBarSet, QHorizontalStackedBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import find_agent
from console.audit import Change
from console.clock import FixedClock
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.reports import availability_by_month, minutes_by_customer_channel, sla_compliance
from tests.ui.helpers import close_context, make_context
from ui.pages.reports import (
    AvailabilityTableModel,
    ComplianceTableModel,
    ReportsPage,
)

WAIT = 10_000
TODAY = FIXED_ANCHOR.date()
PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
Factory = sessionmaker[Session]


def _page(qtbot: QtBot, factory: Factory, username: str) -> Iterator[ReportsPage]:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, username)
    assert agent is not None
    ctx = make_context(factory, FixedClock(FIXED_ANCHOR), agent, demo=True)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1440, 860)
    page.show()
    page.activate()
    if agent.is_supervisor:
        qtbot.waitUntil(lambda: page.loaded and ctx.runner.is_idle(), timeout=WAIT)
    yield page
    close_context(ctx)


@pytest.fixture
def page(qtbot: QtBot, factory: Factory) -> Iterator[ReportsPage]:
    yield from _page(qtbot, factory, "maryam")


def _bar_values(bar_set: QBarSet) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def test_three_charts_and_tables_of_the_demo(
    qtbot: QtBot, page: ReportsPage, factory: Factory, qtmodeltester: object
) -> None:
    with unit_of_work(factory) as s:
        boss = page.ctx.agent.id
        weeks = sla_compliance(s, actor_id=boss, weeks=8, today=TODAY)
        minutes = minutes_by_customer_channel(
            s, actor_id=boss, start=TODAY - timedelta(days=30), end=TODAY + timedelta(days=1)
        )
        months = availability_by_month(s, actor_id=boss, months=6, today=TODAY)
    assert page.sla_model.rowCount() == 8 and page.availability_model.rowCount() == 6
    assert {r.customer_id for r in page.minutes_model.rows()} == {r.customer_id for r in minutes}
    newest = page.sla_model.row_at(0)
    assert newest is not None and newest.week_start == weeks[-1].week_start  # newest week on top
    assert (
        page.sla_model.index(0, ComplianceTableModel.COL_WEEK).data().startswith("۱۴۰۵/۰۸/۳۰")
    )  # Saturday 30 Aban
    first = page.minutes_model.row_at(0)
    assert first is not None and first.total == max(r.total for r in minutes)
    assert set(page.availability_model.index(0, AvailabilityTableModel.COL_MONTH).data()) & PERSIAN_DIGITS

    # response SLA: bars and a median line; categories run from right to left (newest on the left)
    chart = page.sections["sla"].chart.chart()
    bars = next(s for s in chart.series() if isinstance(s, QBarSeries))
    line = next(s for s in chart.series() if isinstance(s, QLineSeries))
    shares = _bar_values(bars.barSets()[0])
    assert len(shares) == 8 and max(shares) > 50
    assert shares[0] == pytest.approx(100 * (weeks[-1].share_within or 0))
    assert line.count() == sum(1 for w in weeks if w.median_response is not None) > 0
    categories = chart.axes(Qt.Orientation.Horizontal)[0].categories()  # type: ignore[attr-defined]
    assert len(categories) == 8 and set(categories[0]) & PERSIAN_DIGITS and categories[0] == "۳۰ آبان"
    assert chart.localizeNumbers() and chart.locale().name() == "fa_IR"

    # minutes: the top ten customers, stacked by channel
    chart = page.sections["minutes"].chart.chart()
    (stacked,) = chart.series()
    assert isinstance(stacked, QHorizontalStackedBarSeries) and len(stacked.barSets()) == 3
    totals = [sum(b.at(i) for b in stacked.barSets()) for i in range(stacked.barSets()[0].count())]
    top = sorted((r.total for r in minutes), reverse=True)[:10]
    assert totals == list(reversed(top))  # the biggest customer on top of the (upward) category axis

    # availability: average, lowest and the target line
    chart = page.sections["availability"].chart.chart()
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert len(lines) == 3 and all(line.count() > 0 for line in lines)
    target = lines[2]
    assert {target.at(i).y() for i in range(target.count())} == {98.0}
    lowest = [lines[1].at(i).y() for i in range(lines[1].count())]
    assert min(lowest) == pytest.approx(100 * min(m.lowest for m in months if m.lowest is not None))

    for model in (page.sla_model, page.minutes_model, page.availability_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_export_each_section(qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    rows = page.sla_model.rowCount()
    assert page.export_to("sla", tmp_path / "sla.csv") == rows
    with (tmp_path / "sla.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert len(table) == rows + 1
    assert page.export_to("minutes", tmp_path / "minutes.xlsx") == page.minutes_model.rowCount()
    sheet = load_workbook(tmp_path / "minutes.xlsx").active
    assert sheet is not None and sheet.sheet_view.rightToLeft
    assert sheet.max_row == page.minutes_model.rowCount() + 1
    assert page.export_to("availability", tmp_path / "uptime.xlsx") == 6
    status = page.sections["availability"].status
    assert status.text() and status.toolTip() == str(tmp_path / "uptime.xlsx")


def test_export_button_asks_where_to_save(qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    page.tabs.setCurrentIndex(1)
    QTest.mouseClick(page.sections["minutes"].export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.prompt, QFileDialog) and page.prompt.isVisible(), timeout=WAIT)
    dialog = page.prompt
    assert isinstance(dialog, QFileDialog) and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "from-dialog.xlsx"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT)
    assert page.prompt is None


def test_changing_the_range_reloads(qtbot: QtBot, page: ReportsPage) -> None:
    page.weeks.setValue(4)
    qtbot.waitUntil(lambda: page.sla_model.rowCount() == 4, timeout=WAIT)
    page.since.set_value(TODAY)
    qtbot.waitUntil(
        lambda: all(r.sessions <= 10 for r in page.minutes_model.rows()) and page.ctx.runner.is_idle(),
        timeout=WAIT,
    )


def test_changes_reload_at_most_once_per_interval(qtbot: QtBot, page: ReportsPage) -> None:
    calls: list[int] = []
    page.ctx.runner.run = lambda *args, **kwargs: calls.append(1)  # type: ignore[method-assign]
    change = Change(id=1, at=FIXED_ANCHOR, agent_id=None, entity="session", entity_id=1, action="stop")
    for _ in range(5):
        page.on_changes([change])
    assert not calls and page._reload is not None and page._reload.pending
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=WAIT)


def test_an_agent_sees_no_reports(qtbot: QtBot, factory: Factory) -> None:
    for page in _page(qtbot, factory, "ali"):
        assert not page.allowed and page.denied.isVisible() and not page.tabs.isVisible()
        assert page.sla_model.rowCount() == 0

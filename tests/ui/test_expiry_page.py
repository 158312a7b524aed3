"""The package expiry page on the demo month: forecasts, recorded forfeits and exports (rule 7)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import find_agent
from console.clock import FixedClock
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.expiry import EXPORT_HEADERS, expired_packages, expiring_packages
from console.jalali import format_minutes
from tests.ui.helpers import close_context, make_context
from ui.pages.expiry import ExpiredTableModel, ExpiringTableModel, ExpiryPage

WAIT = 10_000
TODAY = FIXED_ANCHOR.date()
Factory = sessionmaker[Session]


@pytest.fixture
def page(qtbot: QtBot, factory: Factory) -> Iterator[ExpiryPage]:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, "maryam")
    assert agent is not None
    ctx = make_context(factory, FixedClock(FIXED_ANCHOR), agent, demo=True)
    page = ExpiryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.loaded and ctx.runner.is_idle(), timeout=WAIT)
    yield page
    close_context(ctx)


def test_lists_expiring_and_expired_packages_of_the_demo(
    qtbot: QtBot, page: ExpiryPage, factory: Factory, qtmodeltester: object
) -> None:
    with unit_of_work(factory) as s:
        expiring = expiring_packages(s, today=TODAY, within_days=30)
        expired = expired_packages(s, today=TODAY, since=TODAY - timedelta(days=90))
    assert expiring and expired  # the demo has both
    assert page.days.value() == 30
    assert {p.package_id for p in page.expiring_model.rows()} == {p.package_id for p in expiring}
    assert {p.package_id for p in page.expired_model.rows()} == {p.package_id for p in expired}
    first = page.expiring_model.row_at(0)
    assert first is not None and first.days_left == min(p.days_left for p in expiring)  # soonest first
    cell = page.expiring_model.index(0, ExpiringTableModel.COL_EXPIRES).data()
    assert cell.startswith("۱۴۰۵/")  # Jalali, Persian digits
    forfeited = [p for p in page.expired_model.rows() if p.forfeit_minutes]
    assert forfeited, "the demo records forfeits of expired packages"
    n = page.expired_model.rows().index(forfeited[0])
    shown = page.expired_model.index(n, ExpiredTableModel.COL_FORFEIT).data()
    assert shown == format_minutes(forfeited[0].forfeit_minutes)
    assert format_minutes(sum(p.projected_forfeit for p in expiring)) in page.expiring_summary.text()
    qtmodeltester.check(page.expiring_model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.expired_model)  # type: ignore[attr-defined]


def test_the_window_in_days_narrows_the_list(qtbot: QtBot, page: ExpiryPage) -> None:
    before = page.expiring_model.rowCount()
    page.days.setValue(7)
    qtbot.waitUntil(lambda: all(p.days_left <= 7 for p in page.expiring_model.rows()), timeout=WAIT)
    qtbot.waitUntil(lambda: page.ctx.runner.is_idle(), timeout=WAIT)
    assert page.expiring_model.rowCount() < before


def test_export_to_csv_and_excel(qtbot: QtBot, page: ExpiryPage, tmp_path: Path) -> None:
    rows = page.expiring_model.rowCount() + page.expired_model.rowCount()
    assert page.export_to(tmp_path / "report.csv") == rows
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == EXPORT_HEADERS and len(table) == rows + 1
    assert page.export_to(tmp_path / "report.xlsx") == rows
    sheet = load_workbook(tmp_path / "report.xlsx").active
    assert sheet is not None and sheet.sheet_view.rightToLeft and sheet.max_row == rows + 1
    assert page.status.text() and page.status.toolTip() == str(tmp_path / "report.xlsx")


def test_export_button_asks_where_to_save(qtbot: QtBot, page: ExpiryPage, tmp_path: Path) -> None:
    QTest.mouseClick(page.export_xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.prompt, QFileDialog) and page.prompt.isVisible(), timeout=WAIT)
    dialog = page.prompt
    assert isinstance(dialog, QFileDialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave and dialog.defaultSuffix() == "xlsx"
    target = tmp_path / "from-dialog.xlsx"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT)
    assert page.prompt is None
    assert load_workbook(target).active.sheet_view.rightToLeft  # type: ignore[union-attr]


def test_a_failed_export_says_so(qtbot: QtBot, page: ExpiryPage, tmp_path: Path) -> None:
    assert page.export_to(tmp_path / "missing-folder" / "x.csv") is None
    qtbot.waitUntil(lambda: isinstance(page.prompt, QMessageBox) and page.prompt.isVisible(), timeout=WAIT)
    box = page.prompt
    assert isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("فایل ذخیره نشد.")  # in Persian, with the system's reason after it
    assert not (tmp_path / "missing-folder").exists()
    box.accept()
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)

"""The main window opens right to left, in Persian, on a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import find_agent
from console.clock import FixedClock
from console.db import describe, unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from tests.ui.helpers import english_left
from ui.main_window import MainWindow
from ui.shell import build_shell


@pytest.fixture
def shell(qtbot: QtBot, factory: sessionmaker[Session], db_url: str) -> Iterator[tuple[MainWindow, object]]:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, "maryam")
    assert agent is not None
    window, ctx = build_shell(factory, FixedClock(FIXED_ANCHOR), agent, describe(db_url), demo=True)
    qtbot.addWidget(window)
    window.show()
    yield window, ctx
    ctx.feed.stop()
    ctx.runner.shutdown()


def test_main_window_is_right_to_left_and_persian(qtbot: QtBot, shell: tuple[MainWindow, object]) -> None:
    window, ctx = shell
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # navigation on the right: its left edge is right of the page stack's
    assert (
        window.nav.mapTo(window, window.nav.rect().topLeft()).x()
        > window.stack.mapTo(window, window.stack.rect().topLeft()).x()
    )
    for n in range(len(window.page_classes)):
        window.show_page(n)
        qtbot.waitUntil(lambda: ctx.runner.is_idle(), timeout=10_000)  # type: ignore[attr-defined]
        assert english_left(window) == [], f"English on page {n}"
    assert window.windowTitle() == "میز پشتیبانی"


def test_customers_page_shows_balances_from_the_ledger(
    qtbot: QtBot, shell: tuple[MainWindow, object]
) -> None:
    window, _ctx = shell
    n = next(n for n, cls in enumerate(window.page_classes) if cls.slug == "customers")
    window.show_page(n)
    page = window.page(n)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.packages_model.rowCount() > 0 or page.heading.text() != "", timeout=10_000)  # type: ignore[attr-defined]
    assert page.heading.text()  # type: ignore[attr-defined]


def test_table_models_pass_qtmodeltester(
    qtmodeltester, qtbot: QtBot, shell: tuple[MainWindow, object]
) -> None:  # type: ignore[no-untyped-def]
    window, _ctx = shell
    n = next(n for n, cls in enumerate(window.page_classes) if cls.slug == "customers")
    window.show_page(n)
    page = window.page(n)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=10_000)  # type: ignore[attr-defined]
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.ledger_model)  # type: ignore[attr-defined]


def test_pages_are_built_on_first_show(qtbot: QtBot, shell: tuple[MainWindow, object]) -> None:
    window, _ctx = shell
    built = {type(p).__name__ for p in window.built_pages()}
    assert "QueuePage" in built and "ReportsPage" not in built and "AuditPage" not in built
    n = next(n for n, cls in enumerate(window.page_classes) if cls.slug == "reports")
    assert window.nav.item(n).text() == "گزارش‌ها"  # titled before it is built
    window.show_page(n)
    assert type(window.page(n)).__name__ == "ReportsPage" and window.stack.currentWidget() is window.page(n)


def test_the_window_opens_within_the_screen_and_remembers_where_it_was(
    qtbot: QtBot, factory: sessionmaker[Session], db_url: str
) -> None:
    from PySide6.QtCore import QRect, QSettings
    from PySide6.QtGui import QGuiApplication

    from ui.main_window import GEOMETRY_KEY, fit_geometry

    available = QRect(0, 0, 1366, 728)  # a 1366×768 laptop less its task bar
    assert fit_geometry(QRect(0, 0, 1440, 860), available) == available
    assert fit_geometry(QRect(900, 500, 800, 600), available) == QRect(566, 128, 800, 600)

    QSettings().remove(GEOMETRY_KEY)  # first start: maximised
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, "maryam")
    assert agent is not None
    window, ctx = build_shell(factory, FixedClock(FIXED_ANCHOR), agent, describe(db_url), demo=True)
    qtbot.addWidget(window)
    try:
        window.show()
        assert window.isMaximized()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        # no larger than the screen, unless the pages' own minimum asks for more (the offscreen
        # screen is 800×800; the layouts' widths are issue 13's item 8 for every page)
        assert window.width() <= max(screen.width(), window.minimumSizeHint().width())
        assert window.height() <= max(screen.height(), window.minimumSizeHint().height())
        window.showNormal()
        window.setGeometry(QRect(screen.x() + 10, screen.y() + 20, 700, 500))
        before = window.geometry()
        window.setProperty("closing", True)
        window.close()  # remembered
    finally:
        ctx.feed.stop()  # type: ignore[attr-defined]
        ctx.runner.shutdown()  # type: ignore[attr-defined]
    again, ctx2 = build_shell(factory, FixedClock(FIXED_ANCHOR), agent, describe(db_url), demo=True)
    qtbot.addWidget(again)
    try:
        assert not (again.windowState() & Qt.WindowState.WindowMaximized)
        wanted = fit_geometry(before, screen)  # the window frame may take a pixel or two
        assert abs(again.width() - wanted.width()) <= 4 and abs(again.height() - wanted.height()) <= 4
    finally:
        ctx2.feed.stop()  # type: ignore[attr-defined]
        ctx2.runner.shutdown()  # type: ignore[attr-defined]
        QSettings().remove(GEOMETRY_KEY)

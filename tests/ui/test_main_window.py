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
    for n in range(len(window.pages)):
        window.show_page(n)
        qtbot.waitUntil(lambda: ctx.runner.is_idle(), timeout=10_000)  # type: ignore[attr-defined]
        assert english_left(window) == [], f"English on page {n}"
    assert window.windowTitle() == "میز پشتیبانی"


def test_customers_page_shows_balances_from_the_ledger(
    qtbot: QtBot, shell: tuple[MainWindow, object]
) -> None:
    window, _ctx = shell
    n, page = next((n, p) for n, p in enumerate(window.pages) if p.slug == "customers")
    window.show_page(n)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.packages_model.rowCount() > 0 or page.heading.text() != "", timeout=10_000)  # type: ignore[attr-defined]
    assert page.heading.text()  # type: ignore[attr-defined]


def test_table_models_pass_qtmodeltester(
    qtmodeltester, qtbot: QtBot, shell: tuple[MainWindow, object]
) -> None:  # type: ignore[no-untyped-def]
    window, _ctx = shell
    n, page = next((n, p) for n, p in enumerate(window.pages) if p.slug == "customers")
    window.show_page(n)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=10_000)  # type: ignore[attr-defined]
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.ledger_model)  # type: ignore[attr-defined]

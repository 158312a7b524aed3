"""Every page fits the most common office laptop and a full-HD screen (issue 13 item 8, issue 12
defects 7 and 10): at 1366×768 and 1920×1080 the window is no larger than asked, no label, button,
list, tab or column header is elided, cut or outside the window, and the queue keeps 25 letters of
the subject. Run with the demo office, as a supervisor sees it (every page open to them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import find_agent
from console.clock import FixedClock
from console.db import describe, unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from tests.ui.fits import clipped
from ui.main_window import MainWindow
from ui.pages.queue import OPTIONAL, SUBJECT_LETTERS, QueuePage
from ui.queue import QueueModel
from ui.shell import build_shell

SIZES = [(1366, 768), (1920, 1080)]


@pytest.fixture
def window(
    qtbot: QtBot, factory: sessionmaker[Session], db_url: str, engine: object
) -> Iterator[tuple[MainWindow, object]]:
    if "sqlite" not in db_url:
        pytest.skip("the layout does not depend on the database; SQLite is enough")
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, "maryam")
    assert agent is not None and agent.is_supervisor
    win, ctx = build_shell(factory, FixedClock(FIXED_ANCHOR), agent, describe(db_url), demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win, ctx
    ctx.feed.stop()  # type: ignore[attr-defined]
    ctx.runner.shutdown()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits_without_clipped_text(qtbot: QtBot, window, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    win, ctx = window
    win.resize(width, height)
    for n in range(len(win.page_classes)):
        win.show_page(n)
        qtbot.waitUntil(lambda: ctx.runner.is_idle(), timeout=10_000)
        qtbot.wait(50)
        page = win.page(n)
        assert (win.width(), win.height()) == (width, height), f"{type(page).__name__} needs a larger window"
        assert clipped(win) == [], type(page).__name__


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_queue_keeps_25_letters_of_the_subject_and_every_tab(
    qtbot: QtBot, window, width: int, height: int
) -> None:  # type: ignore[no-untyped-def]
    win, ctx = window
    win.resize(width, height)
    win.show_page(0)
    qtbot.waitUntil(lambda: ctx.runner.is_idle(), timeout=10_000)
    page = win.page(0)
    assert isinstance(page, QueuePage)
    table = page.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
    subject = table.columnWidth(QueueModel.COL_SUBJECT)
    assert subject >= SUBJECT_LETTERS * table.fontMetrics().averageCharWidth()
    tabs = page.tabs
    assert all(tabs.rect().contains(tabs.tabRect(i)) for i in range(tabs.count()))
    if width >= 1920:
        assert sum(table.isColumnHidden(c) for c in OPTIONAL) <= 1  # a wide screen shows (nearly) all

"""Shared GUI-test helpers: a demo-filled shell on a real database."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QTableView, QWidget

from console.calendar_store import seed_calendar
from console.clock import TEHRAN
from console.db import unit_of_work
from console.models import Agent, Customer, LedgerEntry, Package
from console.packages import package_expiry

LATIN = re.compile(r"[A-Za-z]{2,}")
# Keyboard shortcuts keep their key names (as on the keyboard itself): Ctrl+F, Ctrl+Shift+Enter, F5.
SHORTCUT = re.compile(
    r"\b(?:Ctrl|Alt|Shift|Meta)(?:\+(?:Ctrl|Alt|Shift|Enter|Return|[A-Z0-9]|F\d+))+|\bF\d+\b"
)


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of interface text a person sees under ``root`` (not the data in table cells)."""
    texts = [root.windowTitle()] if root.isWindow() else []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QListWidget):
            texts.extend(w.item(i).text() for i in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts.extend(str(model.headerData(c, _horizontal()) or "") for c in range(model.columnCount()))
        placeholder = getattr(w, "placeholderText", None)
        if callable(placeholder):
            texts.append(placeholder())
    return [t for t in texts if t]


def english_left(root: QWidget) -> list[str]:
    return [t for t in visible_texts(root) if LATIN.search(SHORTCUT.sub("", t))]


def _horizontal() -> Qt.Orientation:
    return Qt.Orientation.Horizontal


def process(ms: int = 50) -> None:
    QApplication.processEvents()


def make_context(factory, clock, agent, demo: bool = False, database=None):  # type: ignore[no-untyped-def]
    """An AppContext on a real database, as the app builds it (runner, change feed)."""
    from console.db import DatabaseInfo
    from ui.change_feed import ChangeFeed
    from ui.context import AppContext
    from ui.runner import DbRunner

    runner = DbRunner(factory)
    feed = ChangeFeed(factory, interval_ms=200)
    ctx = AppContext(
        runner=runner,
        feed=feed,
        clock=clock,
        agent=agent,
        database=database or DatabaseInfo("sqlite", "test", shared=False),
        demo=demo,
    )
    feed.start()
    return ctx


def close_context(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.feed.stop()
    ctx.runner.shutdown()


def new_agent(factory, role: str, full_name: str = "مریم رضایی") -> int:  # type: ignore[no-untyped-def]
    """A new active account of ``role`` with a username of its own; its id."""
    from sqlalchemy import func, select

    with unit_of_work(factory) as s:
        n = s.scalar(select(func.count()).select_from(Agent)) or 0
        row = Agent(username=f"{role}{n}", full_name=full_name, role=role, active=True)
        s.add(row)
        s.flush()
        return row.id


def seed_office(factory, password_hash: str | None = None) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """An office on an empty migrated database: the calendar, agent «ali», one customer and a
    600-minute support package bought on 1405/03/11. Returns (agent id, customer id, package id)."""
    with unit_of_work(factory) as s:
        seed_calendar(s, date(2026, 11, 24))
        ali = Agent(username="ali", full_name="علی رضایی", role="agent", password_hash=password_hash)
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([ali, c])
        s.flush()
        bought = date(2026, 6, 1)
        p = Package(
            customer_id=c.id,
            kind="support",
            minutes=600,
            purchased_on=bought,
            expires_on=package_expiry(bought),
        )
        s.add(p)
        s.flush()
        s.add(
            LedgerEntry(
                customer_id=c.id,
                package_id=p.id,
                kind="purchase",
                minutes=600,
                created_at=datetime(2026, 6, 1, tzinfo=TEHRAN),
            )
        )
        return ali.id, c.id, p.id


WAIT_MS = 10_000


def wait_prompt(qtbot, page, kind: type, timeout: int = WAIT_MS) -> object:  # type: ignore[no-untyped-def]
    """The dialog or question ``page`` opened (window-modal, without a nested event loop)."""

    def shown() -> bool:
        prompt = page.prompt
        return isinstance(prompt, kind) and prompt.isVisible()

    qtbot.waitUntil(shown, timeout=timeout)
    return page.prompt


def click_row(view: QTableView, row: int) -> None:
    """Click a row as a person would (QTableView.selectRow selects nothing right to left)."""
    from PySide6.QtTest import QTest

    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )
